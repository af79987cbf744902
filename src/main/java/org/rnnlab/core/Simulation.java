package org.rnnlab.core;

/**
 * A run that hands out its samples one by one (or a batch per call) as it computes them. Whoever drives it
 * can pause or cancel it between samples; the numbers never depend on how the calls are spread in time.
 */
public interface Simulation {
    /** Output samples of the whole run, including {@code t = 0}. */
    int sampleCount();

    /** Samples emitted so far. */
    int samplesDone();

    /** Simulated time of the last emitted sample (0 before the first). */
    double time();

    /** Simulated time of the last sample. */
    double endTime();

    /** The current state (a copy). */
    double[] state();

    /**
     * Computes and emits the next sample, or a short block of them (the first call emits {@code t = 0}).
     *
     * @throws IllegalStateException when the run is finished
     */
    void advance(SampleSink sink);

    default boolean isFinished() {
        return samplesDone() >= sampleCount();
    }

    /**
     * Advances to the end on this thread, honouring {@code control} before every sample: it blocks while
     * paused and stops when cancelled.
     *
     * @return true if the run finished, false if it was cancelled
     */
    default boolean runToEnd(SampleSink sink, RunControl control) throws InterruptedException {
        SampleSink checked = sample -> {
            control.checkpoint();
            sink.onSample(sample);
        };
        if (samplesDone() == 0) sink.onStart(this);
        control.begin();
        try {
            while (!isFinished()) {
                control.checkpoint();
                advance(checked);
            }
        } catch (RunControl.Cancelled e) {
            return false;
        } catch (RunControl.Interrupted e) {
            throw e.getCause();
        } finally {
            control.end();
        }
        sink.onFinish(this);
        return true;
    }
}
