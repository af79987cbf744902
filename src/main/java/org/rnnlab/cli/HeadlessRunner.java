package org.rnnlab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.rnnlab.core.Kernels;
import org.rnnlab.core.LyapunovEstimate;
import org.rnnlab.core.Network;
import org.rnnlab.core.RunControl;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.FieldError;
import org.rnnlab.experiment.Limits;
import org.rnnlab.experiment.LinkCodec;
import org.rnnlab.experiment.LyapunovMeasurement;
import org.rnnlab.export.RunFiles;
import org.rnnlab.export.Summary;
import org.rnnlab.experiment.RunToEnd;

/** {@code run '<query>' --out DIR}: one run from a link, its files written to {@code DIR}. */
public final class HeadlessRunner {
    private HeadlessRunner() {}

    /** @return the process exit code: 0 done, 2 bad arguments or link, 1 failed to write */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String query = null;
        Path dir = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) dir = Path.of(args[++i]);
            else if (query == null) query = args[i];
            else return usage(err, "unexpected argument '" + args[i] + "'");
        }
        if (query == null || dir == null) return usage(err, "a link and --out DIR are required");
        LinkCodec.Parsed parsed = LinkCodec.parse(query, Limits.DEFAULT);
        if (!parsed.isValid()) {
            for (FieldError e : parsed.errors()) err.println("error: " + e);
            return 2;
        }
        ExperimentConfig config = parsed.config();
        Path folder = dir;
        return FolderOutput.write(folder, err, () -> {
            RunFiles.Written written = RunFiles.writeAll(RunFiles.Entries.folder(folder), config,
                    config.createNetwork(), new RunControl());
            RunToEnd.Outcome result = written.outcome();
            out.printf("exercise %d, n = %d: %d samples to t = %s in %.3f s of compute (BLAS: %s); files in %s%n",
                    config.exercise(), config.n(), result.samples(), config.values().get("tmax"),
                    result.computeSeconds(), Kernels.blasName(), folder);
            Summary summary = written.summary();
            if (summary != null && summary.lyapunov() != null) {
                LyapunovEstimate l = summary.lyapunov();
                out.printf(Locale.ROOT, "largest Lyapunov exponent %.4f +- %.4f per unit time (t = %s .. %s; twin batch %.3f s): summary.json%n",
                        l.exponent(), l.standardError(), LyapunovMeasurement.from(l), LyapunovMeasurement.to(l), summary.lyapunovSeconds());
            }
            if (summary != null && summary.force() != null) {
                out.printf(Locale.ROOT, "mean absolute error: training %.4g, test %.4g (test RMSE %.4g): summary.json%n",
                        summary.force().train().mae(), summary.force().test().mae(), summary.force().test().rmse());
            }
            if (summary != null && summary.loop() != null) {
                Summary.Loop loop = summary.loop();
                out.printf(Locale.ROOT, "rightmost eigenvalue of g J + u w^T: %.4f%+.4fi before learning (w0), %.4f%+.4fi after (%.3f s): summary.json%n",
                        loop.before()[0][0], loop.before()[1][0], loop.after()[0][0], loop.after()[1][0], loop.computeSeconds());
            }
            return 0;
        });
    }

    private static int usage(PrintStream err, String why) {
        err.println("error: " + why);
        err.println("usage: java --add-modules jdk.incubator.vector -XX:+UseTransparentHugePages -jar rnnlab.jar run '<link query>' --out DIR");
        err.println("  e.g. run 'v=1&exercise=1&n=1000&g=1.5&seed=1' --out out/");
        return 2;
    }
}
