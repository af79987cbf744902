package org.rnnlab.core;

/**
 * Pause, resume and cancel, asked for from any thread and honoured by the stepping thread at its next
 * {@link #checkpoint()} (before every sample, see {@link Simulation#runToEnd}); and the run's
 * {@link CpuShare}, handed on at checkpoints so that runs take turns on the processors.
 */
public final class RunControl {
    private final CpuShare share;
    private boolean paused;
    private boolean cancelled;

    public RunControl() {
        this(CpuShare.UNLIMITED);
    }

    /** A control whose run computes only while it holds {@code share}. */
    public RunControl(CpuShare share) {
        this.share = share;
    }

    /** Nesting depth of begin/end on the stepping thread (only that thread touches it). */
    private int depth;

    /** The run starts computing (e.g. building its network): waits for its share. Nests with {@link #end()}. */
    public void begin() {
        if (depth++ == 0) share.acquire();
    }

    /** The run is over: frees its share. */
    public void end() {
        if (--depth == 0) share.release();
    }

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    public synchronized void cancel() {
        cancelled = true;
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused && !cancelled;
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /**
     * Between two samples: blocks while paused (without holding the processor), and hands the processor to
     * the next run when this one's slice is over.
     *
     * @throws Cancelled once cancelled; unwinds the stepping thread out of any integrator
     * @throws Interrupted if the waiting thread is interrupted
     */
    public void checkpoint() {
        if (isPaused()) {
            share.release();
            try {
                awaitResume();
            } finally {
                share.acquire();
            }
        } else if (share.sliceOver()) {
            share.release();
            share.acquire();
        }
        if (isCancelled()) throw new Cancelled();
    }

    private synchronized void awaitResume() {
        try {
            while (paused && !cancelled) wait();
        } catch (InterruptedException e) {
            throw new Interrupted(e);
        }
    }

    /** Thrown through the integrator's callbacks to stop a cancelled run. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    /** Carries an interrupt through callbacks that cannot throw checked exceptions. */
    static final class Interrupted extends RuntimeException {
        Interrupted(InterruptedException cause) {
            super("interrupted", cause, false, false);
        }

        @Override
        public synchronized InterruptedException getCause() {
            return (InterruptedException) super.getCause();
        }
    }
}
