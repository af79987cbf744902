package org.rnnlab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Connection probability p: Sussillo and Abbott's sparse J (p = 0.1, variance 1/(pN)) beside the dense one. */
class SparseNetworkTest {

    @Test
    void aConnectionProbabilityOfOneIsTheDenseNetworkBitForBit() {
        Network dense = Network.create(60, 9);
        Network p1 = Network.create(60, 9, 1);
        assertThat(p1.couplingMatrix().getData()).containsExactly(dense.couplingMatrix().getData());
        assertThat(p1.initialState()).containsExactly(dense.initialState());
        assertThat(p1.inputWeights()).containsExactly(dense.inputWeights());
        assertThat(p1.initialReadout()).containsExactly(dense.initialReadout());
    }

    @Test
    void aTenthOfTheCouplingsArePresentWithVarianceOneOverPN() {
        int n = 1000;
        double p = 0.1;
        double[] j = Network.create(n, 3, p).couplingMatrix().getData();
        long present = 0;
        double squares = 0;
        for (double v : j) {
            if (v == 0) continue;
            present++;
            squares += v * v;
        }
        // 10^6 Bernoulli(0.1) draws: the fraction's standard error is 3e-4; the variance's, sqrt(2/10^5) = 0.45 % relative.
        assertThat((double) present / j.length).isCloseTo(p, within(0.0015));
        assertThat(squares / present * p * n).isCloseTo(1.0, within(0.025));
    }

    @Test
    void theSparseCouplingsAreTheDenseOnesOfTheSameSeedScaledByOneOverRootP() {
        double p = 0.25;
        Network dense = Network.create(50, 4);
        Network sparse = Network.create(50, 4, p);
        int present = 0;
        for (int i = 0; i < 50; i++) {
            for (int k = 0; k < 50; k++) {
                if (sparse.coupling(i, k) == 0) continue;
                present++;
                assertThat(sparse.coupling(i, k)).isCloseTo(dense.coupling(i, k) / Math.sqrt(p), within(1e-6));
            }
        }
        assertThat(present).isBetween(500, 750);
        // The other vectors do not depend on p.
        assertThat(sparse.initialState()).containsExactly(dense.initialState());
        assertThat(sparse.inputWeights()).containsExactly(dense.inputWeights());
        assertThat(sparse.initialReadout()).containsExactly(dense.initialReadout());
    }

    @Test
    void pinnedSparseValuesCatchAnyChangeOfSampling() {
        Network net = Network.create(100, 1, 0.1);
        assertThat(net.p()).isEqualTo(0.1);
        assertThat(firstPresent(net, 0)).isEqualTo(3);
        assertThat(net.coupling(0, 3)).isEqualTo(0.4656066298484802);
    }

    private static int firstPresent(Network net, int row) {
        for (int k = 0; k < net.n(); k++) if (net.coupling(row, k) != 0) return k;
        return -1;
    }

    @Test
    void theEigenvaluesOfASparseJStillFillTheUnitDisc() {
        // Circular law: independent entries of variance 1/n (here p n = 40 links a row of variance 1/40 each).
        double[][] eig = Spectrum.eigenvalues(Network.create(400, 2, 0.1), 1);
        double radius = 0;
        int inner = 0;
        for (int i = 0; i < eig[0].length; i++) {
            double r = Math.hypot(eig[0][i], eig[1][i]);
            radius = Math.max(radius, r);
            if (r < 0.5) inner++;
        }
        assertThat(radius).isCloseTo(1.0, within(0.1));
        assertThat(inner / 400.0).isCloseTo(0.25, within(0.05));
    }

    @Test
    void theScaledCouplingsOfASparseNetworkFollowTheStandardNormal() {
        double[] density = Spectrum.scaledCouplingDensity(Network.create(400, 5, 0.1), -4, 4, 8);
        // Bins of width 1 on [-4, 4): the standard normal puts 0.3413 in [0, 1) (and, by symmetry, in [-1, 0)).
        assertThat(density[4]).isCloseTo(0.3413, within(0.01));
        assertThat(density[3]).isCloseTo(0.3413, within(0.01));
    }

    @Test
    void aProbabilityOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> Network.create(10, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Network.create(10, 1, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
