package org.rnnlab.core;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;

/**
 * The hot linear-algebra kernels, on dense row-major arrays. The couplings {@code J} are {@code float}
 * (see {@link Network}) and go through {@link FloatMatrixKernel}; FORCE's double matrix {@code P} through
 * {@link VectorArrays#correctAndMultiply} (one pass per update instead of BLAS's {@code dgemv} and {@code dger}).
 * With the JDK Vector API when the JVM has {@code --add-modules jdk.incubator.vector}, plain Java otherwise.
 * {@code dev.ludovic.netlib} BLAS (its Vector API implementation, 5-7x faster than EJML's scalar {@code mult} at
 * {@code n = 1000}) remains for the double {@code dgemv} that {@code bench} compares against.
 * Each method writes only the array named {@code out} (or the matrix it updates) and never allocates.
 */
public final class Kernels {
    /**
     * Always the Java implementation (the Vector API one when the module is there), never a native library found on
     * the machine: a native BLAS (e.g. OpenBLAS, which Debian's numpy brings along) rounds differently and may start
     * threads of its own, and a link must give the same numbers on every machine and share the processors fairly.
     */
    private static final BLAS BLAS_IMPL = JavaBLAS.getInstance();
    /**
     * The JVM was started with {@code --add-modules jdk.incubator.vector} and the processor has 256-bit double
     * vectors (AVX2, AVX-512: see {@link VectorShape256}); otherwise plain loops. Both compute the same bits: every
     * sum follows one fixed order (see {@link #rowDot}), whatever the hardware's vector width.
     */
    private static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && VectorShape256.supported();
    /**
     * Whether the vector kernels are in use: where they exist, until {@link #keepFasterKernels} finds this launch's
     * JIT compiled them slower than the plain loops. Both compute the same bits, so switching changes no number,
     * and a thread that sees the switch late computes the same as one that sees it at once (hence not volatile).
     */
    private static boolean vector = VECTOR_API;

    private Kernels() {}

    /** The implementations in use, for logs and benchmarks. */
    public static String blasName() {
        if (VECTOR_API && !vector) return "plain loops (this launch compiled the vector kernels slower; " + VectorShape256.describe() + ")";
        return VECTOR_API ? "Vector API kernels, 256-bit (" + VectorShape256.describe() + ")"
                : "plain loops (" + (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                        ? VectorShape256.describe() : "no jdk.incubator.vector") + ")";
    }

    /**
     * Times the vector kernels against the plain loops on a product of {@code n = 1000} (one vector, and a batch of
     * four), and keeps the plain loops if the vector kernels are slower in this launch: the JIT has, in some launches,
     * compiled the Vector API into code many times slower than plain Java (exercise 2 took 92 s instead of 5). Run
     * once the JIT is warm (the warm-up does, and {@code bench}). Takes ~0.1 s. Returns what it measured.
     */
    public static String keepFasterKernels() {
        if (!VECTOR_API) return blasName();
        int n = 1000;
        int k = 4;
        float[] a = new float[n * n];
        java.util.random.RandomGenerator rng = SeededRandom.of(n, SeededRandom.Stream.COUPLINGS);
        for (int i = 0; i < a.length; i++) a[i] = (float) rng.nextGaussian();
        double[] x = new double[k * n];
        for (int i = 0; i < x.length; i++) x[i] = rng.nextDouble(-1, 1);
        double[] out = new double[k * n];
        double vectorOne = bestOf(() -> FloatMatrixKernel.multiplyOne(a, n, x, out));
        double plainOne = bestOf(() -> multiplyBatchPlain(a, n, x, 1, out));
        double vectorBatch = bestOf(() -> FloatMatrixKernel.multiply(a, n, x, k, out));
        double plainBatch = bestOf(() -> multiplyBatchPlain(a, n, x, k, out));
        vector = vectorOne < plainOne && vectorBatch < plainBatch;
        return String.format(java.util.Locale.ROOT, "%s: J r %.0f us vector / %.0f us plain, J X (k = 4) %.0f / %.0f us per state",
                vector ? "vector kernels kept" : "vector kernels slower in this launch, plain loops from now on",
                vectorOne * 1e6, plainOne * 1e6, vectorBatch * 1e6 / k, plainBatch * 1e6 / k);
    }

    /** The shortest of 15 timed calls, after 10 untimed ones, in seconds. */
    private static double bestOf(Runnable call) {
        for (int i = 0; i < 10; i++) call.run();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 15; i++) {
            long start = System.nanoTime();
            call.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best / 1e9;
    }

    /** For tests: use the vector kernels (where the JVM has them) or the plain loops. */
    static void useVectorKernels(boolean use) {
        vector = use && VECTOR_API;
    }

    /** {@code out = A x} for a row-major {@code n x n} float matrix (the couplings), in double precision. */
    public static void multiply(float[] a, int n, double[] x, double[] out) {
        multiplyBatch(a, n, x, 1, out);
    }

    /**
     * {@code OUT = A X} for a row-major {@code n x n} float matrix and a batch of {@code k} vectors stored one
     * after the other: {@code x[b n + j]} is entry {@code j} of vector {@code b}, and likewise
     * {@code out[b n + i] = sum_j a[i n + j] x[b n + j]}, accumulated in double. Each row of {@code A} is read
     * from memory once for the whole batch, so at {@code n = 1000}, where one product is bound by memory
     * bandwidth, {@code k} products cost far less than {@code k} times one (measured on a busy machine: 31 to 45
     * us per vector for {@code k} from 4 to 32, against 85 to 100 us for one product; see {@code BenchBatch}).
     *
     * <p>Vector-major rather than neuron-major ({@code x[j k + b]}) so that every vector is contiguous: the
     * kernel vectorises along the row as the single product does, with every lane busy for any {@code k}
     * (across the batch, {@code k = 2} would fill a quarter of an AVX-512 register), and one trajectory's
     * state is one slice. Writes only {@code out[0, k n)}, which must not overlap {@code x}; never allocates.
     */
    public static void multiplyBatch(float[] a, int n, double[] x, int k, double[] out) {
        if (vector && k == 1) {
            // Its own method: inlined into the batch kernel, the single path made C2 give up the vector intrinsics
            // there in some launches (a product took 1 ms instead of 0.08).
            FloatMatrixKernel.multiplyOne(a, n, x, out);
        } else if (vector) {
            FloatMatrixKernel.multiply(a, n, x, k, out);
        } else {
            multiplyBatchPlain(a, n, x, k, out);
        }
    }

    /** {@link #multiplyBatch} in plain Java, for JVMs without the Vector API: row by row, each row against every vector. */
    static void multiplyBatchPlain(float[] a, int n, double[] x, int k, double[] out) {
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < k; b++) out[b * n + i] = rowDot(a, i * n, x, b * n, n);
        }
    }

    /**
     * {@code sum_{j < n} a[offset + j] x[xOffset + j]}: one row of a float matrix times one vector, in <em>the</em>
     * order every product of the couplings sums in, here and in {@link FloatMatrixKernel}: four partial sums
     * {@code p_l} over {@code j = l mod 4} below {@code n - n mod 4}, each by fused multiply-adds in increasing
     * {@code j}; then {@code (p_0 + p_2) + (p_1 + p_3)}; then the last {@code n mod 4} terms by fused multiply-adds.
     * One 256-bit register holds the four partial sums; IEEE rounds each operation the same way on every processor
     * and in the interpreter, so a link gives the same bits on any machine (checked by {@code SameBitsEverywhereTest}).
     */
    static double rowDot(float[] a, int offset, double[] x, int xOffset, int n) {
        int bound = n - n % 4;
        double p0 = 0, p1 = 0, p2 = 0, p3 = 0;
        for (int j = 0; j < bound; j += 4) {
            p0 = Math.fma(a[offset + j], x[xOffset + j], p0);
            p1 = Math.fma(a[offset + j + 1], x[xOffset + j + 1], p1);
            p2 = Math.fma(a[offset + j + 2], x[xOffset + j + 2], p2);
            p3 = Math.fma(a[offset + j + 3], x[xOffset + j + 3], p3);
        }
        double t = (p0 + p2) + (p1 + p3);
        for (int j = bound; j < n; j++) t = Math.fma(a[offset + j], x[xOffset + j], t);
        return t;
    }

    /**
     * {@code a[to + i] += a[from + i]} ({@code -=} when {@code subtract}) for {@code i < length}: two slices of one
     * array, as the Nordsieck arrays of {@link BatchAdams} are laid out. The same bits with or without the Vector API.
     */
    static void addSlice(double[] a, int to, int from, int length, boolean subtract) {
        if (vector) {
            VectorArrays.addSlice(a, to, from, length, subtract);
        } else {
            addSlicePlain(a, to, from, length, subtract);
        }
    }

    static void addSlicePlain(double[] a, int to, int from, int length, boolean subtract) {
        if (subtract) {
            for (int i = 0; i < length; i++) a[to + i] -= a[from + i];
        } else {
            for (int i = 0; i < length; i++) a[to + i] += a[from + i];
        }
    }

    /** {@code a[to + i] += c * e[i]} for {@code i < length}. The same bits with or without the Vector API. */
    static void addScaled(double[] a, int to, double c, double[] e, int length) {
        if (vector) {
            VectorArrays.addScaled(a, to, c, e, length);
        } else {
            for (int i = 0; i < length; i++) a[to + i] += c * e[i];
        }
    }

    /** {@code out[to + i] = out[to + i] * s + a[from + i]} for {@code i < length}. The same bits with or without the Vector API. */
    static void hornerStep(double[] out, int to, double s, double[] a, int from, int length) {
        if (vector) {
            VectorArrays.hornerStep(out, to, s, a, from, length);
        } else {
            for (int i = 0; i < length; i++) out[to + i] = out[to + i] * s + a[from + i];
        }
    }

    /** {@code out = A x} for a row-major {@code n x n} matrix {@code A}. */
    public static void multiply(double[] a, int n, double[] x, double[] out) {
        // Row-major A is column-major A^T: ask BLAS for (A^T)^T x.
        BLAS_IMPL.dgemv("T", n, n, 1.0, a, n, x, 1, 0.0, out, 1);
    }

    /**
     * {@code P = P + scale u u^T}, then {@code out = P r}: one pass over the row-major {@code n x n} matrix instead
     * of two (BLAS {@code dger}, then {@code dgemv}), for FORCE's updates of {@code P}. Writes {@code P} and {@code out}.
     */
    static void correctAndMultiply(double[] p, int n, double scale, double[] u, double[] r, double[] out) {
        if (vector) {
            VectorArrays.correctAndMultiply(p, n, scale, u, r, out);
        } else {
            correctAndMultiplyPlain(p, n, scale, u, r, out);
        }
    }

    static void correctAndMultiplyPlain(double[] p, int n, double scale, double[] u, double[] r, double[] out) {
        correctAndMultiplyPlainRows(p, n, scale, u, r, out, 0);
    }

    /**
     * {@link #correctAndMultiplyPlain} on the rows from {@code first} on. Each row sum in the one fixed order of
     * {@link VectorArrays#correctAndMultiply}: eight partial sums {@code p_l} over {@code j = l mod 8} below
     * {@code n - n mod 8} by fused multiply-adds, {@code q_l = p_l + p_{l+4}}, {@code (q_0 + q_2) + (q_1 + q_3)},
     * then the tail by fused multiply-adds (two 256-bit registers per row, as two sums hide the latency).
     */
    static void correctAndMultiplyPlainRows(double[] p, int n, double scale, double[] u, double[] r, double[] out, int first) {
        int bound = n - n % 8;
        for (int i = first; i < n; i++) {
            int row = i * n;
            double a = scale * u[i];
            double p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0, p6 = 0, p7 = 0;
            int j = 0;
            for (; j < bound; j += 8) {
                p0 = Math.fma(correct(p, row + j, a, u[j]), r[j], p0);
                p1 = Math.fma(correct(p, row + j + 1, a, u[j + 1]), r[j + 1], p1);
                p2 = Math.fma(correct(p, row + j + 2, a, u[j + 2]), r[j + 2], p2);
                p3 = Math.fma(correct(p, row + j + 3, a, u[j + 3]), r[j + 3], p3);
                p4 = Math.fma(correct(p, row + j + 4, a, u[j + 4]), r[j + 4], p4);
                p5 = Math.fma(correct(p, row + j + 5, a, u[j + 5]), r[j + 5], p5);
                p6 = Math.fma(correct(p, row + j + 6, a, u[j + 6]), r[j + 6], p6);
                p7 = Math.fma(correct(p, row + j + 7, a, u[j + 7]), r[j + 7], p7);
            }
            double t = ((p0 + p4) + (p2 + p6)) + ((p1 + p5) + (p3 + p7));
            for (; j < n; j++) t = Math.fma(correct(p, row + j, a, u[j]), r[j], t);
            out[i] = t;
        }
    }

    /** {@code P[at] = fma(a, u_j, P[at])}, returned. */
    private static double correct(double[] p, int at, double a, double uj) {
        double v = Math.fma(a, uj, p[at]);
        p[at] = v;
        return v;
    }

    public static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += x[i] * y[i];
        return s;
    }

    /**
     * {@code out_i = tanh(x_i)}, as {@code 1 - 2 / (e^{2x} + 1)} with the exponential of {@link PortableExp}
     * (additions, multiplications and fused multiply-adds only, so the same bits on every machine and in the
     * interpreter, unlike {@code Math.exp}, whose JIT and interpreter versions are the processor's), a vector of
     * lanes at a time with the Vector API ({@link VectorTanh}, ~9x faster than element by element). Within 1e-15
     * of {@code Math.tanh}; saturates to +-1. Writes only {@code out}.
     */
    public static void tanh(double[] x, double[] out) {
        tanh(x, 0, out, 0, x.length);
    }

    /** {@link #tanh(double[], double[])} on {@code length} values from {@code x[from]} into {@code out[to]}. */
    static void tanh(double[] x, int from, double[] out, int to, int length) {
        if (vector) {
            VectorTanh.tanh(x, from, out, to, length);
        } else {
            for (int i = 0; i < length; i++) out[to + i] = PortableExp.tanh(x[from + i]);
        }
    }
}
