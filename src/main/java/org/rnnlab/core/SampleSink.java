package org.rnnlab.core;

/** Receives a run's samples as they are computed, on the thread that steps the run. */
public interface SampleSink {
    default void onStart(Simulation simulation) {}

    void onSample(Sample sample);

    default void onFinish(Simulation simulation) {}

    SampleSink NONE = sample -> {};

    /** One sink that hands every call to each of {@code sinks}, in order. */
    static SampleSink all(SampleSink... sinks) {
        SampleSink[] each = sinks.clone();
        return new SampleSink() {
            @Override
            public void onStart(Simulation simulation) {
                for (SampleSink s : each) s.onStart(simulation);
            }

            @Override
            public void onSample(Sample sample) {
                for (SampleSink s : each) s.onSample(sample);
            }

            @Override
            public void onFinish(Simulation simulation) {
                for (SampleSink s : each) s.onFinish(simulation);
            }
        };
    }
}
