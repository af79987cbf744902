package org.rnnlab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FORCE's RLS applies each correction of {@code P} late, inside the next update's product (one pass over {@code P}
 * per update): its readouts must be the textbook rule's, {@code q = P r, c = 1 / (1 + q.r), P -= c q q^T,
 * w += c e q}, applied eagerly.
 */
class RecursiveLeastSquaresTest {
    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {1, 7, 33, 100})
    void theDeferredCorrectionGivesTheTextbookReadouts(int n) {
        RandomGenerator rng = SeededRandom.of(n, SeededRandom.Stream.COUPLINGS);
        double alpha = 1;
        double[] w0 = new double[n];
        for (int i = 0; i < n; i++) w0[i] = rng.nextGaussian() / Math.sqrt(n);
        RecursiveLeastSquares rls = new RecursiveLeastSquares(w0, alpha);
        double[][] p = new double[n][n];
        for (int i = 0; i < n; i++) p[i][i] = 1 / alpha;
        double[] w = w0.clone();
        for (int update = 0; update < 30; update++) {
            double[] r = new double[n];
            for (int i = 0; i < n; i++) r[i] = Math.tanh(rng.nextGaussian());
            double error = rng.nextGaussian();
            double[] q = new double[n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) q[i] += p[i][j] * r[j];
            double qr = 0;
            for (int i = 0; i < n; i++) qr += q[i] * r[i];
            double c = 1 / (1 + qr);
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) p[i][j] -= c * q[i] * q[j];
            double change = 0;
            for (int i = 0; i < n; i++) {
                w[i] += c * error * q[i];
                change += Math.abs(c * error * q[i]);
            }
            assertThat(rls.update(r, error)).as("update %d", update).isCloseTo(change, within(1e-12 * (1 + change)));
            double[] actual = rls.weights();
            for (int i = 0; i < n; i++) assertThat(actual[i]).as("w[%d] after update %d", i, update).isCloseTo(w[i], within(1e-12));
        }
    }

    @Test
    void theFusedPassCorrectsEveryEntryAsThePlainLoopAndMultipliesTheCorrectedMatrix() {
        int n = 101;
        RandomGenerator rng = SeededRandom.of(5, SeededRandom.Stream.COUPLINGS);
        double[] p = new double[n * n];
        double[] u = new double[n];
        double[] r = new double[n];
        for (int i = 0; i < p.length; i++) p[i] = rng.nextGaussian();
        for (int i = 0; i < n; i++) {
            u[i] = rng.nextGaussian();
            r[i] = rng.nextGaussian();
        }
        double[] plain = p.clone();
        double[] plainOut = new double[n];
        Kernels.correctAndMultiplyPlain(plain, n, -0.3, u, r, plainOut);
        double[] vector = p.clone();
        double[] vectorOut = new double[n];
        VectorArrays.correctAndMultiply(vector, n, -0.3, u, r, vectorOut);
        assertThat(vector).containsExactly(plain);
        for (int i = 0; i < n; i++) {
            double expected = 0;
            for (int j = 0; j < n; j++) expected += (p[i * n + j] - 0.3 * u[i] * u[j]) * r[j];
            assertThat(vectorOut[i]).isCloseTo(expected, within(1e-12)).isCloseTo(plainOut[i], within(1e-12));
        }
    }
}
