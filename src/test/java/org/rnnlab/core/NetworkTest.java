package org.rnnlab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NetworkTest {

    @Test
    void pinnedValuesCatchAnyChangeOfGenerator() {
        Network net = Network.create(100, 1);
        assertThat(net.coupling(0, 0)).isEqualTo(0.09989599883556366);
        assertThat(net.coupling(1, 2)).isEqualTo(0.057396091520786285);
        assertThat(net.initialState()[0]).isEqualTo(-0.2348681343704142);
        assertThat(net.inputWeights()[0]).isEqualTo(0.4987277817263349);
        assertThat(net.initialReadout()[0]).isEqualTo(-0.0899761481636203);
        assertThat(SeededRandom.choose(1, 1000, 10)).containsExactly(12, 319, 326, 470, 481, 482, 557, 595, 672, 839);
    }

    @Test
    void sameSeedGivesTheSameNetworkAndAnotherSeedAnotherOne() {
        Network a = Network.create(50, 7);
        Network b = Network.create(50, 7);
        Network c = Network.create(50, 8);
        assertThat(a.couplingMatrix().getData()).containsExactly(b.couplingMatrix().getData());
        assertThat(a.initialState()).containsExactly(b.initialState());
        assertThat(a.coupling(3, 4)).isNotEqualTo(c.coupling(3, 4));
    }

    @Test
    void theInitialStateOfItsOwnSeedIsTheNetworksAndAnotherSeedGivesAnother() {
        Network net = Network.create(80, 5);
        assertThat(Network.initialState(80, 5)).containsExactly(net.initialState());
        double[] other = Network.initialState(80, 6);
        assertThat(other).isNotEqualTo(net.initialState());
        assertThat(java.util.Arrays.stream(other).boxed()).allSatisfy(v -> assertThat(v).isBetween(-0.5, 0.5));
        // The initial state of seed 6 is the same whichever network it starts.
        assertThat(other).containsExactly(Network.create(80, 6).initialState());
    }

    @Test
    void couplingsHaveZeroMeanAndVarianceOneOverN() {
        int n = 1000;
        double[] j = Network.create(n, 3).couplingMatrix().getData();
        double mean = 0, squares = 0;
        for (double v : j) {
            mean += v;
            squares += v * v;
        }
        mean /= j.length;
        double variance = squares / j.length - mean * mean;
        // 10^6 draws: the standard error of the variance is sqrt(2/10^6) relative, ~0.0014.
        assertThat(mean).isCloseTo(0, within(5 * Math.sqrt(1.0 / n) / n));
        assertThat(variance * n).isCloseTo(1.0, within(0.01));
    }

    @Test
    void vectorsDrawnFromTheirUniformRanges() {
        int n = 400;
        Network net = Network.create(n, 5);
        assertThat(java.util.Arrays.stream(net.initialState()).boxed()).allSatisfy(v -> assertThat(v).isBetween(-0.5, 0.5));
        assertThat(java.util.Arrays.stream(net.inputWeights()).boxed()).allSatisfy(v -> assertThat(v).isBetween(-1.0, 1.0));
        double b = 1 / Math.sqrt(n);
        assertThat(java.util.Arrays.stream(net.initialReadout()).boxed()).allSatisfy(v -> assertThat(v).isBetween(-b, b));
        // Spread over the whole range, not a constant.
        assertThat(java.util.Arrays.stream(net.inputWeights()).max().orElseThrow()).isGreaterThan(0.9);
        assertThat(java.util.Arrays.stream(net.inputWeights()).min().orElseThrow()).isLessThan(-0.9);
    }

    @Test
    void eigenvaluesOfGJFillTheDiscOfRadiusG() {
        double g = 1.5;
        double[][] eig = Spectrum.eigenvalues(Network.create(400, 2), g);
        double maxRadius = 0;
        double inner = 0;
        for (int i = 0; i < eig[0].length; i++) {
            double radius = Math.hypot(eig[0][i], eig[1][i]);
            maxRadius = Math.max(maxRadius, radius);
            if (radius < g / 2) inner++;
        }
        assertThat(eig[0]).hasSize(400);
        assertThat(maxRadius).isCloseTo(g, within(0.15));
        // Uniform on the disc: a quarter of the eigenvalues lie within half the radius.
        assertThat(inner / 400).isCloseTo(0.25, within(0.05));
    }
}
