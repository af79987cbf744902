package org.rnnlab.core;

/**
 * Pause, resume and cancel, asked for from any thread and honoured by the stepping thread at its next
 * {@link #checkpoint()} (before every sample, see {@link Simulation#runToEnd}).
 */
public final class RunControl {
    private boolean paused;
    private boolean cancelled;

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
     * Blocks while paused.
     *
     * @throws Cancelled once cancelled; unwinds the stepping thread out of any integrator
     * @throws Interrupted if the waiting thread is interrupted
     */
    public synchronized void checkpoint() {
        try {
            while (paused && !cancelled) wait();
        } catch (InterruptedException e) {
            throw new Interrupted(e);
        }
        if (cancelled) throw new Cancelled();
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
