package org.rnnlab.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Adams method's array updates give the same bits with the Vector API as the scalar expressions they replace
 * (a run's numbers must not depend on the JIT or the machine's vector width), including the tails past the last
 * full vector and slices of one array closer together than a vector.
 */
class VectorArraysTest {
    @ParameterizedTest(name = "length {0}, slices {1} apart")
    @CsvSource({"1000, 1000", "1000, -1000", "37, 40", "37, -40", "13, 3", "13, -3", "64, 1", "64, -1", "9, 8", "200, 7"})
    void sliceUpdatesAreTheScalarLoopsBitForBit(int length, int distance) {
        RandomGenerator rng = SeededRandom.of(length * 31L + distance, SeededRandom.Stream.COUPLINGS);
        int base = Math.max(0, -distance);
        double[] a = new double[base + Math.abs(distance) + length + 1];
        for (int i = 0; i < a.length; i++) a[i] = rng.nextGaussian() * Math.pow(10, rng.nextInt(-8, 3));
        int to = base;
        int from = base + distance;
        for (boolean subtract : new boolean[] {false, true}) {
            double[] expected = a.clone();
            for (int i = 0; i < length; i++) expected[to + i] += subtract ? -expected[from + i] : expected[from + i];
            double[] actual = a.clone();
            VectorArrays.addSlice(actual, to, from, length, subtract);
            assertThat(actual).as("subtract %s", subtract).containsExactly(expected);
        }
        double[] e = new double[length];
        for (int i = 0; i < length; i++) e[i] = rng.nextGaussian();
        double c = rng.nextGaussian();
        double[] expected = a.clone();
        for (int i = 0; i < length; i++) expected[to + i] += c * e[i];
        double[] actual = a.clone();
        VectorArrays.addScaled(actual, to, c, e, length);
        assertThat(actual).containsExactly(expected);

        double s = rng.nextDouble(-1, 0);
        expected = a.clone();
        for (int i = 0; i < length; i++) expected[to + i] = expected[to + i] * s + a[from + i];
        actual = a.clone();
        VectorArrays.hornerStep(actual, to, s, a.clone(), from, length);
        assertThat(actual).containsExactly(expected);
    }
}
