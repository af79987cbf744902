package org.rnnlab.core;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one vector shape of the kernels: 256 bits, four doubles, on every processor that has them (AVX2 and
 * AVX-512 alike). Not the hardware's widest ({@code SPECIES_MAX}): a sum split into as many partial sums as the
 * register has lanes rounds differently on a 256- and a 512-bit machine, and a chaotic run amplifies the last
 * bit into a different trajectory. With one shape and one order of additions (see {@link Kernels#rowDot}), a link
 * gives the same bits everywhere; on a processor with only 128-bit vectors the plain loops compute that same
 * order. Also the only double species in the JVM: two, in one JVM, made C2 deoptimise the shared vector code.
 * Only loaded when the {@code jdk.incubator.vector} module is present (see {@link Kernels}).
 */
final class VectorShape256 {
    static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_256;
    /** Four floats: widened, they fill one register of {@link #DOUBLES}. */
    static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_128;
    static final int LANES = 4;

    private VectorShape256() {}

    /**
     * The four lanes of partial sums added in the fixed order {@code (s_0 + s_2) + (s_1 + s_3)} of
     * {@link Kernels#rowDot}: not {@code reduceLanes(ADD)}, whose order the Vector API leaves to the platform.
     */
    static double sum(DoubleVector s) {
        return (s.lane(0) + s.lane(2)) + (s.lane(1) + s.lane(3));
    }

    /** The JIT compiles 256-bit double vectors to instructions here (it interprets them lane by lane otherwise). */
    static boolean supported() {
        return VectorShape.preferredShape().vectorBitSize() >= 256;
    }

    /** What the JVM offers, for logs, {@code bench} and CI's first lines: e.g. "preferred 256 bits". */
    static String describe() {
        return "preferred vector " + VectorShape.preferredShape().vectorBitSize() + " bits";
    }
}
