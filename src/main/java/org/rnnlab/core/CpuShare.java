package org.rnnlab.core;

/**
 * A run's share of the processors: held while it computes, handed back at its checkpoints once its time
 * slice is over (or while paused), so that many runs on few cores all advance in turn.
 */
public interface CpuShare {
    /** Waits for a processor. */
    void acquire();

    /** Gives the processor back. */
    void release();

    /** True once the current slice has been used up: time to let the next run compute. */
    boolean sliceOver();

    /** No sharing: the thread computes whenever the operating system lets it (tools, tests). */
    CpuShare UNLIMITED = new CpuShare() {
        @Override
        public void acquire() {}

        @Override
        public void release() {}

        @Override
        public boolean sliceOver() {
            return false;
        }
    };
}
