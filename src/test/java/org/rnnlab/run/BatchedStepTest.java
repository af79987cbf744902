package org.rnnlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.Limits;
import org.rnnlab.experiment.LinkCodec;

/** A step's runs of exercise 2 go as batches, one per processor, and each gives the numbers it gives alone. */
class BatchedStepTest {
    final LabService lab = new LabService(new LabProperties(2000, 2000, 5000, 2, 64, 100, 64, 256, 2, 100));

    @AfterEach
    void shutdown() {
        lab.shutdown();
    }

    static ExperimentConfig cell(String omega, String a) {
        return LinkCodec.parse("exercise=2&n=200&tmax=30&points=301&plot=5&omega=" + omega + "&a=" + a, Limits.DEFAULT).config();
    }

    static List<ExperimentConfig> grid() {
        return Stream.of("1", "2", "4").flatMap(omega -> Stream.of("0.5", "2", "5").map(a -> cell(omega, a))).toList();
    }

    @Test
    void theNineCellsAreTwoJobsWhoseRunsMatchTheRunsAlone() throws Exception {
        List<RunHandle> grid = lab.startAll(grid(), new RunGroup());
        assertThat(grid).hasSize(9);
        assertThat(grid.stream().map(RunHandle::job).distinct()).hasSize(2);
        for (RunHandle r : grid) r.result().get();
        assertThat(grid).allSatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.DONE));
        for (int i = 0; i < 9; i += 4) {
            RunHandle alone = lab.start(grid().get(i), new RunGroup());
            alone.result().get();
            var batched = grid.get(i).frames().all();
            var single = alone.frames().all();
            assertThat(batched.times()).isEqualTo(single.times());
            for (int k = 0; k < single.neurons().length; k++) {
                assertThat(batched.neurons()[k]).as("cell %d, plotted neuron %d", i, k).isEqualTo(single.neurons()[k]);
            }
        }
    }

    @Test
    void stoppingOneRunOfABatchStopsItsJobAndTheOthersKeepGoing() throws Exception {
        List<RunHandle> grid = lab.startAll(grid(), new RunGroup());
        grid.get(0).stop();
        assertThat(grid.get(0).result()).failsWithin(java.time.Duration.ofSeconds(30));
        for (RunHandle r : grid.subList(0, 5)) assertThat(r.status()).isEqualTo(RunStatus.STOPPED);
        grid.get(8).result().get();
        assertThat(grid.get(5).status()).isEqualTo(RunStatus.DONE);
    }

    @Test
    void runsOnDifferentNetworksGoOneJobEach() throws Exception {
        List<ExperimentConfig> seeds = Stream.of("1", "2", "3")
                .map(s -> LinkCodec.parse("exercise=1&n=100&tmax=10&seed=" + s, Limits.DEFAULT).config()).toList();
        List<RunHandle> runs = lab.startAll(seeds, new RunGroup());
        assertThat(runs.stream().map(RunHandle::job).distinct()).hasSize(3);
        for (RunHandle r : runs) r.result().get();
    }
}
