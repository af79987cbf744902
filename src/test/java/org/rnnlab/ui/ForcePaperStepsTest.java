package org.rnnlab.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.core.ForceMode;
import org.rnnlab.core.Target;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.Sweep;
import org.rnnlab.ui.exercise.ForceView;
import org.rnnlab.ui.run.RunCharts;
import org.rnnlab.ui.run.SeedTrial;

/** Exercise 3's steps 6 and 7: Sussillo & Abbott's network, and "Try 10 seeds" on a guided step's settings. */
class ForcePaperStepsTest extends KaribuSupport {

    @Test
    void thePapersNetworkRunsTheirSettingsAndShowsBothErrorsOfThePhases() {
        ForceView view = new ForceView(lab);
        UI.getCurrent().add(view);
        view.openLink("step=6", UI.getCurrent());
        assertThat(view.currentStep()).isEqualTo(5);
        assertThat(_find(H2.class).stream().map(H2::getText)).contains("The paper's network");
        assertThat(_find(Anchor.class).stream().map(Anchor::getText)).contains("Sussillo & Abbott, 2009");
        RunCharts charts = view.runPanel().charts().get(0);
        ExperimentConfig c = charts.config();
        assertThat(List.<Object>of(c.n(), c.p(), c.g(), c.alpha(), c.mode(), c.target(), c.train(), c.tmax()))
                .containsExactly(1000, 0.1, 1.5, 1.0, ForceMode.CONTINUOUS, Target.FOUR_SINES, 1440.0, 2880.0);
        _click(_get(Button.class, spec -> spec.withId("run")));
        awaitUi(() -> view.runPanel().statusText().startsWith("Done"), Duration.ofSeconds(240));
        // The numbers the step's answer states (GuideNumbersTest pins them on the core), as the page shows them.
        assertThat(charts.trainMae()).isCloseTo(0.0038, within(5e-5));
        assertThat(charts.testMae()).isCloseTo(0.0049, within(5e-5));
        assertThat(charts.errorText()).contains("Training error (t ≤ 1440, learning on): MAE 0.0038",
                "Test error (t > 1440, learning off): RMSE 0.0068, MAE 0.0049");
    }

    @Test
    void tryTenSeedsOffersStepOnesSettingsAndThePapersAndCountsThoseThatKeptTheRhythm() {
        ForceView view = new ForceView(lab);
        UI.getCurrent().add(view);
        view.showStep(6);
        assertThat(_find(H2.class).stream().map(H2::getText)).contains("Try 10 seeds");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Integer> settings = _get(RadioButtonGroup.class, spec -> spec.withId("seed-trial-settings"));
        assertThat(settings.getListDataView().getItems().map(settings.getItemLabelGenerator()).toList())
                .containsExactly("Step 1: dense J, notebook mode, cosine, learning until t = 300",
                        "Step 6: the paper's network (sparse J, continuous mode, four sines, learning until t = 1440)");
        assertThat(settings.getValue()).isZero();
        // Step 1's settings (fast): the answer's "8 of the 10 ...; seeds 1 and 8 did not".
        _click(_get(Button.class, spec -> spec.withId("try-seeds")));
        SeedTrial trial = _get(SeedTrial.class);
        awaitUi(() -> trial.summaryText().contains("networks kept the rhythm after learning stopped"), Duration.ofSeconds(180));
        assertThat(trial.summaryText()).startsWith("8 of 10 networks kept the rhythm after learning stopped (test RMSE below 0.1");
        List<Sweep.Row> rows = trial.shownRows();
        assertThat(rows.stream().map(r -> r.cell().seed()).toList()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(rows.stream().filter(r -> r.testRmse() >= SeedTrial.THRESHOLD).map(r -> r.cell().seed()).toList())
                .containsExactly(1L, 8L);
        assertThat(rows).allSatisfy(r -> assertThat(r.cell().config().mode()).isEqualTo(ForceMode.NOTEBOOK));
    }
}
