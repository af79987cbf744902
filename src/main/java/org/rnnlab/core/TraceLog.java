package org.rnnlab.core;

import java.util.Arrays;

/**
 * A run's samples kept as columns: time, the plotted neurons, for FORCE the output, target and weight change,
 * and, when asked, the full state ({@code samples x n} doubles: the limits bound it). The charts and the
 * exported files read the same log. One writer (the run's thread) appends; readers copy ranges at their own
 * pace. Sized once from the run's sample count, so it never grows. The volatile {@code count} is written
 * after the values, so a reader that reads it first sees them.
 */
public final class TraceLog implements SampleSink {
    private final int[] neurons;
    private final boolean keepStates;
    private double[] states = new double[0];
    private int n;
    private double[] times = new double[0];
    private double[] plotted = new double[0];
    private double[] output = new double[0];
    private double[] target = new double[0];
    private double[] weightChange = new double[0];
    private volatile int capacity;
    private volatile int count;

    /** @param keepStates also keep the full state at every sample (for {@code x.npy}) */
    public TraceLog(int[] neurons, boolean keepStates) {
        this.neurons = neurons.clone();
        this.keepStates = keepStates;
    }

    @Override
    public void onStart(Simulation simulation) {
        int samples = simulation.sampleCount();
        times = new double[samples];
        plotted = new double[samples * neurons.length];
        output = new double[samples];
        target = new double[samples];
        weightChange = new double[samples];
        n = simulation.state().length;
        if (keepStates) states = new double[samples * n];
        capacity = samples;
    }

    @Override
    public void onSample(Sample s) {
        int k = count;
        times[k] = s.time();
        for (int j = 0; j < neurons.length; j++) plotted[k * neurons.length + j] = s.state()[neurons[j]];
        output[k] = s.output();
        target[k] = s.target();
        weightChange[k] = s.weightChange();
        if (keepStates) System.arraycopy(s.state(), 0, states, k * n, n);
        count = k + 1;
    }

    public int[] neurons() {
        return neurons.clone();
    }

    /** Samples the run will have in all (0 before it starts). */
    public int capacity() {
        return capacity;
    }

    public int count() {
        return count;
    }

    /** Time of the last sample (0 before the first). */
    public double lastTime() {
        int k = count;
        return k == 0 ? 0 : times[k - 1];
    }

    public boolean hasStates() {
        return keepStates;
    }

    /** Neurons in the network ({@code n}). */
    public int stateSize() {
        return n;
    }

    /** The full states so far, {@code count x n}, row-major (empty unless kept). */
    public double[] states() {
        return keepStates ? Arrays.copyOf(states, count * n) : new double[0];
    }

    /** Everything so far. */
    public Frames all() {
        return slice(0, count);
    }

    /** A copy of samples {@code [from, to)}: a chart's batch. */
    public Frames slice(int from, int to) {
        int m = to - from;
        double[][] x = new double[neurons.length][m];
        for (int k = 0; k < m; k++) {
            for (int j = 0; j < neurons.length; j++) x[j][k] = plotted[(from + k) * neurons.length + j];
        }
        return new Frames(from, copy(times, from, m), x, copy(output, from, m), copy(target, from, m),
                copy(weightChange, from, m));
    }

    private static double[] copy(double[] a, int from, int m) {
        double[] out = new double[m];
        System.arraycopy(a, from, out, 0, m);
        return out;
    }

    /** A batch of consecutive samples starting at index {@code first}; {@code neurons[j]} is neuron j's trace. */
    public record Frames(int first, double[] times, double[][] neurons, double[] output, double[] target, double[] weightChange) {
        public int size() {
            return times.length;
        }
    }
}
