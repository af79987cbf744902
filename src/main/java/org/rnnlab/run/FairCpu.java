package org.rnnlab.run;

import java.util.concurrent.Semaphore;
import org.rnnlab.core.CpuShare;

/**
 * Round-robin time slicing of the processors among runs: {@code cores} permits in a fair (FIFO) semaphore.
 * A run computes while it holds a permit and, at its first checkpoint after {@code slice} nanoseconds, goes
 * to the back of the line. So with 100 runs on 2 cores every run advances, each about 1/50 of the time, and a
 * paused run holds nothing.
 */
final class FairCpu {
    private final Semaphore permits;
    private final long sliceNanos;

    FairCpu(int cores, long sliceNanos) {
        this.permits = new Semaphore(cores, true);
        this.sliceNanos = sliceNanos;
    }

    /** Runs computing right now. */
    int busy(int cores) {
        return cores - permits.availablePermits();
    }

    /** A new run's share. */
    CpuShare share() {
        return new CpuShare() {
            private long sliceStart;

            @Override
            public void acquire() {
                permits.acquireUninterruptibly();
                sliceStart = System.nanoTime();
            }

            @Override
            public void release() {
                permits.release();
            }

            @Override
            public boolean sliceOver() {
                return System.nanoTime() - sliceStart > sliceNanos;
            }
        };
    }
}
