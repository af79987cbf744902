package org.rnnlab.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.core.LyapunovEstimate;
import org.rnnlab.run.RunStatus;
import org.rnnlab.ui.component.TimeSeriesChart;
import org.rnnlab.ui.exercise.ChaosView;
import org.rnnlab.ui.exercise.ForceView;
import org.rnnlab.ui.exercise.GuidedExerciseView;
import org.rnnlab.ui.run.PinnedRuns;
import org.rnnlab.ui.run.RunCharts;
import org.rnnlab.ui.run.RunPanel;

/** Pinning a finished run, drawing the next over it with both runs' numbers, and the same comparison from a link. */
class PinnedRunsTest extends KaribuSupport {
    private static final String SMALL = "n=200&seed=3&tmax=100";

    private GuidedExerciseView open(GuidedExerciseView view, String query) {
        UI.getCurrent().add(view);
        view.openLink(query, UI.getCurrent());
        return view;
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    private static String table(RunPanel panel) {
        return panel.pinned().getElement().getTextRecursively();
    }

    private void runToTheEnd(RunPanel panel) {
        _click(button("run"));
        RunCharts live = panel.charts().get(0);
        // "Done" may be read before the last frames reach the chart: wait for all of them.
        awaitUi(() -> panel.statusText().startsWith("Done") && live.sent() == panel.runs().get(0).frames().capacity(),
                Duration.ofSeconds(60));
        if (!live.config().isForce()) awaitUi(() -> live.lyapunov() != null, Duration.ofSeconds(60));
    }

    @Test
    void aPinnedRunIsDrawnUnderTheNextWithBothExponentsSideBySide() {
        GuidedExerciseView view = open(new ChaosView(lab), SMALL + "&g=0.5");
        RunPanel panel = view.runPanel();
        assertThat(button("pin").isEnabled()).as("nothing to pin before a run").isFalse();
        runToTheEnd(panel);
        LyapunovEstimate quiet = panel.charts().get(0).lyapunov();
        _click(button("pin"));
        assertThat(panel.pinned().pins()).hasSize(1);
        assertThat(button("pin").isEnabled()).as("the same run twice").isFalse();

        // The student turns g up and runs again: the pinned run stays, labelled by what differs.
        _get(TextField.class, spec -> spec.withId("param-g")).setValue("2");
        RunCharts live = panel.charts().get(0);
        assertThat(live.config().g()).isEqualTo(2);
        List<TimeSeriesChart.Overlay> drawn = live.mainChart().overlays();
        assertThat(drawn).hasSize(1);
        assertThat(drawn.get(0).label()).isEqualTo("Pinned 1: g = 0.5");
        assertThat(drawn.get(0).ys().length).isEqualTo(live.config().plottedNeurons().length);
        assertThat(drawn.get(0).x()[drawn.get(0).x().length - 1]).isEqualTo(100);
        assertThat(live.mainChart().getElement().getAttribute("aria-label")).contains("Drawn under it for comparison: Pinned 1: g = 0.5");
        runToTheEnd(panel);
        LyapunovEstimate chaotic = panel.charts().get(0).lyapunov();

        // Below the transition the quiet state attracts; at g = 2 nearby states part.
        assertThat(quiet.exponent()).isLessThan(-0.3);
        assertThat(chaotic.exponent()).isGreaterThan(0.02);
        assertThat(table(panel)).contains("Pinned 1: g = 0.5", "λ = " + org.rnnlab.ui.run.Readings.statedSigned(quiet.exponent(), quiet.standardError()),
                "(not chaotic)", "This run", "λ = " + org.rnnlab.ui.run.Readings.statedSigned(chaotic.exponent(), chaotic.standardError()), "(chaotic)");
        // The link carries the pin as its difference from the page's run.
        assertThat(panel.pinLinkValues()).containsExactly(java.util.Map.entry("pin1", "g:0.5"));

        // The same comparison from that link, in another tab: the pin is computed again, to the same numbers, bit for
        // bit (no JIT-dependent rounding: see VectorTanh).
        GuidedExerciseView shared = open(new ChaosView(lab), SMALL + "&g=2&pin1=g:0.5");
        RunPanel other = shared.runPanel();
        assertThat(other.pinned().pins()).hasSize(1);
        awaitUi(() -> other.pinned().pins().get(0).lyapunov() != null, Duration.ofSeconds(60));
        assertThat(other.pinned().pins().get(0).lyapunov().exponent()).isEqualTo(quiet.exponent());
        assertThat(other.charts().get(0).mainChart().overlays()).extracting(TimeSeriesChart.Overlay::label).containsExactly("Pinned 1: g = 0.5");

        UI.getCurrent().remove(shared);

        // Clear removes them, from the chart, the table and the link.
        _click(button("clear-pins"));
        assertThat(panel.pinned().pins()).isEmpty();
        assertThat(panel.charts().get(0).mainChart().overlays()).isEmpty();
        assertThat(panel.pinned().isVisible()).isFalse();
        assertThat(panel.pinLinkValues()).isEmpty();
    }

    @Test
    void aForcePinComparesTestErrorsAndDrawsItsOutput() {
        GuidedExerciseView view = open(new ForceView(lab), "n=300&tmax=400&train=200&seed=2");
        RunPanel panel = view.runPanel();
        runToTheEnd(panel);
        double pinnedRmse = panel.charts().get(0).testRmse();
        _click(button("pin"));
        _get(TextField.class, spec -> spec.withId("param-seed")).setValue("5");
        runToTheEnd(panel);
        RunCharts live = panel.charts().get(0);
        assertThat(live.mainChart().overlays()).singleElement().satisfies(o -> {
            assertThat(o.label()).isEqualTo("Pinned 1: seed = 2");
            assertThat(o.ys().length).as("the pinned output z(t)").isOne();
        });
        assertThat(table(panel)).contains("Test error (learning off)",
                String.format(java.util.Locale.ROOT, "RMSE %.4f", pinnedRmse),
                String.format(java.util.Locale.ROOT, "RMSE %.4f", live.testRmse()));
        assertThat(pinnedRmse).isNotCloseTo(live.testRmse(), within(1e-9));
    }

    @Test
    void atMostThreePinsAndAStepOfItsOwn() {
        GuidedExerciseView view = open(new ChaosView(lab), "n=100&seed=3&tmax=20&g=0.5");
        RunPanel panel = view.runPanel();
        for (String g : List.of("0.6", "0.7", "0.8")) {
            runToTheEnd(panel);
            _click(button("pin"));
            _get(TextField.class, spec -> spec.withId("param-g")).setValue(g);
        }
        runToTheEnd(panel);
        assertThat(panel.pinned().pins()).hasSize(PinnedRuns.MAX);
        assertThat(button("pin").isEnabled()).isFalse();
        assertThat(panel.charts().get(0).mainChart().overlays()).extracting(TimeSeriesChart.Overlay::label)
                .containsExactly("Pinned 1: g = 0.5", "Pinned 2: g = 0.6", "Pinned 3: g = 0.7");
        // Pins belong to their step: another step starts without them.
        view.showStep(1);
        assertThat(panel.pinned().pins()).isEmpty();
    }

    @Test
    void aLinksBadPinsAreNamedAndTheGoodOnesKept() {
        GuidedExerciseView view = open(new ChaosView(lab), SMALL + "&g=1.5&pin1=g:abc&pin2=colour:red&pin3=same");
        String messages = _get(Div.class, spec -> spec.withId("link-messages")).getElement().getTextRecursively();
        assertThat(messages).contains("pin1: g: must be a number from 0 to 10 (got 'abc')");
        assertThat(messages).contains("pin2: 'colour:red' is not key:value with a parameter of exercise 1");
        assertThat(view.runPanel().pinned().pins()).singleElement()
                .satisfies(p -> assertThat(p.config()).isEqualTo(view.runPanel().charts().get(0).config()));
        awaitUi(() -> view.runPanel().pinned().pins().get(0).run().status() == RunStatus.DONE, Duration.ofSeconds(60));
    }
}
