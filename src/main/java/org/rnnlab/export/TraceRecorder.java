package org.rnnlab.export;

import java.util.Arrays;
import org.rnnlab.core.Sample;
import org.rnnlab.core.SampleSink;
import org.rnnlab.core.Simulation;

/**
 * Keeps what a run's files need: times, the plotted neurons, the readout traces and, when asked, the full
 * state at every sample ({@code samples x n} doubles: the caller bounds that through the limits).
 */
public final class TraceRecorder implements SampleSink {
    private final int[] neurons;
    private final boolean keepStates;
    private int count;
    private double[] times = new double[0];
    private double[] plotted = new double[0];
    private double[] output = new double[0];
    private double[] target = new double[0];
    private double[] weightChange = new double[0];
    private double[] states = new double[0];
    private int n;

    public TraceRecorder(int[] neurons, boolean keepStates) {
        this.neurons = neurons.clone();
        this.keepStates = keepStates;
    }

    @Override
    public void onStart(Simulation simulation) {
        int samples = simulation.sampleCount();
        n = simulation.state().length;
        times = new double[samples];
        plotted = new double[samples * neurons.length];
        output = new double[samples];
        target = new double[samples];
        weightChange = new double[samples];
        if (keepStates) states = new double[samples * n];
    }

    @Override
    public void onSample(Sample s) {
        int k = count++;
        times[k] = s.time();
        for (int j = 0; j < neurons.length; j++) plotted[k * neurons.length + j] = s.state()[neurons[j]];
        output[k] = s.output();
        target[k] = s.target();
        weightChange[k] = s.weightChange();
        if (keepStates) System.arraycopy(s.state(), 0, states, k * n, n);
    }

    public int count() {
        return count;
    }

    public int[] neurons() {
        return neurons.clone();
    }

    public double[] times() {
        return Arrays.copyOf(times, count);
    }

    /** {@code x[neurons[j]]} at sample {@code k}. */
    public double plotted(int k, int j) {
        return plotted[k * neurons.length + j];
    }

    public double output(int k) {
        return output[k];
    }

    public double target(int k) {
        return target[k];
    }

    public double weightChange(int k) {
        return weightChange[k];
    }

    public boolean hasStates() {
        return keepStates;
    }

    public int stateSize() {
        return n;
    }

    /** Full states, {@code count x n}, row-major. */
    public double[] states() {
        return Arrays.copyOf(states, count * n);
    }
}
