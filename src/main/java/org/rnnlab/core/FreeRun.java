package org.rnnlab.core;

/**
 * Exercises 1 and 2: the autonomous or driven network {@code dx/dt = -x + g J tanh(x) + A cos(omega t) u}
 * from {@code x0}, sampled at {@code samples} equally spaced times on {@code [0, tmax]}
 * (the seed's {@code linspace(0, 50, 500)}).
 */
public final class FreeRun implements Simulation {
    private final RateModel model;
    private final Integrator integrator;
    private final double tmax;
    private final int samples;
    private final double[] x;
    private int done;

    public FreeRun(Network network, double g, Drive drive, Integrator integrator, double tmax, int samples) {
        this(network, g, drive, integrator, tmax, samples, network.initialState());
    }

    /** The run from {@code x0} (length {@code n}, copied) instead of the network's own initial state. */
    public FreeRun(Network network, double g, Drive drive, Integrator integrator, double tmax, int samples, double[] x0) {
        if (x0.length != network.n()) throw new IllegalArgumentException("x0 has " + x0.length + " neurons, not " + network.n());
        this.model = new RateModel(network, g, drive);
        this.integrator = integrator;
        this.tmax = tmax;
        this.samples = samples;
        this.x = x0.clone();
    }

    /** Output time {@code k}: {@code linspace(0, tmax, samples)}, computed without accumulated round-off. */
    public double timeOf(int k) {
        return outputTime(tmax, samples, k);
    }

    /** {@code linspace(0, tmax, samples)[k]}, shared by every run sampled on that grid. */
    static double outputTime(double tmax, int samples, int k) {
        return samples == 1 ? 0 : tmax * k / (samples - 1);
    }

    @Override
    public int sampleCount() {
        return samples;
    }

    @Override
    public int samplesDone() {
        return done;
    }

    @Override
    public double time() {
        return done == 0 ? 0 : timeOf(done - 1);
    }

    @Override
    public double endTime() {
        return tmax;
    }

    @Override
    public double[] state() {
        return x.clone();
    }

    /** Right-hand side evaluations so far: the cost of the run. */
    public long evaluations() {
        return model.evaluations();
    }

    /**
     * Emits {@code t = 0} on the first call, then integrates to the end in one call (restarting an adaptive
     * solver costs its start-up; {@link Simulation#runToEnd} pauses and cancels between samples).
     */
    @Override
    public void advance(SampleSink sink) {
        if (isFinished()) throw new IllegalStateException("run finished");
        if (done == 0) {
            sink.onSample(Sample.free(done++, 0, x));
            return;
        }
        int first = done;
        double[] times = new double[samples - first];
        for (int k = 0; k < times.length; k++) times[k] = timeOf(first + k);
        integrator.integrate(model, timeOf(first - 1), x, times, (k, state) -> {
            done = first + k + 1;
            sink.onSample(Sample.free(first + k, times[k], state));
        });
    }
}
