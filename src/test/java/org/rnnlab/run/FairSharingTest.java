package org.rnnlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.Limits;
import org.rnnlab.experiment.LinkCodec;

/** Many runs on one processor: all advance in turn, a paused one gives its turn away, none is lost. */
class FairSharingTest {
    final LabService lab = new LabService(new LabProperties(2000, 2000, 5000, 1, 64, 100, 64, 256, 2, 100));

    @AfterEach
    void shutdown() {
        lab.shutdown();
    }

    static ExperimentConfig force(int seed) {
        return LinkCodec.parse("exercise=3&n=300&mode=continuous&tmax=2000&train=1000&seed=" + seed, Limits.DEFAULT).config();
    }

    @Test
    void twelveRunsOnOneProcessorAllAdvanceTogether() {
        RunGroup group = new RunGroup();
        List<RunHandle> runs = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) runs.add(lab.start(force(i + 1), group));
        } catch (LabBusyException e) {
            throw new AssertionError(e);
        }
        // Within a couple of seconds every run has computed something: nobody waits for the others to finish.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (runs.stream().anyMatch(r -> r.frames().count() < 5) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        assertThat(runs).allSatisfy(r -> assertThat(r.frames().count()).isGreaterThanOrEqualTo(5));
        assertThat(runs).noneSatisfy(r -> assertThat(r.status().isFinal()).isTrue());
        // Turns are fair: over the next seconds each run advances about as much as any other (without time slices
        // one would advance and eleven would stand still). Three seconds, about 25 turns each: over one (8 turns) a
        // garbage collection or a late JIT compilation in one run's turn gave 26 against 6 samples in a full build.
        int[] before = runs.stream().mapToInt(r -> r.frames().count()).toArray();
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(3));
        int[] advanced = new int[runs.size()];
        for (int i = 0; i < advanced.length; i++) advanced[i] = runs.get(i).frames().count() - before[i];
        int least = java.util.Arrays.stream(advanced).min().orElseThrow();
        int most = java.util.Arrays.stream(advanced).max().orElseThrow();
        assertThat(least).isPositive();
        assertThat(most).as("samples computed in three seconds, per run: %s", java.util.Arrays.toString(advanced))
                .isLessThanOrEqualTo(3 * least);
        group.stopAll();
    }

    @Test
    void aPausedRunLetsTheOthersFinish() throws Exception {
        RunGroup group = new RunGroup();
        RunHandle paused = lab.start(force(1), group);
        paused.pause();
        RunHandle other = lab.start(LinkCodec.parse("exercise=1&n=200&tmax=20", Limits.DEFAULT).config(), group);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!other.status().isFinal() && System.nanoTime() < deadline) LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        assertThat(other.status()).isEqualTo(RunStatus.DONE);
        assertThat(paused.status()).isEqualTo(RunStatus.PAUSED);
        paused.stop();
    }
}
