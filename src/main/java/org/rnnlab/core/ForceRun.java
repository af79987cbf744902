package org.rnnlab.core;

/**
 * Exercise 3: FORCE learning. The readout {@code z = w . tanh(x)} is fed back through {@code u},
 * {@code dx/dt = -x + g J tanh(x) + z u}, while recursive least squares pulls {@code z} towards the target.
 *
 * <p>Each step of length {@code dt}, as in the seed: take {@code r = tanh(x)} and {@code z = w . r}; on an
 * update step change {@code w} (and {@code P}); then hold {@code d = g J r + (w . r) u} (with the new
 * {@code w}) over the step, where {@link ExponentialStep} is exact. Learning is on from {@code t = 0} and,
 * as in the seed, switches off after the first update made at a time past {@code trainEnd}; the rest of the
 * run (the test phase) runs on the network's own feedback.
 */
public final class ForceRun implements Simulation {
    private final Network network;
    private final double g;
    private final ForceMode mode;
    private final Target target;
    private final double trainEnd;
    private final int steps;
    private final RecursiveLeastSquares rls;
    private final double[] x;
    private final double[] r;
    private final double[] drive;
    private int step;
    private int done;
    private boolean learning = true;
    private double pendingChange;
    private final ErrorStats testError = new ErrorStats();

    public ForceRun(Network network, double g, ForceMode mode, double alpha, Target target, double trainEnd, double tmax) {
        this(network, g, mode, alpha, target, trainEnd, tmax, network.initialState());
    }

    /** The run from {@code x0} (length {@code n}, copied) instead of the network's own initial state. */
    public ForceRun(Network network, double g, ForceMode mode, double alpha, Target target, double trainEnd, double tmax,
            double[] x0) {
        if (x0.length != network.n()) throw new IllegalArgumentException("x0 has " + x0.length + " neurons, not " + network.n());
        this.network = network;
        this.g = g;
        this.mode = mode;
        this.target = target;
        this.trainEnd = trainEnd;
        int wholeSamples = (int) Math.round(tmax / (mode.dt() * mode.stepsPerSample()));
        this.steps = wholeSamples * mode.stepsPerSample();
        this.rls = new RecursiveLeastSquares(network.initialReadout(), alpha);
        this.x = x0.clone();
        this.r = new double[network.n()];
        this.drive = new double[network.n()];
    }

    private double timeOfStep(int k) {
        return k * mode.dt();
    }

    @Override
    public int sampleCount() {
        return steps / mode.stepsPerSample() + 1;
    }

    @Override
    public int samplesDone() {
        return done;
    }

    @Override
    public double time() {
        return done == 0 ? 0 : timeOfStep((done - 1) * mode.stepsPerSample());
    }

    @Override
    public double endTime() {
        return timeOfStep(steps);
    }

    @Override
    public double[] state() {
        return x.clone();
    }

    public double trainEnd() {
        return trainEnd;
    }

    /** The readout weights now (after the run: the trained {@code w}). */
    public double[] readout() {
        return rls.weights();
    }

    /** Error {@code z - f} over the samples of the test phase ({@code t > trainEnd}) so far. */
    public ErrorStats testError() {
        return testError;
    }

    @Override
    public void advance(SampleSink sink) {
        if (isFinished()) throw new IllegalStateException("run finished");
        while (true) {
            double t = timeOfStep(step);
            Kernels.tanh(x, r);
            double z = rls.output(r);
            double f = target.at(t);
            if (learning && step % mode.stepsPerUpdate() == 0) {
                pendingChange += rls.update(r, f - z);
                if (t > trainEnd) learning = false;
            }
            boolean sampleNow = step % mode.stepsPerSample() == 0;
            if (sampleNow) {
                if (t > trainEnd) testError.add(z - f);
                sink.onSample(new Sample(done, t, x, z, f, pendingChange));
                pendingChange = 0;
                done++;
            }
            if (step == steps) return;
            integrate();
            step++;
            if (sampleNow) return;
        }
    }

    /** One step of length {@code dt} with {@code d = g J r + (w . r) u} held constant. */
    private void integrate() {
        network.multiplyCouplings(r, drive);
        double z = Kernels.dot(rls.weightsShared(), r);
        double[] u = network.inputWeightsShared();
        for (int i = 0; i < drive.length; i++) drive[i] = g * drive[i] + z * u[i];
        ExponentialStep.apply(x, drive, mode.dt());
    }

    /** Running RMSE and mean absolute error. */
    public static final class ErrorStats {
        private double sumSquares;
        private double sumAbs;
        private int count;

        public void add(double e) {
            sumSquares += e * e;
            sumAbs += Math.abs(e);
            count++;
        }

        public int count() {
            return count;
        }

        public double rmse() {
            return count == 0 ? Double.NaN : Math.sqrt(sumSquares / count);
        }

        public double mae() {
            return count == 0 ? Double.NaN : sumAbs / count;
        }
    }
}
