package org.rnnlab.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunControlTest {

    @Test
    void aPausedRunWaitsThenResumesWithTheSameNumbers() throws Exception {
        Network net = Network.create(100, 3);
        double[][] reference = ChaosTransitionTest.states(new FreeRun(net, 1.5, Drive.NONE, AdaptiveIntegrator.adamsMoulton(), 20, 201));

        RunControl control = new RunControl();
        FreeRun run = new FreeRun(net, 1.5, Drive.NONE, AdaptiveIntegrator.adamsMoulton(), 20, 201);
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
        // While paused the stepping thread waits for the control, between blocks.
        waitFor(() -> stepper.getState() == Thread.State.WAITING);
        // Paused at sample 50: the sink has seen samples 0..50 and nothing more for as long as the pause lasts.
        int whilePaused = run.samplesDone();
        Thread.sleep(300);
        assertThat(run.samplesDone()).isEqualTo(whilePaused);
        assertThat(seen).hasSize(51);
        control.resume();
        stepper.join(10_000);
        assertThat(run.isFinished()).isTrue();
        for (int k = 0; k < reference.length; k++) assertThat(seen.get(k)).containsExactly(reference[k]);
    }

    @Test
    void aCancelledRunStopsBeforeTheEnd() throws Exception {
        RunControl control = new RunControl();
        FreeRun run = new FreeRun(Network.create(100, 3), 1.5, Drive.NONE, AdaptiveIntegrator.adamsMoulton(), 50, 501);
        boolean finished = run.runToEnd(s -> {
            if (s.index() == 30) control.cancel();
        }, control);
        assertThat(finished).isFalse();
        assertThat(run.samplesDone()).isLessThan(501);
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met in 10 s");
            Thread.onSpinWait();
        }
    }
}
