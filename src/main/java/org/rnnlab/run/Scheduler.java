package org.rnnlab.run;

import java.util.EnumMap;
import java.util.LinkedList;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The one queue every job of every page goes through. First in, first out, with two bounds: at most
 * {@code maxActive} jobs admitted at once (they then take turns on the processors through {@link FairCpu}), and
 * per kind a cap of its own (downloads, eigenvalues), so that a burst of heavy jobs waits in line instead of
 * filling the heap. A job of a kind at its cap lets the jobs behind it pass; the jobs of one kind keep their
 * order. Past {@code queueLength} waiting jobs a new one is refused.
 */
final class Scheduler {
    private final int maxActive;
    private final int queueLength;
    private final Map<JobKind, Integer> caps;
    private final LinkedList<Job<?>> queue = new LinkedList<>();
    private final Map<JobKind, Integer> activeByKind = new EnumMap<>(JobKind.class);
    private final ExecutorService threads;
    private final Consumer<Job<?>> onEnd;
    private int active;
    /** After {@link #shutdown}: nothing is admitted (a page's last action during shutdown is refused, not thrown). */
    private boolean shutDown;

    /**
     * @param caps  most jobs of a kind admitted at once (kinds not named: {@code maxActive})
     * @param onEnd told of every job that has ended (on the job's thread), for metrics
     */
    Scheduler(int maxActive, int queueLength, Map<JobKind, Integer> caps, Consumer<Job<?>> onEnd) {
        this.maxActive = maxActive;
        this.queueLength = queueLength;
        this.caps = Map.copyOf(caps);
        this.onEnd = onEnd;
        for (JobKind k : JobKind.values()) activeByKind.put(k, 0);
        AtomicInteger count = new AtomicInteger();
        // Never more threads than admitted jobs: dispatch() admits at most maxActive.
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "rnnlab-job-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues {@code job}, or refuses it when {@code queueLength} jobs are already waiting. */
    synchronized void submit(Job<?> job) throws LabBusyException {
        if (shutDown) throw new LabBusyException("The server is shutting down. Please try again in a minute.");
        if (queue.size() >= queueLength) {
            throw new LabBusyException("The server is busy (" + queueLength + " jobs are waiting). Please try again in a minute.");
        }
        job.queuedOn(this);
        queue.addLast(job);
        dispatch();
    }

    private void dispatch() {
        if (shutDown) return;
        var it = queue.iterator();
        while (active < maxActive && it.hasNext()) {
            Job<?> job = it.next();
            if (activeByKind.get(job.kind()) >= caps.getOrDefault(job.kind(), maxActive)) continue;
            it.remove();
            active++;
            activeByKind.merge(job.kind(), 1, Integer::sum);
            threads.execute(() -> {
                try {
                    job.execute();
                } finally {
                    ended(job);
                }
            });
        }
    }

    private void ended(Job<?> job) {
        synchronized (this) {
            active--;
            activeByKind.merge(job.kind(), -1, Integer::sum);
            dispatch();
        }
        onEnd.accept(job);
    }

    /** A job stopped while queued leaves the line at once: the positions of those behind it move up. */
    synchronized void dequeue(Job<?> job) {
        if (queue.remove(job)) onEnd.accept(job);
    }

    /** 1-based place in the line, 0 when not waiting. */
    synchronized int position(Job<?> job) {
        int index = queue.indexOf(job);
        return index < 0 ? 0 : index + 1;
    }

    synchronized int queued() {
        return queue.size();
    }

    synchronized int queued(JobKind kind) {
        return (int) queue.stream().filter(j -> j.kind() == kind).count();
    }

    /** Jobs admitted and not yet ended. */
    synchronized int active() {
        return active;
    }

    synchronized int active(JobKind kind) {
        return activeByKind.get(kind);
    }

    void shutdown() {
        synchronized (this) {
            shutDown = true;
            java.util.List.copyOf(queue).forEach(Job::stop);
        }
        threads.shutdownNow();
    }
}
