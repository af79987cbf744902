package org.rnnlab.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rnnlab.core.ForceRun;
import org.rnnlab.core.LyapunovEstimate;
import org.rnnlab.core.Network;
import org.rnnlab.core.Spectrum;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.ForceErrors;
import org.rnnlab.experiment.LyapunovMeasurement;

/**
 * {@code summary.json}: what a run measured, beside its config. For exercises 1 and 2 the largest Lyapunov
 * exponent (per unit time) with its standard error, the times it averages over and the twin's log distance at
 * each renormalisation ({@code lyapunov.times}, {@code lyapunov.logDistance}: one value per unit of time, so a
 * plot of the one against the other has the exponent as its slope); for exercise 3 the training and test errors
 * and the eigenvalues of the loop {@code g J + u w^T} with the largest real parts, before and after learning
 * ({@link Loop}). Numbers that are not defined (an exponent of a run shorter than its transient) are {@code null}.
 *
 * @param runSeconds      compute time of the run that wrote the files
 * @param lyapunovSeconds compute time of the twin batch (0 for exercise 3)
 * @param loop            FORCE's loop eigenvalues (null for exercises 1 and 2)
 */
public record Summary(ExperimentConfig config, double runSeconds, @Nullable LyapunovEstimate lyapunov, double lyapunovSeconds,
        @Nullable ForceErrors force, @Nullable Loop loop) {

    /** How many of the loop's eigenvalues {@code summary.json} lists: the outliers learning makes and the disc's edge. */
    public static final int LOOP_EIGENVALUES = 6;

    /**
     * The eigenvalues of FORCE's loop {@code g J + u w^T} (see {@link Spectrum#eigenvaluesOfLoop}) with the largest real
     * parts ({@link Spectrum#largestByRealPart}): {@code before} with the initial readout {@code w0} (the loop the
     * run starts from, as the page's chart shows it), {@code after} with the trained {@code w}.
     */
    public record Loop(double[][] before, double[][] after, double computeSeconds) {
        /**
         * Computes both decompositions ({@code O(n^3)} each, EJML's dense QR algorithm without eigenvectors: 7-8 s of
         * processor time each at n = 1000 on this project's 2-core machine, 8 times that at n = 2000).
         */
        public static Loop of(Network network, double g, double[] trained) {
            long start = System.nanoTime();
            double[][] before = Spectrum.largestByRealPart(Spectrum.eigenvaluesOfLoop(network, g, network.initialReadout()), LOOP_EIGENVALUES);
            double[][] after = Spectrum.largestByRealPart(Spectrum.eigenvaluesOfLoop(network, g, trained), LOOP_EIGENVALUES);
            return new Loop(before, after, (System.nanoTime() - start) / 1e9);
        }
    }

    /** The JSON tree, keys in a fixed order. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("link", config.toLink());
        json.put("config", config.values());
        json.put("initialStateSeed", config.initialStateSeed());
        json.put("computeSeconds", runSeconds);
        if (lyapunov != null) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("estimate", number(lyapunov.exponent()));
            l.put("stderr", number(lyapunov.standardError()));
            l.put("from", LyapunovMeasurement.from(lyapunov));
            l.put("to", LyapunovMeasurement.to(lyapunov));
            l.put("unit", "per unit time");
            l.put("eps", lyapunov.separation());
            l.put("interval", lyapunov.interval());
            l.put("method", LyapunovMeasurement.method()
                    + "; a computation of its own beside the run in x.npy (which used the config's solver)");
            l.put("computeSeconds", lyapunovSeconds);
            l.put("times", lyapunov.times());
            l.put("logDistance", lyapunov.logDistance());
            json.put("lyapunov", l);
        }
        if (force != null) {
            Map<String, Object> f = new LinkedHashMap<>();
            ForceRun.ErrorStats train = force.train();
            ForceRun.ErrorStats test = force.test();
            f.put("trainMae", number(train.mae()));
            f.put("testMae", number(test.mae()));
            f.put("testRmse", number(test.rmse()));
            f.put("trainSamples", train.count());
            f.put("testSamples", test.count());
            if (loop != null) {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("matrix", "g J + u w^T");
                l.put("order", "the " + LOOP_EIGENVALUES + " with the largest real parts, largest first");
                l.put("before", eigenvalueList(loop.before()));
                l.put("beforeReadout", "w0, the initial readout");
                l.put("after", eigenvalueList(loop.after()));
                l.put("afterReadout", "w, the trained readout");
                l.put("computeSeconds", loop.computeSeconds());
                f.put("loopEigenvalues", l);
            }
            json.put("force", f);
        }
        return json;
    }

    /** Writes {@link #toJson()} to {@code out}, indented, leaving {@code out} open. */
    public void write(OutputStream out) throws IOException {
        JsonFiles.write(out, toJson());
    }

    private static List<Map<String, Double>> eigenvalueList(double[][] eigenvalues) {
        List<Map<String, Double>> out = new ArrayList<>();
        for (int i = 0; i < eigenvalues[0].length; i++) {
            Map<String, Double> z = new LinkedHashMap<>();
            z.put("re", eigenvalues[0][i]);
            z.put("im", eigenvalues[1][i]);
            out.add(z);
        }
        return out;
    }

    /** JSON has no NaN: an undefined number is null. */
    private static @Nullable Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
