package org.rnnlab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeanFieldLyapunovTest {
    /** The interpolant passes through its knots up to round-off. */
    static final double ROUND_OFF = 1e-15;
    /**
     * Change of the finite-difference slope between neighbouring steps of 0.001: the cubic's curvature times
     * 0.001 is below 1e-3 everywhere on the table, and a kink (a jump of the slope) would show as much more.
     */
    static final double SLOPE_CONTINUITY = 0.002;

    @ParameterizedTest(name = "g = {0}: {1}")
    @CsvSource({"1.1, 0.0037", "1.2, 0.012", "1.5, 0.047", "2, 0.113", "3, 0.236", "4, 0.347"})
    void theLiteratureValuesArePinned(double g, double lambda) {
        assertThat(MeanFieldLyapunov.exponent(g)).isCloseTo(lambda, within(ROUND_OFF));
    }

    @Test
    void belowTheTransitionXZeroDecaysAtOneMinusGAndAboveChaosGrowsQuadratically() {
        // Below g = 1 the largest exponent is the slowest mode's, g max Re(eig J) - 1 = g - 1 for a large network.
        assertThat(MeanFieldLyapunov.exponent(0.5)).isEqualTo(-0.5);
        assertThat(MeanFieldLyapunov.exponent(0.0)).isEqualTo(-1);
        assertThat(MeanFieldLyapunov.exponent(1.0)).isZero();
        assertThat(MeanFieldLyapunov.exponent(1.02)).isCloseTo(0.02 * 0.02 / 2, within(ROUND_OFF));
    }

    @Test
    void theCurveRisesSmoothlyWithoutOvershootingTheTable() {
        double previous = 0;
        double previousSlope = 0;
        for (double g = 1.001; g <= 4; g += 0.001) {
            double lambda = MeanFieldLyapunov.exponent(g);
            assertThat(lambda).as("g = %s", g).isGreaterThan(previous);
            double slope = (lambda - previous) / 0.001;
            // No kink: the slope changes by little from one step of 0.001 to the next, also at g = 1.05.
            if (g > 1.002) assertThat(slope).as("slope at g = %s", g).isCloseTo(previousSlope, within(SLOPE_CONTINUITY));
            previous = lambda;
            previousSlope = slope;
        }
    }

    @Test
    void beyondTheTableThereIsNoReference() {
        assertThat(MeanFieldLyapunov.exponent(4.5)).isNaN();
        assertThat(MeanFieldLyapunov.exponent(Double.NaN)).isNaN();
    }
}
