package org.rnnlab.core;

/** Receives a run's samples as they are computed, on the thread that steps the run. */
public interface SampleSink {
    default void onStart(Simulation simulation) {}

    void onSample(Sample sample);

    default void onFinish(Simulation simulation) {}

    SampleSink NONE = sample -> {};
}
