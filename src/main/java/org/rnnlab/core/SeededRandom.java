package org.rnnlab.core;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Reproducible random streams. Every number of a network comes from the named algorithm
 * {@value #ALGORITHM} (JDK 17), so a seed means the same network on every JVM and machine.
 * Each quantity has its own stream, so that e.g. {@code x0} does not change when {@code n} of
 * another quantity's draw does; a test pins a few values so a change of generator cannot slip by.
 */
public final class SeededRandom {
    public static final String ALGORITHM = "L64X128MixRandom";

    /** Independent streams of one seed. The constants only need to differ. */
    public enum Stream {
        COUPLINGS(0x4A4A4A4A_00000001L),
        INITIAL_STATE(0x78307830_00000002L),
        INPUT_WEIGHTS(0x75757575_00000003L),
        READOUT_WEIGHTS(0x77307730_00000004L),
        PLOTTED_NEURONS(0x706C6F74_00000005L),
        /** The direction in which a Lyapunov twin starts from its trajectory. */
        TWIN_DIRECTION(0x7477696E_00000006L),
        /** Which couplings a sparse network has ({@code p < 1}); a dense one draws none. */
        CONNECTIONS(0x6C696E6B_00000007L),
        /** The phases of a random-phase drive, one per neuron. */
        INPUT_PHASES(0x70686173_00000008L);

        private final long salt;

        Stream(long salt) {
            this.salt = salt;
        }
    }

    private SeededRandom() {}

    public static RandomGenerator of(long seed, Stream stream) {
        return RandomGeneratorFactory.of(ALGORITHM).create(seed ^ stream.salt);
    }

    /** {@code count} distinct indices in {@code [0, n)}, drawn without replacement (partial Fisher-Yates). */
    public static int[] choose(long seed, int n, int count) {
        RandomGenerator rng = of(seed, Stream.PLOTTED_NEURONS);
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        int k = Math.min(count, n);
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int tmp = all[i];
            all[i] = all[j];
            all[j] = tmp;
        }
        int[] chosen = java.util.Arrays.copyOf(all, k);
        java.util.Arrays.sort(chosen);
        return chosen;
    }
}
