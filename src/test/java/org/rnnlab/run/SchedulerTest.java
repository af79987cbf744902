package org.rnnlab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnnlab.core.CpuShare;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.Limits;
import org.rnnlab.experiment.LinkCodec;

/** The one queue: order, caps by kind, atomic stop, refusal when full, failures shown and never kept. */
class SchedulerTest {
    final List<Runnable> cleanup = new ArrayList<>();

    @AfterEach
    void clean() {
        cleanup.forEach(Runnable::run);
    }

    /** A job that holds until released (or stopped), counting how many of its kind hold at once. */
    static Job<String> blocking(JobKind kind, CountDownLatch release, AtomicInteger holding, AtomicInteger most) {
        return new Job<>(kind, "test", CpuShare.UNLIMITED, control -> {
            most.accumulateAndGet(holding.incrementAndGet(), Math::max);
            try {
                while (!release.await(5, TimeUnit.MILLISECONDS)) control.checkpoint();
            } finally {
                holding.decrementAndGet();
            }
            return "done";
        });
    }

    static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 20 s");
            Thread.sleep(5);
        }
    }

    @Test
    void aKindAtItsCapWaitsWhileOtherKindsPassAndTheLineMovesUpWhenAQueuedJobIsStopped() throws Exception {
        Scheduler scheduler = new Scheduler(4, 100, Map.of(JobKind.DOWNLOAD, 2), job -> {});
        cleanup.add(scheduler::shutdown);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Job<String>> downloads = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Job<String> d = blocking(JobKind.DOWNLOAD, release, holding, most);
            scheduler.submit(d);
            downloads.add(d);
        }
        Job<String> run = blocking(JobKind.RUN, release, new AtomicInteger(), new AtomicInteger());
        scheduler.submit(run);
        await(() -> run.status() == RunStatus.RUNNING);
        // Two downloads compute, three wait in order; the run behind them was admitted.
        assertThat(scheduler.active(JobKind.DOWNLOAD)).isEqualTo(2);
        assertThat(downloads.subList(2, 5)).extracting(Job::queuePosition).containsExactly(1, 2, 3);
        downloads.get(2).stop();
        assertThat(downloads.get(2).status()).isEqualTo(RunStatus.STOPPED);
        assertThat(downloads.get(2).result()).isCompletedExceptionally();
        assertThat(downloads.subList(3, 5)).extracting(Job::queuePosition).containsExactly(1, 2);
        release.countDown();
        for (Job<String> d : List.of(downloads.get(0), downloads.get(1), downloads.get(3), downloads.get(4))) {
            assertThat(d.result().get(20, TimeUnit.SECONDS)).isEqualTo("done");
        }
        assertThat(most.get()).isEqualTo(2);
        // The stopped one never started.
        assertThat(downloads.get(2).elapsedSeconds()).isZero();
    }

    @Test
    void stoppingAJobThatHasFinishedLeavesItDone() throws Exception {
        Scheduler scheduler = new Scheduler(2, 10, Map.of(), job -> {});
        cleanup.add(scheduler::shutdown);
        Job<String> job = new Job<>(JobKind.RUN, "quick", CpuShare.UNLIMITED, control -> "result");
        scheduler.submit(job);
        assertThat(job.result().get(10, TimeUnit.SECONDS)).isEqualTo("result");
        job.stop();
        assertThat(job.status()).isEqualTo(RunStatus.DONE);
    }

    @Test
    void afterShutdownAJobIsRefusedWithAMessageNotAnExecutorError() throws Exception {
        // A page's last action while the server stops (a pin's measurement queued by the UI) once threw
        // RejectedExecutionException from the executor; it is a refusal the page already knows how to show.
        Scheduler scheduler = new Scheduler(2, 10, Map.of(), job -> {});
        scheduler.shutdown();
        Job<String> job = new Job<>(JobKind.RUN, "late", CpuShare.UNLIMITED, control -> "result");
        assertThatThrownBy(() -> scheduler.submit(job)).isInstanceOf(LabBusyException.class).hasMessageContaining("shutting down");
        assertThat(job.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(scheduler.queued()).isZero();
    }

    @Test
    void aFullQueueRefusesWithAMessage() throws Exception {
        Scheduler scheduler = new Scheduler(1, 2, Map.of(), job -> {});
        cleanup.add(scheduler::shutdown);
        CountDownLatch release = new CountDownLatch(1);
        cleanup.add(release::countDown);
        AtomicInteger unused = new AtomicInteger();
        Job<String> first = blocking(JobKind.RUN, release, unused, new AtomicInteger());
        scheduler.submit(first);
        await(() -> first.status() == RunStatus.RUNNING);
        scheduler.submit(blocking(JobKind.RUN, release, unused, new AtomicInteger()));
        scheduler.submit(blocking(JobKind.RUN, release, unused, new AtomicInteger()));
        assertThatThrownBy(() -> scheduler.submit(blocking(JobKind.RUN, release, unused, new AtomicInteger())))
                .isInstanceOf(LabBusyException.class).hasMessageContaining("busy");
    }

    @Test
    void aFailureIsReportedWithItsReasonAndTheNextRequestComputesAgain() throws Exception {
        Scheduler scheduler = new Scheduler(2, 10, Map.of(), job -> {});
        cleanup.add(scheduler::shutdown);
        AtomicInteger attempts = new AtomicInteger();
        Job.Work<String> flaky = control -> {
            if (attempts.incrementAndGet() == 1) throw new IllegalStateException("no convergence");
            return "ok";
        };
        Job<String> failing = new Job<>(JobKind.SPECTRUM, "flaky", CpuShare.UNLIMITED, flaky);
        scheduler.submit(failing);
        await(() -> failing.status().isFinal());
        assertThat(failing.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failing.failure()).contains("no convergence");
        Job<String> again = new Job<>(JobKind.SPECTRUM, "flaky", CpuShare.UNLIMITED, flaky);
        scheduler.submit(again);
        assertThat(again.result().get(10, TimeUnit.SECONDS)).isEqualTo("ok");
    }

    @Test
    void downloadsAreWholeZipsOfTheSameSizeAndStoppingOneRemovesItsFile() throws Exception {
        LabService lab = new LabService(new LabProperties(2000, 2000, 5000, 2, 8, 100, 20, 64, 2, 100));
        cleanup.add(lab::shutdown);
        ExperimentConfig config = LinkCodec.parse("exercise=1&n=300&tmax=20&points=400", Limits.DEFAULT).config();
        RunGroup tab = new RunGroup();
        List<Job<LabService.Download>> jobs = new ArrayList<>();
        for (int i = 0; i < 6; i++) jobs.add(lab.download(config, tab));
        int most = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        // Sampling how many downloads compute at once, until all six end (or the deadline fails the test below).
        while (jobs.stream().anyMatch(j -> !j.status().isFinal()) && System.nanoTime() < deadline) {
            most = Math.max(most, lab.running(JobKind.DOWNLOAD));
            Thread.sleep(2);
        }
        assertThat(jobs).allSatisfy(j -> assertThat(j.status()).isEqualTo(RunStatus.DONE));
        assertThat(most).isBetween(1, 2);
        List<Long> states = new ArrayList<>();
        for (Job<LabService.Download> j : jobs) {
            LabService.Download d = j.result().get();
            assertThat(d.bytes()).isEqualTo(Files.size(d.file()));
            try (ZipFile zip = new ZipFile(d.file().toFile())) {
                states.add(zip.getEntry("x.npy").getCrc());
                // 400 states of 300 neurons after a 128-byte header.
                assertThat(zip.getEntry("x.npy").getSize()).isEqualTo(128 + 400 * 300 * 8);
                assertThat(zip.getEntry("J.npy").getSize()).isEqualTo(128 + 300 * 300 * 8);
                assertThat(zip.getEntry("config.json")).isNotNull();
            }
            d.delete();
            assertThat(d.file()).doesNotExist();
        }
        // The same numbers in every one (config.json differs only in its compute time).
        assertThat(states).containsOnly(states.get(0));

        ExperimentConfig longer = LinkCodec.parse("exercise=3&n=300&tmax=2000&mode=continuous", Limits.DEFAULT).config();
        Job<LabService.Download> stopped = lab.download(longer, tab);
        await(() -> stopped.status() == RunStatus.RUNNING);
        tab.stopAll();
        await(() -> stopped.status().isFinal());
        assertThat(stopped.status()).isEqualTo(RunStatus.STOPPED);
        // Nothing of the stopped download remains among the lab's temporary files.
        try (var left = Files.list(lab.downloadFolder())) {
            assertThat(left.toList()).isEmpty();
        }
    }
}
