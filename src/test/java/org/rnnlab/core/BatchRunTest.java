package org.rnnlab.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BatchRunTest {
    /** The error of the seed's {@code odeint} at its default tolerance on exercise 1 (see AdaptiveIntegrator). */
    static final double ODEINT_ERROR = 6e-8;
    /** The reference: Dormand-Prince 8(5,3) at a tolerance three orders tighter than the one under test. */
    static final double REFERENCE_TOLERANCE = 1e-12;
    /**
     * On {@code dx/dt = -x + A cos(wt) u} (contracting) the step ends stay within ~3e-10 of the closed form at
     * tolerance 1e-9; between them the fourth-order dense output dominates (4.4e-8 measured at A = 5, w = 4).
     * The bound of IntegratorContractTest for the adaptive integrators.
     */
    static final double CLOSED_FORM_TOLERANCE = IntegratorContractTest.ADAPTIVE_TOLERANCE;

    static double[][] reference(Network net, double g, Drive drive, int samples) {
        return ChaosTransitionTest.states(new FreeRun(net, g, drive, AdaptiveIntegrator.dormandPrince(REFERENCE_TOLERANCE), 50, samples));
    }

    /** Largest {@code |x - reference|} over trajectories, neurons and samples. */
    static double worstError(BatchRun run, List<double[][]> references) {
        int n = run.neurons();
        double[] worst = {0};
        IntegratorContractTest.runAll(run, s -> {
            for (int b = 0; b < references.size(); b++) {
                double[] ref = references.get(b)[s.index()];
                for (int i = 0; i < n; i++) worst[0] = Math.max(worst[0], Math.abs(s.state()[b * n + i] - ref[i]));
            }
        });
        return worst[0];
    }

    @Test
    void exerciseOneAsOneBatchIsAsAccurateAsOdeint() {
        Network net = Network.create(200, 1);
        List<BatchRun.Trajectory> batch = new ArrayList<>();
        List<double[][]> references = new ArrayList<>();
        for (double g : new double[] {0.5, 1.0, 1.5}) {
            batch.add(BatchRun.Trajectory.of(net, g, Drive.NONE));
            references.add(reference(net, g, Drive.NONE, 500));
        }
        BatchRun run = new BatchRun(net, batch, 50, 500);
        assertThat(worstError(run, references)).isLessThan(ODEINT_ERROR);
        assertThat(run.timeOf(499)).isEqualTo(50);
    }

    @Test
    void theNineCellsOfExerciseTwoAsOneBatchAreAsAccurateAsOdeint() {
        Network net = Network.create(200, 2);
        List<BatchRun.Trajectory> batch = new ArrayList<>();
        List<double[][]> references = new ArrayList<>();
        for (double omega : new double[] {1, 2, 4}) {
            for (double a : new double[] {0.5, 2, 5}) {
                batch.add(BatchRun.Trajectory.of(net, 1.5, new Drive(a, omega)));
                references.add(reference(net, 1.5, new Drive(a, omega), 500));
            }
        }
        BatchRun run = new BatchRun(net, batch, 50, 500);
        assertThat(worstError(run, references)).isLessThan(ODEINT_ERROR);
    }

    @Test
    void uncoupledDrivenNeuronsFollowTheClosedFormWhateverTheirDrive() {
        Network net = Network.create(20, 2);
        Drive[] drives = {Drive.NONE, new Drive(5, 4), new Drive(0.5, 1)};
        List<BatchRun.Trajectory> batch = Arrays.stream(drives).map(d -> BatchRun.Trajectory.of(net, 0, d)).toList();
        BatchRun run = new BatchRun(net, batch, 20, 201);
        double[] x0 = net.initialState();
        double[] u = net.inputWeights();
        double[] worst = {0};
        IntegratorContractTest.runAll(run, s -> {
            for (int b = 0; b < drives.length; b++) {
                for (int i = 0; i < 20; i++) {
                    double exact = IntegratorContractTest.exactDriven(x0[i], u[i], drives[b].amplitude(), drives[b].omega(), s.time());
                    worst[0] = Math.max(worst[0], Math.abs(s.state()[b * 20 + i] - exact));
                }
            }
        });
        assertThat(worst[0]).isLessThan(CLOSED_FORM_TOLERANCE);
    }

    @Test
    void everyEvaluationIsOneBatchedProductAndAStepCostsSix() {
        Network net = Network.create(50, 3);
        BatchModel model = new BatchModel(net, new double[] {1.5, 1.5}, new Drive[] {Drive.NONE, new Drive(2, 1)});
        double[] x = new double[100];
        System.arraycopy(net.initialState(), 0, x, 0, 50);
        System.arraycopy(net.initialState(), 0, x, 50, 50);
        BatchDormandPrince dp = new BatchDormandPrince(model, BatchRun.TOLERANCE, 0, x);
        dp.advanceTo(10, x);
        // The derivative at t0 and Hairer's starting step, then six evaluations per attempt (the seventh is reused).
        assertThat(model.evaluations()).isEqualTo(2 + 6 * (dp.steps() + dp.rejectedSteps()));
        assertThat(dp.time()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void eachTrajectoryCanBeLoggedAsARunOfItsOwn() {
        Network net = Network.create(30, 4);
        List<BatchRun.Trajectory> batch = List.of(BatchRun.Trajectory.of(net, 1.5, Drive.NONE),
                BatchRun.Trajectory.of(net, 1.5, new Drive(5, 1)));
        BatchRun run = new BatchRun(net, batch, 10, 101);
        List<double[]> whole = new ArrayList<>();
        TraceLog first = new TraceLog(new int[] {0, 29}, true);
        TraceLog second = new TraceLog(new int[] {0, 29}, true);
        SampleSink split = run.perTrajectory(List.of(first, second));
        IntegratorContractTest.runAll(run, new SampleSink() {
            @Override
            public void onStart(Simulation simulation) {
                split.onStart(simulation);
            }

            @Override
            public void onSample(Sample sample) {
                whole.add(sample.state().clone());
                split.onSample(sample);
            }

            @Override
            public void onFinish(Simulation simulation) {
                split.onFinish(simulation);
            }
        });
        assertThat(first.count()).isEqualTo(101);
        assertThat(first.stateSize()).isEqualTo(30);
        double[] states = second.states();
        for (int k = 0; k < 101; k++) {
            assertThat(Arrays.copyOfRange(first.states(), k * 30, k * 30 + 30)).containsExactly(Arrays.copyOfRange(whole.get(k), 0, 30));
            assertThat(Arrays.copyOfRange(states, k * 30, k * 30 + 30)).containsExactly(Arrays.copyOfRange(whole.get(k), 30, 60));
        }
        assertThat(first.all().neurons()[1][0]).isEqualTo(net.initialState()[29]);
    }

    @Test
    void aPausedBatchWaitsThenResumesWithTheSameNumbers() throws Exception {
        Network net = Network.create(100, 3);
        List<BatchRun.Trajectory> batch = List.of(BatchRun.Trajectory.of(net, 1.5, Drive.NONE), BatchRun.Trajectory.of(net, 2, Drive.NONE));
        List<double[]> reference = new ArrayList<>();
        IntegratorContractTest.runAll(new BatchRun(net, batch, 20, 201), s -> reference.add(s.state().clone()));

        RunControl control = new RunControl();
        BatchRun run = new BatchRun(net, batch, 20, 201);
        List<double[]> seen = new ArrayList<>();
        CountDownLatch paused = new CountDownLatch(1);
        Thread stepper = new Thread(() -> {
            try {
                run.runToEnd(s -> {
                    seen.add(s.state().clone());
                    if (s.index() == 50) {
                        control.pause();
                        paused.countDown();
                    }
                }, control);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stepper.start();
        assertThat(paused.await(10, TimeUnit.SECONDS)).isTrue();
        RunControlTest.waitFor(() -> stepper.getState() == Thread.State.WAITING);
        assertThat(run.samplesDone()).isEqualTo(51);
        control.resume();
        stepper.join(10_000);
        assertThat(run.isFinished()).isTrue();
        for (int k = 0; k < reference.size(); k++) assertThat(seen.get(k)).containsExactly(reference.get(k));
    }

    @Test
    void aCancelledBatchStopsBeforeTheEnd() throws Exception {
        Network net = Network.create(100, 3);
        RunControl control = new RunControl();
        BatchRun run = new BatchRun(net, List.of(BatchRun.Trajectory.of(net, 1.5, Drive.NONE)), 50, 501);
        boolean finished = run.runToEnd(s -> {
            if (s.index() == 30) control.cancel();
        }, control);
        assertThat(finished).isFalse();
        assertThat(run.samplesDone()).isEqualTo(31);
    }
}
