package org.rnnlab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rnnlab.core.Network;
import org.rnnlab.core.RunControl;
import org.rnnlab.experiment.FieldError;
import org.rnnlab.experiment.Limits;
import org.rnnlab.experiment.LinkCodec;
import org.rnnlab.experiment.Sweep.Checked;
import org.rnnlab.experiment.Sweep.Row;
import org.rnnlab.export.RunFiles;
import org.rnnlab.export.SweepFiles;

/**
 * {@code sweep '<link>' --vary KEY=FROM:TO:COUNT[:log] [--vary ...] [--seeds K] --out DIR}: the link's config over a
 * grid of keys and seeds ({@link org.rnnlab.experiment.Sweep}), written as {@code sweep.csv} and {@code config.json}.
 */
public final class Sweep {
    private Sweep() {}

    /** @return the process exit code: 0 done, 2 bad arguments or link, 1 failed to write */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String query = null;
        String seeds = null;
        Path dir = null;
        List<String> varies = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            boolean hasValue = i + 1 < args.length;
            if (a.equals("--out") && hasValue) dir = Path.of(args[++i]);
            else if (a.equals("--vary") && hasValue) varies.add(args[++i]);
            else if (a.equals("--seeds") && hasValue) seeds = args[++i];
            else if (a.startsWith("--")) return usage(err, "unknown option or missing value: '" + FieldError.abbreviate(a) + "'");
            else if (query == null) query = a;
            else return usage(err, "unexpected argument '" + FieldError.abbreviate(a) + "'");
        }
        if (query == null || dir == null || varies.isEmpty()) return usage(err, "a link, at least one --vary and --out DIR are required");
        LinkCodec.Parsed parsed = LinkCodec.parse(query, Limits.DEFAULT);
        if (!parsed.isValid()) {
            for (FieldError e : parsed.errors()) err.println("error: link: " + e);
            return 2;
        }
        Checked checked = org.rnnlab.experiment.Sweep.check(parsed.config(), varies, seeds, Limits.DEFAULT,
                org.rnnlab.experiment.Sweep.MAX_ROWS);
        if (!checked.isValid()) {
            for (FieldError e : checked.errors()) err.println("error: " + argument(e) + ": " + e.message());
            return 2;
        }
        var sweep = checked.sweep();
        Path folder = dir;
        return FolderOutput.write(folder, err, () -> {
            long start = System.nanoTime();
            int[] done = {0};
            int total = sweep.cells().size();
            List<Row> rows = sweep.compute(Network::create, new RunControl(), row -> {
                if (++done[0] % Math.max(1, total / 10) == 0 || done[0] == total) out.printf("%d of %d rows%n", done[0], total);
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            if (rows == null) {
                err.println("error: stopped");
                return 1;
            }
            SweepFiles.write(RunFiles.Entries.folder(folder), sweep, rows, seconds);
            out.printf(Locale.ROOT, "sweep of exercise %d: %d rows in %.3f s of compute; sweep.csv and config.json in %s%n",
                    sweep.base().exercise(), rows.size(), seconds, folder);
            return 0;
        });
    }

    /** The command-line argument an error is about: {@code --vary KEY}, {@code --seeds} or the grid. */
    private static String argument(FieldError e) {
        return switch (e.field()) {
            case "seeds" -> "--seeds";
            case "grid" -> "--vary (grid)";
            case "vary" -> "--vary";
            default -> "--vary " + e.field();
        };
    }

    private static int usage(PrintStream err, String why) {
        err.println("error: " + why);
        err.println("usage: java --add-modules jdk.incubator.vector -XX:+UseTransparentHugePages -jar rnnlab.jar sweep '<link query>' "
                + "--vary KEY=FROM:TO:COUNT[:log] [--vary KEY2=...] [--seeds K] --out DIR");
        err.println("  e.g. sweep 'v=1&exercise=1&n=200' --vary g=0.5:3:6 --seeds 3 --out sweep/");
        return 2;
    }
}
