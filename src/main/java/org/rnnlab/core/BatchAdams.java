package org.rnnlab.core;

import java.util.Arrays;

/**
 * The variable-order, variable-step Adams method of LSODE (Hindmarsh, "ODEPACK, a systematized collection of ODE
 * solvers", 1983; the method behind the seed's {@code odeint}, which is LSODA), for the {@code k} trajectories of
 * a {@link BatchModel}. Each trajectory keeps its <b>own</b> order, step size and error control; only the
 * products {@code J R} are shared: every round, each trajectory that has not reached the requested time takes one
 * step attempt, and their right-hand sides are one batched product. So a trajectory gives the same numbers, bit
 * for bit, alone or in any batch (the product and the tanh compute each vector's entries the same way at any
 * width) — a grid cell is what its own link computes.
 *
 * <p>Per step (Nordsieck form {@code z_j = h^j x^(j) / j!}, order {@code q <= 12}): predict with the Pascal
 * matrix, evaluate {@code f} once at the prediction, correct {@code z += l e} with {@code e = h f - z_1} (one
 * functional iteration: "PEC", one evaluation per step). The local error {@code |e| / tesco2(q)} in LSODE's
 * weighted RMS norm ({@code tol (1 + |x_i|)}) must be at most 1; the step size and order are chosen as in
 * LSODE's {@code STODE}: every {@code q + 1} steps, compare the step sizes allowed at orders {@code q - 1},
 * {@code q} and {@code q + 1} and take the largest (if it grows the step by at least 10 %); after a rejected
 * step shrink it (at most to 0.2 of it after the second failure) and after three failures in a row restart at
 * order 1. Steps are never shortened to land on an output time: the Nordsieck polynomial of the last step is the
 * dense output. Steps are no longer than {@code maxStep}.
 *
 * <p>Not thread-safe. Memory: {@code 16 n} doubles per trajectory.
 */
final class BatchAdams {
    static final int MAX_ORDER = 12;
    /** {@code EL[q]}: the corrector's coefficients {@code l_0 .. l_q} at order {@code q} (ODEPACK's {@code elco}). */
    private static final double[][] EL = new double[MAX_ORDER + 1][];
    /** ODEPACK's {@code tesco}: error constants for orders {@code q - 1} (1), {@code q} (2) and {@code q + 1} (3). */
    private static final double[] TESCO1 = new double[MAX_ORDER + 2];
    private static final double[] TESCO2 = new double[MAX_ORDER + 2];
    private static final double[] TESCO3 = new double[MAX_ORDER + 2];

    static {
        // ODEPACK's CFODE for the Adams methods: dl/dx = (x + 1)(x + 2)...(x + q - 1) / (q - 1)!, l(-1) = 0.
        EL[1] = new double[] {1, 1};
        TESCO2[1] = 2;
        TESCO1[2] = 1;
        double[] pc = new double[MAX_ORDER + 2];
        pc[1] = 1;
        double rqfac = 1;
        for (int q = 2; q <= MAX_ORDER; q++) {
            double rq1fac = rqfac;
            rqfac /= q;
            pc[q] = 0;
            for (int i = q; i >= 2; i--) pc[i] = pc[i - 1] + (q - 1) * pc[i];
            pc[1] = (q - 1) * pc[1];
            double pint = pc[1];
            double xpin = pc[1] / 2;
            double sign = 1;
            for (int i = 2; i <= q; i++) {
                sign = -sign;
                pint += sign * pc[i] / i;
                xpin += sign * pc[i] / (i + 1);
            }
            double[] el = new double[q + 1];
            el[0] = pint * rq1fac;
            el[1] = 1;
            for (int i = 2; i <= q; i++) el[i] = rq1fac * pc[i] / i;
            EL[q] = el;
            double ragq = 1 / (rq1fac * xpin);
            TESCO2[q] = ragq;
            if (q < MAX_ORDER) TESCO1[q + 1] = ragq * rqfac / (q + 1);
            TESCO3[q - 1] = ragq;
        }
    }

    private final BatchModel model;
    private final double tolerance;
    private final double maxStep;
    private final int n;
    private final int k;
    /** Nordsieck arrays: {@code z[b][j n + i] = h^j x_i^(j) / j!}. */
    private final double[][] z;
    private final double[][] f;
    private final double[][] corrections;
    /** The correction of the step before an order decision, for the error estimate at order {@code q + 1}. */
    private final double[][] savedCorrections;
    private final double[][] weights;
    private final double[] t;
    private final double[] tNext;
    private final double[] h;
    /** Size of the last accepted step: the dense output covers {@code [t - hUsed, t]}. */
    private final double[] hUsed;
    private final int[] order;
    /** Steps until the next order and step-size decision (LSODE's {@code ialth}). */
    private final int[] wait;
    private final int[] failures;
    private final double[] maxGrowth;
    private final int[] members;
    private final long[] stepsTaken;
    private final long[] attempts;

    /** Starts every trajectory at {@code (t0, x0[b n ..])}: one evaluation (the derivatives for the first step). */
    BatchAdams(BatchModel model, double tolerance, double maxStep, double t0, double[] x0) {
        this.model = model;
        this.tolerance = tolerance;
        this.maxStep = maxStep;
        this.n = model.n();
        this.k = model.k();
        z = new double[k][(MAX_ORDER + 1) * n];
        f = new double[k][n];
        corrections = new double[k][n];
        savedCorrections = new double[k][n];
        weights = new double[k][n];
        t = new double[k];
        tNext = new double[k];
        h = new double[k];
        hUsed = new double[k];
        order = new int[k];
        wait = new int[k];
        failures = new int[k];
        maxGrowth = new double[k];
        members = new int[k];
        stepsTaken = new long[k];
        attempts = new long[k];
        for (int b = 0; b < k; b++) {
            System.arraycopy(x0, b * n, z[b], 0, n);
            members[b] = b;
            t[b] = t0;
            tNext[b] = t0;
        }
        model.derivative(members, k, t, z, f);
        for (int b = 0; b < k; b++) {
            setWeights(b);
            // First step at order 1: h = sqrt(1 / |f|) / 2 in the weighted norm (|f| in units of the tolerance), so
            // that the order-1 error h^2 |f'| / 2 is below the tolerance when |f'| is of the order of |f|.
            double norm = norm(f[b], weights[b]);
            h[b] = Math.min(maxStep, norm > 0 ? 0.5 / Math.sqrt(norm) : maxStep);
            for (int i = 0; i < n; i++) z[b][n + i] = h[b] * f[b][i];
            order[b] = 1;
            wait[b] = 2;
            maxGrowth[b] = 1e4;
        }
    }

    /** Accepted steps of trajectory {@code b} so far. */
    long steps(int b) {
        return stepsTaken[b];
    }

    /** Right-hand sides of trajectory {@code b} evaluated so far: its share of the products. */
    long evaluations(int b) {
        return attempts[b] + 1;
    }

    /** Steps every trajectory until it has reached {@code tOut}, then writes each one's state there to {@code out[b n ..]}. */
    void advanceTo(double tOut, double[] out) {
        while (true) {
            int count = 0;
            for (int b = 0; b < k; b++) if (t[b] < tOut) members[count++] = b;
            if (count == 0) break;
            round(count);
        }
        for (int b = 0; b < k; b++) interpolate(b, tOut, out, b * n);
    }

    /** One step attempt of each of {@code members[0 .. count)}. */
    private void round(int count) {
        for (int s = 0; s < count; s++) {
            int b = members[s];
            setWeights(b);
            predict(b);
            tNext[b] = t[b] + h[b];
            attempts[b]++;
        }
        model.derivative(members, count, tNext, z, f);
        for (int s = 0; s < count; s++) correct(members[s]);
    }

    private void correct(int b) {
        int q = order[b];
        double[] zb = z[b];
        double[] fb = f[b];
        double[] e = corrections[b];
        double hb = h[b];
        for (int i = 0; i < n; i++) e[i] = hb * fb[i] - zb[n + i];
        double error = norm(e, weights[b]) / TESCO2[q];
        if (!(error <= 1)) {
            reject(b, error);
            return;
        }
        failures[b] = 0;
        double[] el = EL[q];
        for (int j = 0; j <= q; j++) Kernels.addScaled(zb, j * n, el[j], e, n);
        t[b] = tNext[b];
        hUsed[b] = hb;
        stepsTaken[b]++;
        if (--wait[b] == 0) {
            chooseStepAndOrder(b, error);
        } else if (wait[b] == 1 && q < MAX_ORDER) {
            System.arraycopy(e, 0, savedCorrections[b], 0, n);
        }
    }

    /** LSODE's choice after {@code q + 1} steps at one step size: the order whose step is largest. */
    private void chooseStepAndOrder(int b, double error) {
        int q = order[b];
        double same = 1 / (1.2 * StrictMath.pow(error, 1.0 / (q + 1)) + 1.2e-6);
        double up = 0;
        if (q < MAX_ORDER) {
            double[] e = corrections[b];
            double[] saved = savedCorrections[b];
            double[] w = weights[b];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double d = (e[i] - saved[i]) / w[i];
                sum += d * d;
            }
            double errorUp = Math.sqrt(sum / n) / TESCO3[q];
            up = 1 / (1.4 * StrictMath.pow(errorUp, 1.0 / (q + 2)) + 1.4e-6);
        }
        double down = q > 1 ? ratioDown(b) : 0;
        int newOrder = q;
        double ratio = same;
        if (up > same && up > down) {
            newOrder = q + 1;
            ratio = up;
        } else if (down > same) {
            newOrder = q - 1;
            ratio = down;
        }
        if (ratio < 1.1) {
            wait[b] = 3;
            return;
        }
        ratio = Math.min(ratio, Math.min(maxGrowth[b], maxStep / h[b]));
        maxGrowth[b] = 10;
        if (newOrder == q + 1) {
            double c = EL[q][q] / (q + 1);
            double[] e = corrections[b];
            int o = (q + 1) * n;
            for (int i = 0; i < n; i++) z[b][o + i] = c * e[i];
        }
        order[b] = newOrder;
        rescale(b, ratio);
        wait[b] = newOrder + 1;
    }

    /** Step ratio allowed at order {@code q - 1}, from the last Nordsieck column. */
    private double ratioDown(int b) {
        int q = order[b];
        double[] w = weights[b];
        double[] zb = z[b];
        double sum = 0;
        int o = q * n;
        for (int i = 0; i < n; i++) {
            double d = zb[o + i] / w[i];
            sum += d * d;
        }
        double errorDown = Math.sqrt(sum / n) / TESCO1[q];
        return 1 / (1.3 * StrictMath.pow(errorDown, 1.0 / q) + 1.3e-6);
    }

    private void reject(int b, double error) {
        retract(b);
        int q = order[b];
        failures[b]++;
        maxGrowth[b] = 2;
        if (failures[b] >= 3 || Double.isNaN(error)) {
            // LSODE's last resort: order 1 from the current state, a tenth of the step.
            double ratio = 0.1;
            h[b] *= ratio;
            if (!(h[b] > AdaptiveIntegrator.MIN_STEP)) {
                throw new IllegalStateException("step size underflow at t = " + t[b] + " (error " + error + ")");
            }
            tNext[b] = t[b];
            // The state is z_0; its derivative is one evaluation of this trajectory alone (rare).
            model.derivative(new int[] {b}, 1, tNext, z, f);
            attempts[b]++;
            for (int i = 0; i < n; i++) z[b][n + i] = h[b] * f[b][i];
            order[b] = 1;
            wait[b] = 2;
            return;
        }
        double same = 1 / (1.2 * StrictMath.pow(error, 1.0 / (q + 1)) + 1.2e-6);
        double down = q > 1 ? ratioDown(b) : 0;
        double ratio = same;
        if (down > same) {
            order[b] = q - 1;
            ratio = down;
        }
        ratio = Math.min(ratio, failures[b] == 1 ? 0.9 : 0.2);
        rescale(b, Math.max(ratio, 1e-4));
        if (!(h[b] > AdaptiveIntegrator.MIN_STEP)) {
            throw new IllegalStateException("step size underflow at t = " + t[b] + " (error " + error + ")");
        }
        wait[b] = order[b] + 1;
    }

    /** {@code h *= ratio}: column {@code j} of the Nordsieck array scales by {@code ratio^j}. */
    private void rescale(int b, double ratio) {
        double[] zb = z[b];
        double factor = 1;
        for (int j = 1; j <= order[b]; j++) {
            factor *= ratio;
            int o = j * n;
            for (int i = 0; i < n; i++) zb[o + i] *= factor;
        }
        h[b] *= ratio;
    }

    /** The Pascal-triangle prediction {@code z_j <- sum_{m >= j} C(m, j) z_m}, in place (LSODE's loop). */
    private void predict(int b) {
        pascal(b, false);
    }

    /** Undoes {@link #predict} (a rejected step starts again from the same array): the same passes, subtracting. */
    private void retract(int b) {
        pascal(b, true);
    }

    private void pascal(int b, boolean subtract) {
        int q = order[b];
        double[] zb = z[b];
        for (int pass = 0; pass < q; pass++) {
            for (int j = q - 1 - pass; j < q; j++) Kernels.addSlice(zb, j * n, (j + 1) * n, n, subtract);
        }
    }

    /** Trajectory {@code b} at {@code tq} in its last step {@code [t - hUsed, t]}: the Nordsieck polynomial. */
    private void interpolate(int b, double tq, double[] out, int offset) {
        double[] zb = z[b];
        if (tq == t[b]) {
            System.arraycopy(zb, 0, out, offset, n);
            return;
        }
        if (tq > t[b] || tq < t[b] - hUsed[b] * (1 + 1e-12)) {
            throw new IllegalArgumentException("t = " + tq + " is outside the last step of trajectory " + b + " (ends at " + t[b] + ")");
        }
        double s = (tq - t[b]) / h[b];
        int q = order[b];
        Arrays.fill(out, offset, offset + n, 0);
        for (int j = q; j >= 0; j--) Kernels.hornerStep(out, offset, s, zb, j * n, n);
    }

    private void setWeights(int b) {
        double[] w = weights[b];
        double[] zb = z[b];
        for (int i = 0; i < n; i++) w[i] = tolerance * (1 + Math.abs(zb[i]));
    }

    private double norm(double[] v, double[] w) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = v[i] / w[i];
            sum += d * d;
        }
        return Math.sqrt(sum / n);
    }
}
