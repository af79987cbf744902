package org.rnnlab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatchProductTest {
    /**
     * The kernels and the naive loop add the same products in different orders (partial sums, then a tree):
     * round-off of a sum of n ~ 100 terms of size ~1, a few ulps of 1 times sqrt(n).
     */
    static final double ROUND_OFF = 1e-13;
    /** Our tanh against {@code Math.tanh}: the exponential's 2 ulp, and the formula's rounding, about an ulp of 1. */
    static final double TANH_ULPS = 1e-15;

    @ParameterizedTest(name = "n = {0}, k = {1}")
    @CsvSource({"101, 1", "101, 2", "101, 3", "37, 9", "101, 16", "99, 33", "64, 5", "1, 3", "8, 4", "17, 7"})
    void theBatchedProductIsKProductsWithTheSameMatrix(int n, int k) {
        RandomGenerator rng = SeededRandom.of(n * 100L + k, SeededRandom.Stream.COUPLINGS);
        float[] a = new float[n * n];
        for (int i = 0; i < a.length; i++) a[i] = (float) rng.nextGaussian();
        double[] x = new double[k * n];
        for (int i = 0; i < x.length; i++) x[i] = rng.nextDouble(-1, 1);
        double[] expected = new double[k * n];
        for (int b = 0; b < k; b++) {
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) s += (double) a[i * n + j] * x[b * n + j];
                expected[b * n + i] = s;
            }
        }
        double[] xBefore = x.clone();
        // One spare entry past k n: the kernels write only out[0, k n).
        double[] vector = new double[k * n + 1];
        double[] plain = new double[k * n + 1];
        vector[k * n] = 42;
        plain[k * n] = 42;
        if (k == 1) {
            FloatMatrixKernel.multiplyOne(a, n, x, vector);
        } else {
            FloatMatrixKernel.multiply(a, n, x, k, vector);
        }
        Kernels.multiplyBatchPlain(a, n, x, k, plain);
        for (int i = 0; i < k * n; i++) {
            assertThat(plain[i]).as("plain loops, entry %d", i).isCloseTo(expected[i], within(ROUND_OFF));
        }
        // The vector kernel sums in the plain loops' fixed order: the same bits (a 128-bit machine runs the loops).
        assertThat(Arrays.mismatch(vector, plain)).as("first entry where the vector kernel and the plain loops differ").isEqualTo(-1);
        assertThat(vector[k * n]).isEqualTo(42);
        assertThat(plain[k * n]).isEqualTo(42);
        assertThat(x).containsExactly(xBefore);
        // Each vector alone gives the bits it gives in the batch (a grid cell is what its own link computes).
        for (int b = 0; b < k; b++) {
            double[] alone = new double[n];
            Kernels.multiply(a, n, Arrays.copyOfRange(x, b * n, (b + 1) * n), alone);
            assertThat(alone).as("vector %d alone", b).containsExactly(Arrays.copyOfRange(vector, b * n, (b + 1) * n));
        }
    }

    @org.junit.jupiter.api.Test
    void theVectorTanhIsTheScalarFormulaBitForBitAndMathTanhWithinAnUlpAndSaturates() {
        double[] x = new double[1003];
        for (int i = 0; i < x.length; i++) x[i] = (i - 501) * 0.04;
        x[0] = -800;
        x[1] = 800;
        x[2] = 0;
        double[] lanes = new double[x.length];
        VectorTanh.tanh(x, lanes);
        for (int i = 0; i < x.length; i++) {
            assertThat(lanes[i]).as("x = %s", x[i]).isEqualTo(PortableExp.tanh(x[i])).isCloseTo(Math.tanh(x[i]), within(TANH_ULPS));
        }
        assertThat(lanes[0]).isEqualTo(-1);
        assertThat(lanes[1]).isEqualTo(1);
        assertThat(lanes[2]).isZero();
    }

    @ParameterizedTest(name = "n = {0}")
    @CsvSource({"1000", "203", "101", "13", "8", "7", "1"})
    void forceOnePassOverPIsThePlainLoopsBitForBit(int n) {
        RandomGenerator rng = SeededRandom.of(n, SeededRandom.Stream.COUPLINGS);
        double[] p = new double[n * n];
        for (int i = 0; i < p.length; i++) p[i] = rng.nextGaussian();
        double[] u = new double[n];
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = rng.nextGaussian();
            r[i] = rng.nextDouble(-1, 1);
        }
        double[] pVector = p.clone();
        double[] pPlain = p.clone();
        double[] outVector = new double[n];
        double[] outPlain = new double[n];
        VectorArrays.correctAndMultiply(pVector, n, -0.3, u, r, outVector);
        Kernels.correctAndMultiplyPlain(pPlain, n, -0.3, u, r, outPlain);
        // Arrays.mismatch, not containsExactly: AssertJ's diff of a million entries takes minutes.
        assertThat(Arrays.mismatch(pVector, pPlain)).as("first entry of P that differs").isEqualTo(-1);
        assertThat(Arrays.mismatch(outVector, outPlain)).as("first entry of P r that differs").isEqualTo(-1);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) s += Math.fma(-0.3 * u[i], u[j], p[i * n + j]) * r[j];
            assertThat(outPlain[i]).isCloseTo(s, within(ROUND_OFF * Math.sqrt(n)));
        }
    }

    @org.junit.jupiter.api.Test
    void theBatchExponentialIsWithinTwoUlpsOfMathExpAndTheSameInEveryLaneAndTheTail() {
        double[] y = new double[4099];
        for (int i = 0; i < y.length; i++) y[i] = -40 + 80.0 * i / (y.length - 1) + 1e-7 * Math.sin(i);
        var species = VectorShape256.DOUBLES;
        for (int i = 0; i + species.length() <= y.length; i += species.length()) {
            double[] lanes = new double[species.length()];
            VectorTanh.exp(jdk.incubator.vector.DoubleVector.fromArray(species, y, i)).intoArray(lanes, 0);
            for (int l = 0; l < lanes.length; l++) {
                double exact = Math.exp(y[i + l]);
                assertThat(Math.abs(lanes[l] - exact)).as("e^%s", y[i + l]).isLessThanOrEqualTo(2 * Math.ulp(exact));
                // Bit for bit the scalar version, which finishes arrays whose length is not a multiple of the lanes.
                assertThat(lanes[l]).isEqualTo(PortableExp.exp(y[i + l]));
            }
        }
    }

    @ParameterizedTest(name = "k = {0}")
    @CsvSource({"1", "3", "9"})
    void eachVectorOfTheBatchGetsExactlyTheSingleProduct(int k) {
        Network net = Network.create(203, 4);
        double[] x = new double[k * 203];
        for (int i = 0; i < x.length; i++) x[i] = Math.sin(i);
        double[] batch = new double[k * 203];
        net.multiplyCouplings(x, k, batch);
        double[] one = new double[203];
        for (int b = 0; b < k; b++) {
            net.multiplyCouplings(Arrays.copyOfRange(x, b * 203, (b + 1) * 203), one);
            assertThat(Arrays.copyOfRange(batch, b * 203, (b + 1) * 203)).containsExactly(one);
        }
    }

    @org.junit.jupiter.api.Test
    void theLaunchCheckTimesBothKernelsAndEitherGivesTheSameBits() {
        String measured = Kernels.keepFasterKernels();
        assertThat(measured).matches("vector kernels (kept|slower in this launch, plain loops from now on): J r \\d+ us vector / \\d+ us plain, "
                + "J X \\(k = 4\\) \\d+ / \\d+ us per state");
        Network net = Network.create(203, 5);
        double[] x = new double[3 * 203];
        for (int i = 0; i < x.length; i++) x[i] = Math.cos(i);
        double[] vector = new double[x.length];
        double[] plain = new double[x.length];
        try {
            Kernels.useVectorKernels(true);
            net.multiplyCouplings(x, 3, vector);
            Kernels.useVectorKernels(false);
            assertThat(Kernels.blasName()).startsWith("plain loops");
            net.multiplyCouplings(x, 3, plain);
        } finally {
            Kernels.useVectorKernels(true);
        }
        assertThat(plain).containsExactly(vector);
    }
}
