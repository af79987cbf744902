package org.rnnlab.run;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.rnnlab.core.CpuShare;
import org.rnnlab.core.RunControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One piece of work a page asked for, as the {@link Scheduler} runs it: queued, then computing on its share of
 * the processors, then done, stopped or failed. Thread-safe: the scheduler's thread computes it, a page reads
 * its status and presses Pause or Stop. Every status change is one compare-and-set, so a job that has just
 * finished is never recorded as stopped, and a queued job that is stopped never starts.
 *
 * @param <R> what it computes
 */
public class Job<R> {
    private static final Logger LOG = LoggerFactory.getLogger(Job.class);
    private static final AtomicLong IDS = new AtomicLong();

    /** The work itself, on a scheduler thread, with the control it must honour at its checkpoints. */
    @FunctionalInterface
    public interface Work<R> {
        /**
         * @return the result
         * @throws CancellationException when it stopped early because the control was cancelled
         */
        R compute(RunControl control) throws Exception;
    }

    /** A job that failed; the message is for the page. */
    public static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message, null, false, false);
        }
    }

    private final long id = IDS.incrementAndGet();
    private final long createdNanos = System.nanoTime();
    private final JobKind kind;
    private final String label;
    private final RunControl control;
    private final Work<R> work;
    private final AtomicReference<RunStatus> status = new AtomicReference<>(RunStatus.QUEUED);
    private final CompletableFuture<R> result = new CompletableFuture<>();
    private volatile String failure = "";
    private volatile long startedNanos;
    private volatile long endedNanos;
    private volatile @Nullable Scheduler scheduler;

    /**
     * @param label what the job is, for logs ("a run of v=1&exercise=1&...")
     */
    public Job(JobKind kind, String label, CpuShare share, Work<R> work) {
        this.kind = kind;
        this.label = label;
        this.control = new RunControl(share);
        this.work = work;
    }

    void queuedOn(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** On a scheduler thread: computes unless stopped meanwhile. */
    final void execute() {
        if (!status.compareAndSet(RunStatus.QUEUED, RunStatus.RUNNING)) return;
        startedNanos = System.nanoTime();
        // Setting up (building a network, allocating P) costs as much as many steps: it waits for its turn too.
        control.begin();
        try {
            R value = work.compute(control);
            end(RunStatus.DONE);
            result.complete(value);
        } catch (CancellationException e) {
            stopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped();
        } catch (OutOfMemoryError e) {
            fail("the server ran out of memory for this " + kind.tag() + "; try a smaller n", e);
        } catch (Exception e) {
            if (control.isCancelled()) stopped();
            else fail(kind == JobKind.RUN ? "the solver stopped: " + e.getMessage() : "it could not be computed: " + e.getMessage(), e);
        } finally {
            control.end();
        }
    }

    private void stopped() {
        end(RunStatus.STOPPED);
        result.completeExceptionally(new CancellationException("stopped"));
    }

    private void fail(String why, Throwable e) {
        LOG.warn("{} {} ({}) failed", kind.tag(), id, label, e);
        failure = why;
        end(RunStatus.FAILED);
        result.completeExceptionally(new Failed(why));
    }

    private void end(RunStatus last) {
        endedNanos = System.nanoTime();
        status.set(last);
    }

    /** Stops it: a queued job leaves the queue at once; a computing one stops at its next checkpoint. */
    public void stop() {
        control.cancel();
        if (status.compareAndSet(RunStatus.QUEUED, RunStatus.STOPPED)) {
            endedNanos = System.nanoTime();
            Scheduler s = scheduler;
            if (s != null) s.dequeue(this);
            result.completeExceptionally(new CancellationException("stopped while queued"));
        }
    }

    public void pause() {
        control.pause();
    }

    public void resume() {
        control.resume();
    }

    public long id() {
        return id;
    }

    public JobKind kind() {
        return kind;
    }

    public String label() {
        return label;
    }

    public RunStatus status() {
        RunStatus s = status.get();
        return s == RunStatus.RUNNING && control.isPaused() ? RunStatus.PAUSED : s;
    }

    /** Why it failed, for the page ("" unless FAILED). */
    public String failure() {
        return failure;
    }

    /** Completes with the value, or exceptionally with {@link CancellationException} or {@link Failed}. */
    public CompletableFuture<R> result() {
        return result;
    }

    /** 1 for the next job to start, 2 after it...; 0 when not waiting. */
    public int queuePosition() {
        Scheduler s = scheduler;
        return s == null || status.get() != RunStatus.QUEUED ? 0 : s.position(this);
    }

    /** Seconds since it was asked for. */
    public double ageSeconds() {
        return (System.nanoTime() - createdNanos) / 1e9;
    }

    /** Seconds from being asked for to the end (waiting included); to now while not ended. */
    public double turnaroundSeconds() {
        long end = endedNanos;
        return ((end == 0 ? System.nanoTime() : end) - createdNanos) / 1e9;
    }

    /** Wall time from the start of computing to its end (or to now), in seconds; 0 before it starts. */
    public double elapsedSeconds() {
        long start = startedNanos;
        if (start == 0) return 0;
        long end = endedNanos;
        return ((end == 0 ? System.nanoTime() : end) - start) / 1e9;
    }
}
