package org.rnnlab.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.core.Network;
import org.rnnlab.core.RunControl;
import org.rnnlab.experiment.Sweep;
import org.rnnlab.run.JobKind;
import org.rnnlab.experiment.SweepMeans;
import org.rnnlab.ui.component.HeatMapChart;
import org.rnnlab.ui.component.TimeSeriesChart;
import org.rnnlab.ui.exercise.ChaosView;
import org.rnnlab.ui.exercise.DrivenView;
import org.rnnlab.ui.exercise.GuidedExerciseView;
import org.rnnlab.ui.run.SweepStep;

/** The sweep steps: λ against g (exercise 1, step 8) and the suppression map (exercise 2, step 4). */
class SweepStepTest extends KaribuSupport {



    @Test
    void lambdaAgainstGFillsWithOnePointPerGainAndTheLargeNCurve() throws Exception {
        GuidedExerciseView view = open(new ChaosView(lab), "step=8&n=40&tmax=60&vary.g=0.5:2:4&seeds=2");
        assertThat(view.currentStep()).isEqualTo(7);
        assertThat(linkMessages()).isEmpty();
        SweepStep sweep = _get(SweepStep.class);
        assertThat(sweep.base().n()).isEqualTo(40);
        _click(_get(Button.class, spec -> spec.withId("run-sweep")));
        awaitUi(() -> sweep.statusText().startsWith("Done"), Duration.ofSeconds(60));
        assertThat(sweep.shownRows()).hasSize(8);
        // The same numbers as the sweep computed outside the page.
        Sweep same = sweep.sweep();
        List<Sweep.Row> expected = same.compute(Network::create, new RunControl(), r -> {});
        List<SweepMeans.Point> points = SweepMeans.of(same, sweep.shownRows());
        List<SweepMeans.Point> reference = SweepMeans.of(same, expected);
        for (int k = 0; k < points.size(); k++) assertThat(points.get(k).mean()).isCloseTo(reference.get(k).mean(), within(1e-12));
        TimeSeriesChart chart = (TimeSeriesChart) sweep.chart();
        assertThat(chart.options().series()).extracting(TimeSeriesChart.Series::label)
                .containsExactly("measured: mean over seeds", "± standard error", "large-n theory");
        assertThat(chart.getElement().getAttribute("aria-label")).contains("Largest Lyapunov exponent against g (n = 40, 2 seeds)");
        assertThat(sweep.statusText()).startsWith("Done: 8 runs. At g = 0.5: λ = ");
        // Below g = 1 every network decays.
        assertThat(points.get(0).mean()).isNegative();
    }

    @Test
    void theMapFillsAsAHeatMapWithTheCriticalAmplitudeListed() {
        GuidedExerciseView view = open(new DrivenView(lab), "step=4&n=40&tmax=40&vary.omega=0.5:2:3:log&vary.a=0,1,4,16&seeds=2");
        assertThat(view.currentStep()).isEqualTo(3);
        assertThat(linkMessages()).isEmpty();
        SweepStep sweep = _get(SweepStep.class);
        _click(_get(Button.class, spec -> spec.withId("run-sweep")));
        awaitUi(() -> sweep.statusText().startsWith("Done"), Duration.ofSeconds(60));
        assertThat(sweep.shownRows()).hasSize(24);
        HeatMapChart map = _get(HeatMapChart.class);
        assertThat(map.options().xValues()).containsExactly("0.5", "1", "2");
        assertThat(map.options().yValues()).containsExactly("0", "1", "4", "16");
        assertThat(map.getElement().getAttribute("role")).isEqualTo("img");
        assertThat(map.getElement().getAttribute("aria-label")).isEqualTo(
                "Chart: λ, mean of 2 seeds (n = 40). A map of λ over ω (columns) and A (rows), with A_c: λ < 0 above it drawn over it.");
        String critical = _get(Span.class, spec -> spec.withId("sweep-critical")).getText();
        assertThat(critical).startsWith("A_c(ω): 0.5: ").contains(", 1: ", ", 2: ");
        List<SweepMeans.Critical> c = SweepMeans.critical(sweep.sweep(), SweepMeans.of(sweep.sweep(), sweep.shownRows()));
        if (c.get(0).where() == SweepMeans.Where.INSIDE) assertThat(critical).startsWith(String.format(java.util.Locale.ROOT, "A_c(ω): 0.5: %.2f,", c.get(0).value()));
    }

    @Test
    void theMapsStateIsInTheLinkAndABadValueIsNamedByItsKey() {
        GuidedExerciseView view = open(new DrivenView(lab), "step=4&n=50&vary.a=0:16:8:log&seeds=0&vary.g=1:2:3");
        String messages = linkMessages();
        assertThat(messages).contains("vary.a: a log axis needs FROM > 0 and TO > 0");
        assertThat(messages).contains("seeds: must be a whole number from 1 to");
        assertThat(messages).contains("vary.g: is not a key of exercise 2");
        SweepStep sweep = _get(SweepStep.class);
        // The defaults stand in for the bad values; the good ones are kept.
        assertThat(sweep.base().n()).isEqualTo(50);
        assertThat(sweep.linkValues()).containsEntry("vary.a", "0,1,2,4,8,16").containsEntry("vary.omega", "0.25:4:5:log")
                .containsEntry("seeds", "2");
        // A change in the form is a change of the link's values.
        TextField count = _get(TextField.class, spec -> spec.withId("sweep-omega-count"));
        count.setValue("3");
        assertThat(sweep.linkValues()).containsEntry("vary.omega", "0.25:4:3:log");
        TextField amplitudes = _get(TextField.class, spec -> spec.withId("sweep-a-list"));
        amplitudes.setValue("0, 2, 8");
        assertThat(sweep.linkValues()).containsEntry("vary.a", "0,2,8");
        // A range where the step lists values is named, and the list kept.
        UI.getCurrent().removeAll();
        open(new DrivenView(lab), "step=4&vary.a=1:16:5:log");
        assertThat(linkMessages()).contains("vary.a: this step takes a list of values V1,V2,... (got '1:16:5:log')");
        assertThat(_get(SweepStep.class).linkValues()).containsEntry("vary.a", "0,1,2,4,8,16");
    }

    @Test
    void theMapOffersBothInputsAndTheChoiceIsInTheLink() {
        open(new DrivenView(lab), "step=4&phase=random");
        SweepStep sweep = _get(SweepStep.class);
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.select.Select<String> phase = _get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("sweep-phase"));
        assertThat(phase.getValue()).isEqualTo("random");
        assertThat(sweep.base().phases()).isEqualTo(org.rnnlab.core.Drive.Phases.RANDOM);
        // The key the link names changes the step's own preset, not the exercise's defaults.
        assertThat(sweep.base().n()).isEqualTo(200);
        assertThat(sweep.base().g()).isEqualTo(3);
        KaribuSupport._setValue(phase, "one");
        assertThat(sweep.base().phases()).isEqualTo(org.rnnlab.core.Drive.Phases.ONE);
        // The seed's input is the default, so the link leaves the key out.
        assertThat(sweep.base().toLink()).doesNotContain("phase");
    }

    @Test
    void aLinkWithRunOneStartsTheSweep() {
        open(new DrivenView(lab), "step=4&n=20&tmax=20&vary.omega=1:2:2&vary.a=0,4&seeds=1&run=1");
        SweepStep sweep = _get(SweepStep.class);
        awaitUi(() -> sweep.statusText().startsWith("Done"), Duration.ofSeconds(60));
        assertThat(sweep.shownRows()).hasSize(4);
    }

    @Test
    void aSweepKeyOnAnotherStepIsNamed() {
        open(new ChaosView(lab), "step=2&vary.g=0.5:3:11");
        assertThat(linkMessages()).contains("vary.g: only a sweep step reads it (this is step 2)");
    }

    @Test
    void theDefaultMapIsRefusedBeforeItStartsWhereTheServerAllowsFewerRows() {
        // This test's server allows 100 rows; the default map with 4 seeds has 5 x 6 x 4 = 120.
        open(new DrivenView(lab), "step=4&seeds=4");
        SweepStep sweep = _get(SweepStep.class);
        _click(_get(Button.class, spec -> spec.withId("run-sweep")));
        assertThat(sweep.statusText()).isEqualTo("This sweep has 120 runs; this server allows at most 100 in one sweep.");
        assertThat(sweep.sweep()).isNull();
        assertThat(lab.queued() + lab.running()).isZero();
    }

    @Test
    void leavingTheStepStopsTheSweep() {
        GuidedExerciseView view = open(new ChaosView(lab), "step=8&n=300&tmax=400&vary.g=0.5:3:11&seeds=3");
        SweepStep sweep = _get(SweepStep.class);
        _click(_get(Button.class, spec -> spec.withId("run-sweep")));
        awaitUi(() -> lab.running(JobKind.SWEEP) == 1, Duration.ofSeconds(10));
        view.showStep(0);
        awaitUi(() -> lab.running(JobKind.SWEEP) == 0, Duration.ofSeconds(10));
        assertThat(lab.ended(JobKind.SWEEP, org.rnnlab.run.RunStatus.STOPPED)).isEqualTo(1);
        assertThat(sweep.complete()).isFalse();
    }

    static List<String> references() {
        return _find(com.vaadin.flow.component.html.Anchor.class).stream().map(com.vaadin.flow.component.html.Anchor::getText)
                .filter(t -> t.matches(".*\\d{4}")).toList();
    }

    @Test
    void bothStepsLinkThePapersTheyCite() {
        open(new ChaosView(lab), "step=8");
        assertThat(references()).containsExactly("Sompolinsky, Crisanti & Sommers, 1988", "Engelken, Wolf & Abbott, 2020");
        UI.getCurrent().removeAll();
        open(new DrivenView(lab), "step=4");
        assertThat(references()).containsExactly("Rajan, Abbott & Sompolinsky, 2010");
    }
}
