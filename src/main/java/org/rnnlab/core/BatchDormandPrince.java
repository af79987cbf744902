package org.rnnlab.core;

/**
 * Dormand-Prince 5(4) with its fourth-order dense output (Hairer, Norsett and Wanner, <i>Solving Ordinary
 * Differential Equations I</i>, section II.5 and II.6, code {@code DOPRI5}) for a {@link BatchModel}: the
 * {@code k} trajectories advance with one step size, so that each stage is one batched product.
 *
 * <p>Step control: the local error estimate {@code E} of the embedded fourth-order solution is measured per
 * trajectory as {@code sqrt(mean_i (E_i / (tol + tol max(|x_i|, |x_i'|)))^2)} (Hairer's norm, absolute and
 * relative tolerance equal, as in {@link AdaptiveIntegrator}) and the batch takes the <b>largest</b>: every
 * trajectory is held to the tolerance it would meet alone, the most demanding one sets the pace. A step is
 * accepted when that norm is at most 1; the next is {@code h min(5, max(0.2, 0.9 err^-1/5))}, no longer than
 * {@link AdaptiveIntegrator#MAX_STEP}. Seven stages, the last one reused as the first of the next step, so an
 * accepted step costs six evaluations.
 *
 * <p>Output: steps are never shortened to land on an output time; {@link #interpolate} evaluates the dense
 * output of the last step, {@code y0 + th (r2 + (1 - th) (r3 + th (r4 + (1 - th) r5)))}. Steps are shortened
 * only by {@link #landAt}, for callers that change the state there ({@link #restart}). Not thread-safe.
 */
final class BatchDormandPrince {
    private static final double C2 = 1.0 / 5, C3 = 3.0 / 10, C4 = 4.0 / 5, C5 = 8.0 / 9;
    private static final double A21 = 1.0 / 5;
    private static final double A31 = 3.0 / 40, A32 = 9.0 / 40;
    private static final double A41 = 44.0 / 45, A42 = -56.0 / 15, A43 = 32.0 / 9;
    private static final double A51 = 19372.0 / 6561, A52 = -25360.0 / 2187, A53 = 64448.0 / 6561, A54 = -212.0 / 729;
    private static final double A61 = 9017.0 / 3168, A62 = -355.0 / 33, A63 = 46732.0 / 5247, A64 = 49.0 / 176,
            A65 = -5103.0 / 18656;
    private static final double A71 = 35.0 / 384, A73 = 500.0 / 1113, A74 = 125.0 / 192, A75 = -2187.0 / 6784,
            A76 = 11.0 / 84;
    /** Fifth- minus fourth-order weights: the local error estimate. */
    private static final double E1 = 71.0 / 57600, E3 = -71.0 / 16695, E4 = 71.0 / 1920, E5 = -17253.0 / 339200,
            E6 = 22.0 / 525, E7 = -1.0 / 40;
    /** Shampine's fourth-order continuous extension, in Hairer's form ({@code CONTD5}). */
    private static final double D1 = -12715105075.0 / 11282082432.0, D3 = 87487479700.0 / 32700410799.0,
            D4 = -10690763975.0 / 1880347072.0, D5 = 701980252875.0 / 199316789632.0, D6 = -1453857185.0 / 822651844.0,
            D7 = 69997945.0 / 29380423.0;
    private static final double SAFETY = 0.9, FAC_MIN = 0.2, FAC_MAX = 5;

    private final BatchModel model;
    private final double tolerance;
    private final int n;
    private double[] y;
    private double[] yNew;
    private double[] k1;
    private double[] k7;
    private final double[] k2, k3, k4, k5, k6, stage;
    private final double[] r1, r2, r3, r4, r5;
    private double t;
    private double tPrev;
    private double hLast;
    private double h;
    private long accepted;
    private long rejected;

    /** Starts at {@code (t0, x0)} ({@code x0} is copied); costs two evaluations (the derivative and the initial step). */
    BatchDormandPrince(BatchModel model, double tolerance, double t0, double[] x0) {
        this.model = model;
        this.tolerance = tolerance;
        this.n = model.n();
        int dim = model.dimension();
        y = x0.clone();
        yNew = new double[dim];
        k1 = new double[dim];
        k7 = new double[dim];
        k2 = new double[dim];
        k3 = new double[dim];
        k4 = new double[dim];
        k5 = new double[dim];
        k6 = new double[dim];
        stage = new double[dim];
        r1 = new double[dim];
        r2 = new double[dim];
        r3 = new double[dim];
        r4 = new double[dim];
        r5 = new double[dim];
        t = t0;
        tPrev = t0;
        model.derivative(t, y, k1);
        h = initialStep();
    }

    /** Time of the current state: the end of the last accepted step. */
    double time() {
        return t;
    }

    /** Accepted steps so far. */
    long steps() {
        return accepted;
    }

    /** Rejected step attempts so far (each cost six evaluations too). */
    long rejectedSteps() {
        return rejected;
    }

    /** Copies the current state (at {@link #time()}) into {@code out}. */
    void copyState(double[] out) {
        System.arraycopy(y, 0, out, 0, y.length);
    }

    /** Steps until {@link #time()} {@code >= tOut}, then writes the state at {@code tOut} (dense output) to {@code out}. */
    void advanceTo(double tOut, double[] out) {
        advanceTo(tOut, Double.POSITIVE_INFINITY, out);
    }

    /** As {@link #advanceTo(double, double[])}, with no step past {@code tLimit >= tOut} (the next {@link #landAt}). */
    void advanceTo(double tOut, double tLimit, double[] out) {
        while (t < tOut) step(tLimit);
        interpolate(tOut, out);
    }

    /** Steps until {@link #time()} {@code == tStop} exactly, shortening the last step to land there. */
    void landAt(double tStop) {
        while (t < tStop) step(tStop);
    }

    /**
     * Replaces the state at {@link #time()} by {@code x} (copied) and evaluates its derivative: one evaluation.
     * The dense output then covers only {@link #time()} until the next step.
     */
    void restart(double[] x) {
        System.arraycopy(x, 0, y, 0, y.length);
        model.derivative(t, y, k1);
        tPrev = t;
        hLast = 0;
    }

    /** The state at {@code tq} in {@code [start of the last step, time()]}, from the dense output; writes only {@code out}. */
    void interpolate(double tq, double[] out) {
        if (tq == t || hLast == 0) {
            if (tq != t) throw new IllegalArgumentException("no step covers t = " + tq + " (at " + t + ")");
            System.arraycopy(y, 0, out, 0, y.length);
            return;
        }
        if (tq < tPrev || tq > t) throw new IllegalArgumentException("t = " + tq + " is outside the last step [" + tPrev + ", " + t + "]");
        double th = (tq - tPrev) / hLast;
        double th1 = 1 - th;
        for (int i = 0; i < out.length; i++) out[i] = r1[i] + th * (r2[i] + th1 * (r3[i] + th * (r4[i] + th1 * r5[i])));
    }

    /** One accepted step, no further than {@code tLimit}; rejected attempts are retried with a smaller step. */
    private void step(double tLimit) {
        boolean rejectedBefore = false;
        while (true) {
            boolean clipped = t + h >= tLimit;
            double hh = clipped ? tLimit - t : h;
            double err = attempt(hh);
            if (err <= 1) {
                accept(hh, clipped ? tLimit : t + hh);
                double grow = Math.min(FAC_MAX, SAFETY * StrictMath.pow(Math.max(err, 1e-10), -0.2));
                double proposal = hh * (rejectedBefore ? Math.min(1, grow) : grow);
                // A step shortened to land on tLimit says little about the size the dynamics allow.
                h = Math.min(AdaptiveIntegrator.MAX_STEP, clipped && proposal >= hh ? Math.max(h, proposal) : proposal);
                return;
            }
            rejected++;
            rejectedBefore = true;
            h = hh * Math.max(FAC_MIN, SAFETY * StrictMath.pow(err, -0.2));
            if (!(h > AdaptiveIntegrator.MIN_STEP)) throw new IllegalStateException("step size underflow at t = " + t + " (error " + err + ")");
        }
    }

    /** The six new stages of a step of size {@code hh} from {@code (t, y)}: {@code yNew}, {@code k7}, and the error norm. */
    private double attempt(double hh) {
        int dim = y.length;
        for (int i = 0; i < dim; i++) stage[i] = y[i] + hh * A21 * k1[i];
        model.derivative(t + C2 * hh, stage, k2);
        for (int i = 0; i < dim; i++) stage[i] = y[i] + hh * (A31 * k1[i] + A32 * k2[i]);
        model.derivative(t + C3 * hh, stage, k3);
        for (int i = 0; i < dim; i++) stage[i] = y[i] + hh * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
        model.derivative(t + C4 * hh, stage, k4);
        for (int i = 0; i < dim; i++) stage[i] = y[i] + hh * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
        model.derivative(t + C5 * hh, stage, k5);
        for (int i = 0; i < dim; i++) {
            stage[i] = y[i] + hh * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
        }
        model.derivative(t + hh, stage, k6);
        for (int i = 0; i < dim; i++) yNew[i] = y[i] + hh * (A71 * k1[i] + A73 * k3[i] + A74 * k4[i] + A75 * k5[i] + A76 * k6[i]);
        model.derivative(t + hh, yNew, k7);
        double worst = 0;
        for (int b = 0; b < model.k(); b++) {
            double sum = 0;
            for (int i = b * n; i < (b + 1) * n; i++) {
                double e = hh * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
                double scale = tolerance * (1 + Math.max(Math.abs(y[i]), Math.abs(yNew[i])));
                sum += (e / scale) * (e / scale);
            }
            double norm = Math.sqrt(sum / n);
            if (Double.isNaN(norm)) return Double.POSITIVE_INFINITY; // a non-finite step is rejected, never accepted
            worst = Math.max(worst, norm);
        }
        return worst;
    }

    /** Keeps the dense output of the step {@code [t, tNext]} and moves to its end (first same as last: {@code k1 = k7}). */
    private void accept(double hh, double tNext) {
        for (int i = 0; i < y.length; i++) {
            double diff = yNew[i] - y[i];
            double bspl = hh * k1[i] - diff;
            r1[i] = y[i];
            r2[i] = diff;
            r3[i] = bspl;
            r4[i] = diff - hh * k7[i] - bspl;
            r5[i] = hh * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i]);
        }
        double[] swap = y;
        y = yNew;
        yNew = swap;
        swap = k1;
        k1 = k7;
        k7 = swap;
        tPrev = t;
        t = tNext;
        hLast = tNext - tPrev;
        accepted++;
    }

    /**
     * Hairer's starting step ({@code HINIT}): {@code h0 = 0.01 |y0| / |f0|}, then
     * {@code h1 = (0.01 / max(|f0|, |f'|))^(1/5)} from one explicit Euler step; the smaller of
     * {@code 100 h0} and {@code h1}. Norms are the step-control norm (largest over the batch).
     */
    private double initialStep() {
        double dny = norm(y, y);
        double dnf = norm(k1, y);
        double h0 = dny < 1e-5 || dnf < 1e-5 ? 1e-6 : 0.01 * dny / dnf;
        h0 = Math.min(h0, AdaptiveIntegrator.MAX_STEP);
        for (int i = 0; i < y.length; i++) stage[i] = y[i] + h0 * k1[i];
        model.derivative(t + h0, stage, k2);
        for (int i = 0; i < y.length; i++) k3[i] = (k2[i] - k1[i]) / h0;
        double der2 = norm(k3, y);
        double der12 = Math.max(der2, dnf);
        double h1 = der12 <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : StrictMath.pow(0.01 / der12, 0.2);
        return Math.min(Math.min(100 * h0, h1), AdaptiveIntegrator.MAX_STEP);
    }

    /** Largest over the batch of {@code sqrt(mean_i (v_i / (tol (1 + |ref_i|)))^2)}. */
    private double norm(double[] v, double[] ref) {
        double worst = 0;
        for (int b = 0; b < model.k(); b++) {
            double sum = 0;
            for (int i = b * n; i < (b + 1) * n; i++) {
                double s = v[i] / (tolerance * (1 + Math.abs(ref[i])));
                sum += s * s;
            }
            worst = Math.max(worst, Math.sqrt(sum / n));
        }
        return worst;
    }
}
