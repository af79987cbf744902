package org.rnnlab.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.rnnlab.core.ForceRun;
import org.rnnlab.core.Network;
import org.rnnlab.run.NetworkFigures;
import org.rnnlab.ui.exercise.SpectrumPanel;
import org.rnnlab.ui.exercise.NearbyStartsPanel;
import org.rnnlab.run.RunHandle;
import org.rnnlab.run.RunStatus;
import org.rnnlab.ui.exercise.ChaosView;
import org.rnnlab.ui.exercise.DrivenView;
import org.rnnlab.ui.exercise.ForceView;
import org.rnnlab.ui.run.ForceCockpit;
import org.rnnlab.ui.run.RunCharts;
import org.rnnlab.ui.run.SeedTrial;
import java.util.List;
import org.rnnlab.core.RunControl;
import org.rnnlab.core.SampleSink;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.Limits;
import org.rnnlab.experiment.LinkCodec;
import org.rnnlab.experiment.RunToEnd;

class GuidedExerciseViewTest extends KaribuSupport {

    static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    @Test
    void stepsMoveWithNextAndPrevious() {
        ChaosView view = new ChaosView(lab);
        UI.getCurrent().add(view);
        assertThat(view.currentStep()).isZero();
        assertThat(button("previous").isEnabled()).isFalse();
        _click(button("next"));
        assertThat(view.currentStep()).isEqualTo(1);
        assertThat(view.runPanel().charts()).singleElement().satisfies(c -> assertThat(c.config().g()).isEqualTo(0.5));
        assertThat(_get(Details.class, spec -> spec.withId("answer")).isOpened()).isFalse();
        _click(button("previous"));
        assertThat(view.currentStep()).isZero();
    }

    @Test
    void theFirstStepShowsTheEigenvaluesOfJ() {
        ChaosView view = new ChaosView(lab);
        UI.getCurrent().add(view);
        awaitUi(() -> _get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("status")).getText().startsWith("Done"),
                Duration.ofSeconds(60));
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("status")).getText())
                .startsWith("Done: 1000 eigenvalues");
        NetworkFigures shown = _get(SpectrumPanel.class).figures();
        assertThat(shown).isNotNull();
        double[][] eig = shown.eigenvalues();
        // Exact identities, whatever the solver: the eigenvalues sum to trace J and their squares to trace J^2.
        Network network = Network.create(1000, 1);
        double trace = 0, traceOfSquare = 0;
        for (int i = 0; i < 1000; i++) {
            trace += network.coupling(i, i);
            for (int j = 0; j < 1000; j++) traceOfSquare += network.coupling(i, j) * network.coupling(j, i);
        }
        double sumRe = 0, sumIm = 0, sumSquaresRe = 0, radius = 0;
        for (int i = 0; i < eig[0].length; i++) {
            sumRe += eig[0][i];
            sumIm += eig[1][i];
            sumSquaresRe += eig[0][i] * eig[0][i] - eig[1][i] * eig[1][i];
            radius = Math.max(radius, Math.hypot(eig[0][i], eig[1][i]));
        }
        assertThat(sumRe).isCloseTo(trace, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(sumIm).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(sumSquaresRe).isCloseTo(traceOfSquare, org.assertj.core.api.Assertions.within(1e-8));
        // The circular law: they fill the unit disc (radius 1 + O(n^-1/2) at n = 1000).
        assertThat(radius).isBetween(0.95, 1.1);
        // And the histogram of sqrt(n) J_ij is the standard normal density: ~0.399 at its centre bins.
        double[] density = shown.couplingDensity();
        assertThat(density[NetworkFigures.BINS / 2]).isCloseTo(0.399, org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void theEigenvaluePanelFollowsTheFreeStepsNetwork() {
        ChaosView view = new ChaosView(lab);
        UI.getCurrent().add(view);
        view.openLink("n=300&seed=3&g=2", UI.getCurrent());
        _click(button("show-spectrum"));
        awaitUi(() -> _get(SpectrumPanel.class).figures() != null, Duration.ofSeconds(60));
        NetworkFigures shown = _get(SpectrumPanel.class).figures();
        assertThat(shown.n()).isEqualTo(300);
        assertThat(shown.seed()).isEqualTo(3);
        assertThat(shown.eigenvalues()[0]).hasSize(300);
        // At g = 2 the disc reaches Re = 2 > 1: the reading says x = 0 is unstable for this network.
        String reading = _get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("spectrum-reading")).getText();
        assertThat(reading).contains("n = 300, seed = 3", "unstable", "at g = 2");
        _click(button("show-spectrum"));
        assertThat(view.runPanel().isAttached()).isTrue();
    }

    @Test
    void tryTenSeedsRunsTheFormsSettingsOnTenNetworksAndCountsThoseThatLearned() throws Exception {
        ForceView view = new ForceView(lab);
        UI.getCurrent().add(view);
        view.openLink("n=200&tmax=300&train=150&seed=5", UI.getCurrent());
        _click(button("try-seeds"));
        SeedTrial trial = _get(SeedTrial.class);
        awaitUi(() -> trial.summaryText().contains("networks kept the rhythm after learning stopped"), Duration.ofSeconds(120));
        List<Double> errors = trial.shownErrors();
        assertThat(errors).hasSize(10);
        // Each is the test error of that seed's own run (seeds 5..14), computed here the way a page's run is.
        for (int k : new int[] {0, 9}) {
            ExperimentConfig config = LinkCodec.parse("exercise=3&n=200&tmax=300&train=150&seed=" + (5 + k), Limits.DEFAULT).config();
            var outcome = RunToEnd.run(config, Network.create(200, 5 + k), SampleSink.NONE, new RunControl());
            assertThat(errors.get(k)).isCloseTo(outcome.testError().rmse(), org.assertj.core.api.Assertions.within(1e-12));
        }
        long kept = errors.stream().filter(e -> e < SeedTrial.THRESHOLD).count();
        assertThat(trial.summaryText()).startsWith(kept + " of 10 networks kept the rhythm");
    }

    @Test
    void twoNearbyStartsConvergeBelowTheTransitionAndPartAboveIt() {
        ChaosView view = new ChaosView(lab);
        UI.getCurrent().add(view);
        view.showStep(6);
        NearbyStartsPanel twins = _get(NearbyStartsPanel.class);
        _click(button("run"));
        awaitUi(() -> twins.statusText().startsWith("Done"), Duration.ofSeconds(60));
        // g = 0.5: the distance decays a little faster than the slowest mode, 1 - g Re(lambda_1) = 1 - 0.5 * 0.98556.
        assertThat(twins.slope()).isBetween(-0.56, 0.5 * 0.98556 - 1);
        assertThat(twins.statusText()).contains("converge", "Large-N theory at g = 0.5: −0.500");
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.select.Select<ExperimentConfig> gain = _get(com.vaadin.flow.component.select.Select.class,
                spec -> spec.withId("twins-g"));
        gain.setValue(gain.getListDataView().getItem(2)); // g = 2
        _click(button("run"));
        awaitUi(() -> twins.statusText().startsWith("Done") && twins.shown().times().length == 500 && twins.slope() > 0,
                Duration.ofSeconds(90));
        assertThat(twins.slope()).isBetween(0.03, 0.2);
        assertThat(twins.statusText()).contains("part ways", "Large-N theory at g = 2: 0.113");
    }

    @Test
    void runningAStepFillsItsChartAndSaysDone() {
        ChaosView view = new ChaosView(lab);
        UI.getCurrent().add(view);
        view.showStep(1);
        assertThat(button("run").isEnabled()).isTrue();
        _click(button("run"));
        awaitUi(() -> view.runPanel().statusText().startsWith("Done"), Duration.ofSeconds(30));
        RunCharts charts = view.runPanel().charts().get(0);
        assertThat(charts.sent()).isEqualTo(500);
        // The canvas is an image to a screen reader, named by what it plots.
        assertThat(charts.mainChart().getElement().getAttribute("role")).isEqualTo("img");
        assertThat(charts.mainChart().getElement().getAttribute("aria-label")).startsWith("Chart: g = 0.5. x against time, for x");
        assertThat(view.runPanel().statusText()).startsWith("Done: t = 50 reached");
        assertThat(button("run").isEnabled()).isTrue();
        assertThat(button("stop").isEnabled()).isFalse();
    }

    @Test
    void theGridStartsNineRunsThatAllFinishAndEachShowsItsLyapunovExponent() {
        DrivenView view = new DrivenView(lab);
        UI.getCurrent().add(view);
        view.showStep(1);
        assertThat(view.runPanel().charts()).hasSize(9);
        _click(button("run"));
        awaitUi(() -> view.runPanel().statusText().startsWith("Done"), Duration.ofSeconds(120));
        assertThat(view.runPanel().charts()).allSatisfy(c -> assertThat(c.sent()).isEqualTo(500));
        awaitUi(() -> view.runPanel().charts().stream().allMatch(c -> c.lyapunov() != null), Duration.ofSeconds(120));
        // Strong slow input (A = 5, omega = 1; the third cell) suppresses the chaos beyond doubt even over t <= 50.
        RunCharts strongSlow = view.runPanel().charts().get(2);
        assertThat(strongSlow.config().amplitude()).isEqualTo(5);
        assertThat(strongSlow.lyapunov().exponent()).isLessThan(-0.1);
        assertThat(strongSlow.lyapunovText()).contains("chaos suppressed");
    }

    @Test
    void belowTheTransitionTheMeasuredExponentIsTheDecayRateOfTheQuietState() {
        ChaosView view = new ChaosView(lab);
        UI.getCurrent().add(view);
        view.showStep(1); // g = 0.5
        _click(button("run"));
        RunCharts chart = view.runPanel().charts().get(0);
        awaitUi(() -> chart.lyapunov() != null, Duration.ofSeconds(60));
        // x = 0 attracts at the rate 1 - g Re(lambda_1(J)) = 1 - 0.5 * 0.98556 (this network, see GuideNumbersTest).
        assertThat(chart.lyapunov().exponent()).isCloseTo(0.5 * 0.98556 - 1, org.assertj.core.api.Assertions.within(0.02));
        assertThat(chart.lyapunovText()).contains("not chaotic");
    }

    @Test
    void forceShowsTheTestErrorTheCoreComputed() {
        ForceView view = new ForceView(lab);
        UI.getCurrent().add(view);
        _click(button("run"));
        awaitUi(() -> view.runPanel().statusText().startsWith("Done"), Duration.ofSeconds(60));
        RunHandle run = view.runPanel().runs().get(0);
        ForceRun.ErrorStats core = run.testError();
        assertThat(core).isNotNull();
        assertThat(view.runPanel().charts().get(0).testRmse()).isCloseTo(core.rmse(), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(view.runPanel().charts().get(0).sent()).isEqualTo(801);
    }

    @Test
    void theForceCockpitShowsTheLoopsEigenvaluesBeforeAndAfterLearning() {
        ForceView view = new ForceView(lab);
        UI.getCurrent().add(view);
        _click(button("run"));
        ForceCockpit cockpit = view.runPanel().charts().get(0).cockpit();
        assertThat(cockpit).isNotNull();
        awaitUi(() -> cockpit.loopEigenvalues().length == 2, Duration.ofSeconds(90));
        RunHandle run = view.runPanel().runs().get(0);
        double[] w = run.result().join().readout();
        Network network = Network.create(1000, 1);
        double[] u = network.inputWeights();
        double traceJ = 0;
        for (int i = 0; i < 1000; i++) traceJ += network.coupling(i, i);
        // Exact: the eigenvalues of g J + u w^T sum to its trace, g tr J + u . w, before (w0) and after (w) learning.
        double[][] readouts = {network.initialReadout(), w};
        for (int k = 0; k < 2; k++) {
            double[][] eig = cockpit.loopEigenvalues()[k];
            assertThat(eig[0]).hasSize(1000);
            double uw = 0;
            for (int i = 0; i < 1000; i++) uw += u[i] * readouts[k][i];
            assertThat(java.util.Arrays.stream(eig[0]).sum()).isCloseTo(1.5 * traceJ + uw, org.assertj.core.api.Assertions.within(1e-8));
        }
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withClasses("loop-status")).getText())
                .startsWith("Rightmost eigenvalue of g J + u wᵀ");
    }

    @Test
    void pauseHoldsTheRunAndStopEndsIt() {
        ForceView view = new ForceView(lab);
        UI.getCurrent().add(view);
        view.showStep(3); // continuous mode, four sines: several seconds of compute
        _click(button("run"));
        awaitUi(() -> view.runPanel().statusText().startsWith("Running"), Duration.ofSeconds(30));
        _click(button("pause"));
        awaitUi(() -> view.runPanel().statusText().startsWith("Paused"), Duration.ofSeconds(10));
        assertThat(button("pause").getText()).isEqualTo("Resume");
        RunHandle run = view.runPanel().runs().get(0);
        double heldAt = run.time();
        int framesAt = run.frames().count();
        // Half a second paused: a run that kept computing would add ~50 samples in that time.
        holdUi(Duration.ofMillis(500));
        assertThat(run.time()).isEqualTo(heldAt);
        assertThat(run.frames().count()).isEqualTo(framesAt);
        assertThat(view.runPanel().statusText()).startsWith("Paused at t = ");
        _click(button("stop"));
        awaitUi(() -> view.runPanel().statusText().startsWith("Stopped"), Duration.ofSeconds(10));
        assertThat(run.status()).isEqualTo(RunStatus.STOPPED);
        assertThat(run.time()).isLessThan(1000);
    }

    @Test
    void whenThePoolIsBusyARunSaysQueuedAndItsPosition() {
        lab.shutdown();
        lab = new org.rnnlab.run.LabService(new org.rnnlab.run.LabProperties(2000, 2000, 5000, 1, 1, 10, 12, 256, 2, 100));
        ForceView busy = new ForceView(lab);
        UI.getCurrent().add(busy);
        busy.showStep(3); // seconds of compute on the only thread
        busy.runPanel().start();
        awaitUi(() -> busy.runPanel().statusText().startsWith("Running"), Duration.ofSeconds(10));
        DrivenView waiting = new DrivenView(lab);
        UI.getCurrent().add(waiting);
        waiting.runPanel().start();
        awaitUi(() -> waiting.runPanel().statusText().startsWith("Queued"), Duration.ofSeconds(10));
        assertThat(waiting.runPanel().statusText()).startsWith("Queued: position 1 in line");
        busy.runPanel().stopAll();
        awaitUi(() -> waiting.runPanel().statusText().startsWith("Done"), Duration.ofSeconds(60));
    }

    @Test
    void leavingThePageStopsItsRuns() {
        ForceView view = new ForceView(lab);
        UI.getCurrent().add(view);
        view.showStep(3);
        _click(button("run"));
        RunHandle run = view.runPanel().runs().get(0);
        UI.getCurrent().remove(view);
        awaitUi(() -> run.status().isFinal(), Duration.ofSeconds(10));
        assertThat(run.status()).isEqualTo(RunStatus.STOPPED);
    }
}
