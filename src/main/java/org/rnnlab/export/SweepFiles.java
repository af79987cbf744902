package org.rnnlab.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnnlab.experiment.LyapunovMeasurement;
import org.rnnlab.experiment.Sweep;

/**
 * The files of a sweep: {@code sweep.csv}, one row per cell in the sweep's order (first axis slowest, seed fastest):
 * the varied keys (but {@code seed}), {@code seed}, then {@code lyapunov, lyapunov_stderr} (exercises 1 and 2) or
 * {@code test_rmse, test_mae, train_mae} (exercise 3), full precision, {@code NaN} where a number is not defined;
 * and the sweep's own {@code config.json}: the base link, the axes with their values, the seeds, the row count and
 * the compute time.
 */
public final class SweepFiles {
    private SweepFiles() {}

    /** Writes {@code sweep.csv} and {@code config.json}. */
    public static void write(RunFiles.Entries out, Sweep sweep, List<Sweep.Row> rows, double computeSeconds) throws IOException {
        try (Writer w = new OutputStreamWriter(out.open("sweep.csv"), StandardCharsets.UTF_8)) {
            w.write(String.join(",", columns(sweep)) + "\n");
            for (Sweep.Row row : rows) w.write(String.join(",", line(sweep, row)) + "\n");
        }
        try (OutputStream s = out.open("config.json")) {
            JsonFiles.write(s, config(sweep, rows.size(), computeSeconds));
        }
    }

    /** The CSV's header. */
    public static List<String> columns(Sweep sweep) {
        List<String> columns = new ArrayList<>(sweep.axisColumns());
        columns.add("seed");
        columns.addAll(sweep.resultColumns());
        return columns;
    }

    /** One CSV line's fields. */
    public static List<String> line(Sweep sweep, Sweep.Row row) {
        List<String> fields = new ArrayList<>(sweep.axisValues(row.cell()));
        fields.add(Long.toString(row.cell().seed()));
        if (sweep.base().isForce()) {
            fields.add(Double.toString(row.testRmse()));
            fields.add(Double.toString(row.testMae()));
            fields.add(Double.toString(row.trainMae()));
        } else {
            fields.add(Double.toString(row.lyapunov()));
            fields.add(Double.toString(row.lyapunovStderr()));
        }
        return fields;
    }

    private static Map<String, Object> config(Sweep sweep, int rows, double computeSeconds) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("link", sweep.base().toLink());
        json.put("config", sweep.base().values());
        List<Map<String, Object>> axes = new ArrayList<>();
        for (Sweep.Axis a : sweep.axes()) {
            Map<String, Object> axis = new LinkedHashMap<>();
            axis.put("key", a.key());
            axis.put("from", a.from());
            axis.put("to", a.to());
            axis.put("count", a.count());
            axis.put("log", a.log());
            axis.put("list", a.listed());
            axis.put("values", a.values());
            axes.add(axis);
        }
        json.put("vary", axes);
        json.put("seeds", sweep.axes().stream().anyMatch(a -> a.key().equals("seed")) ? "the seed axis" : sweep.seeds());
        json.put("order", "first axis slowest, seed fastest");
        json.put("rows", rows);
        json.put("columns", columns(sweep));
        json.put("method", sweep.base().isForce()
                ? "each cell a FORCE run to its end; errors z - f over t > train (test) and t <= train (train)"
                : LyapunovMeasurement.method() + "; cells on one network (n, seed) with the same tmax and eps integrated as one batch"
                        + " of at most " + LyapunovMeasurement.MAX_BATCH + " trajectories and their twins");
        json.put("computeSeconds", computeSeconds);
        return json;
    }
}
