package org.rnnlab.core;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigenvalues of {@code g J}. For {@code J_ij ~ Normal(0, 1/n)} they fill the disc of radius {@code g}
 * (Girko's circular law) as {@code n} grows, and so they do for a sparse {@code J} whose {@code p n} links a row
 * has on average carry variance {@code 1/(p n)} (the law needs only independent entries of variance {@code 1/n}); the fixed point {@code x = 0} loses stability when the
 * rightmost one crosses {@code Re = 1}, i.e. at {@code g = 1}, where chaos sets in (Sompolinsky,
 * Crisanti and Sommers 1988). EJML's dense QR algorithm: {@code O(n^3)}, about a second at {@code n = 1000}.
 */
public final class Spectrum {
    private Spectrum() {}

    /** Real parts in {@code [0][i]}, imaginary parts in {@code [1][i]}, of the eigenvalues of {@code g J}. */
    public static double[][] eigenvalues(Network network, double g) {
        DMatrixRMaj m = network.couplingMatrix();
        org.ejml.dense.row.CommonOps_DDRM.scale(g, m);
        return eigenvalues(m);
    }

    /**
     * The eigenvalues of the loop that FORCE closes, {@code g J + u w^T}: with the readout {@code z = w . tanh(x)}
     * fed back through {@code u}, the network linearised at x = 0 is {@code dx/dt = -x + (g J + u w^T) x}. The
     * rank-one term moves a few eigenvalues out of the disc of {@code g J}: the modes that carry the learned output.
     */
    public static double[][] eigenvaluesOfLoop(Network network, double g, double[] w) {
        DMatrixRMaj m = network.couplingMatrix();
        org.ejml.dense.row.CommonOps_DDRM.scale(g, m);
        double[] u = network.inputWeightsShared();
        int n = network.n();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) m.data[i * n + j] += u[i] * w[j];
        }
        return eigenvalues(m);
    }

    /**
     * The {@code count} eigenvalues with the largest real parts (fewer if there are fewer), largest first; a
     * conjugate pair in the order {@code +i}, {@code -i}. Real parts in {@code [0]}, imaginary parts in {@code [1]}.
     */
    public static double[][] largestByRealPart(double[][] eigenvalues, int count) {
        Integer[] order = new Integer[eigenvalues[0].length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> {
            int byReal = Double.compare(eigenvalues[0][b], eigenvalues[0][a]);
            return byReal != 0 ? byReal : Double.compare(eigenvalues[1][b], eigenvalues[1][a]);
        });
        int k = Math.min(count, order.length);
        double[][] out = new double[2][k];
        for (int i = 0; i < k; i++) {
            out[0][i] = eigenvalues[0][order[i]];
            out[1][i] = eigenvalues[1][order[i]];
        }
        return out;
    }

    private static double[][] eigenvalues(DMatrixRMaj m) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m.numRows, false);
        if (!eig.decompose(m)) throw new IllegalStateException("eigen-decomposition did not converge");
        double[][] out = new double[2][eig.getNumberOfEigenvalues()];
        for (int i = 0; i < out[0].length; i++) {
            Complex_F64 c = eig.getEigenvalue(i);
            out[0][i] = c.real;
            out[1][i] = c.imaginary;
        }
        return out;
    }

    /**
     * The histogram of {@code sqrt(p n) J_ij} over the links the network has ({@code p n^2} of them on average; all
     * {@code n^2} when it is dense), in {@code bins} equal bins on {@code [lo, hi)}, as a density (count divided by the
     * number of links and the bin width), to set beside the standard normal density it should follow.
     */
    public static double[] scaledCouplingDensity(Network network, double lo, double hi, int bins) {
        int n = network.n();
        boolean dense = network.p() == 1;
        double width = (hi - lo) / bins;
        double scale = Math.sqrt(network.p() * n);
        double[] density = new double[bins];
        double[] row = new double[n];
        long links = 0;
        for (int i = 0; i < n; i++) {
            network.couplingRow(i, row);
            for (int j = 0; j < n; j++) {
                // A sparse network's missing links are exact zeros; a drawn coupling is never exactly 0.
                if (!dense && row[j] == 0) continue;
                links++;
                int b = (int) Math.floor((row[j] * scale - lo) / width);
                if (b >= 0 && b < bins) density[b]++;
            }
        }
        for (int b = 0; b < bins; b++) density[b] /= (double) links * width;
        return density;
    }

    /**
     * @param rightmostReal the largest real part: x = 0 of {@code dx/dt = -x + g J tanh x} is stable iff
     *                      {@code g * rightmostReal < 1}
     * @param realCount     eigenvalues on the real axis. A real matrix's complex eigenvalues come in conjugate pairs
     *                      and its real ones need no partner; for {@code J_ij ~ N(0, 1/n)} about {@code sqrt(2n/pi)}
     *                      are real (Edelman, Kostlan & Shub 1994): 25 at n = 1000
     */
    public record Summary(double rightmostReal, int realCount) {}

    /**
     * Reads {@code eigenvalues} (real parts in {@code [0]}, imaginary in {@code [1]}). An eigenvalue counts as real
     * when its imaginary part is below {@code 1e-9} of its size: the QR algorithm returns real ones exactly real,
     * but a close pair of real eigenvalues can come out as a complex pair with a tiny imaginary part.
     */
    public static Summary summarize(double[][] eigenvalues) {
        double rightmost = Double.NEGATIVE_INFINITY;
        int real = 0;
        for (int i = 0; i < eigenvalues[0].length; i++) {
            rightmost = Math.max(rightmost, eigenvalues[0][i]);
            if (Math.abs(eigenvalues[1][i]) <= 1e-9 * Math.max(1, Math.abs(eigenvalues[0][i]))) real++;
        }
        return new Summary(rightmost, real);
    }
}
