package org.rnnlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepMeansTest {
    /** Rows of {@code sweep} with the exponents given per cell, in cell order (stderr 0.01). */
    static List<Sweep.Row> rows(Sweep sweep, double... lyapunov) {
        List<Sweep.Row> rows = new ArrayList<>();
        for (int k = 0; k < lyapunov.length; k++) {
            rows.add(new Sweep.Row(sweep.cells().get(k), lyapunov[k], 0.01, Double.NaN, Double.NaN, Double.NaN));
        }
        return rows;
    }

    @Test
    void aPointIsTheMeanOverItsSeedsWithTheStandardErrorOfThatMean() {
        Sweep s = SweepGridTest.sweep("exercise=1&n=20", List.of("g=0.5:1:2"), "3");
        List<SweepMeans.Point> points = SweepMeans.of(s, rows(s, 0.1, 0.2, 0.3, -0.5, -0.5, -0.5));
        assertThat(points).hasSize(2);
        assertThat(points.get(0).values()).containsExactly("0.5");
        assertThat(points.get(0).seeds()).isEqualTo(3);
        assertThat(points.get(0).mean()).isCloseTo(0.2, within(1e-12));
        // sd = 0.1 over 3 seeds: 0.1 / sqrt(3).
        assertThat(points.get(0).standardError()).isCloseTo(0.1 / Math.sqrt(3), within(1e-12));
        assertThat(points.get(1).standardError()).isCloseTo(0, within(1e-12));
    }

    @Test
    void withOneSeedSoFarAPointKeepsThatRunsOwnStandardError() {
        Sweep s = SweepGridTest.sweep("exercise=1&n=20", List.of("g=0.5:1:2"), "3");
        List<SweepMeans.Point> points = SweepMeans.of(s, rows(s, 0.1));
        assertThat(points).singleElement().satisfies(p -> {
            assertThat(p.seeds()).isEqualTo(1);
            assertThat(p.standardError()).isEqualTo(0.01);
        });
    }

    @Test
    void theCriticalAmplitudeIsInterpolatedInLogAtTheLastSignChange() {
        // Columns omega = 1, 2; rows A = 1, 2, 4, 8 (log axis, ratio 2); one seed.
        Sweep s = SweepGridTest.sweep("exercise=2&n=20", List.of("omega=1:2:2", "a=1:8:4:log"), null);
        List<SweepMeans.Point> points = SweepMeans.of(s, rows(s,
                // omega = 1: a noisy negative at A = 1 below a positive at A = 2 does not count; the sign change is
                // between A = 2 (+0.1) and A = 4 (-0.3): a quarter of the way, A_c = 2 * 2^0.25.
                -0.01, 0.1, -0.3, -0.5,
                // omega = 2: positive up to A = 8: above the grid.
                0.2, 0.1, 0.05, 0.01));
        List<SweepMeans.Critical> c = SweepMeans.critical(s, points);
        assertThat(c).hasSize(2);
        assertThat(c.get(0).other()).isEqualTo("1");
        assertThat(c.get(0).where()).isEqualTo(SweepMeans.Where.INSIDE);
        assertThat(c.get(0).position()).isCloseTo(1.25, within(1e-12));
        assertThat(c.get(0).value()).isCloseTo(2 * Math.pow(2, 0.25), within(1e-12));
        assertThat(c.get(1).where()).isEqualTo(SweepMeans.Where.ABOVE);
        assertThat(c.get(1).value()).isNaN();
    }

    @Test
    void aColumnNegativeThroughoutIsBelowTheGridAndAnUnmeasuredOneUnknown() {
        Sweep s = SweepGridTest.sweep("exercise=2&n=20", List.of("omega=1:2:2", "a=0.5:1:2"), null);
        List<SweepMeans.Critical> c = SweepMeans.critical(s, SweepMeans.of(s, rows(s, -0.1, -0.2)));
        assertThat(c).extracting(SweepMeans.Critical::where).containsExactly(SweepMeans.Where.BELOW, SweepMeans.Where.UNKNOWN);
    }

    @Test
    void onALinearAxisTheCriticalValueIsInterpolatedLinearly() {
        Sweep s = SweepGridTest.sweep("exercise=2&n=20", List.of("omega=1:1:1", "a=1:3:3"), null);
        List<SweepMeans.Critical> c = SweepMeans.critical(s, SweepMeans.of(s, rows(s, 0.3, 0.1, -0.3)));
        assertThat(c.get(0).value()).isCloseTo(2.25, within(1e-12));
    }

    @Test
    void aCriticalValueNeedsTwoKeys() {
        Sweep s = SweepGridTest.sweep("exercise=1&n=20", List.of("g=0.5:1:2"), null);
        assertThatThrownBy(() -> SweepMeans.critical(s, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
