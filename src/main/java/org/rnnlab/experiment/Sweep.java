package org.rnnlab.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.rnnlab.core.Drive;
import org.rnnlab.core.LyapunovEstimate;
import org.rnnlab.core.Network;
import org.rnnlab.core.RunControl;

/**
 * One config run over a grid of numeric keys and several seeds: per cell the largest Lyapunov exponent
 * (exercises 1 and 2) or FORCE's errors (exercise 3). The cells come in a fixed order, the first axis slowest
 * and the seed fastest; that is the order of the rows. Cells on the same network (same {@code n} and
 * {@code seed}, {@code p}) are computed together: for exercises 1 and 2 as one batch ({@link LyapunovMeasurement}), for
 * exercise 3 one run after another on the network built once.
 *
 * <p>Made only through {@link #check}, which reads the axes from text ({@code KEY=FROM:TO:COUNT[:log]}, or a list
 * {@code KEY=V1,V2,...}) and checks every cell's config as a link is checked, so a sweep that exists can run.
 *
 * @param seeds the network seeds of each grid point: the base's seed, seed + 1, ...; only the cell's own seed
 *              when {@code seed} is an axis
 */
public record Sweep(ExperimentConfig base, List<Axis> axes, List<Long> seeds, List<Cell> cells) {
    /** Most rows (grid points x seeds) a sweep may have unless a caller sets its own limit. */
    public static final int MAX_ROWS = 10_000;
    /** Most seeds per grid point. */
    public static final int MAX_SEEDS = 1000;

    public Sweep {
        axes = List.copyOf(axes);
        seeds = List.copyOf(seeds);
        cells = List.copyOf(cells);
    }

    /**
     * One varied key: {@code count} values from {@code from} to {@code to}, equally spaced or, with {@code log},
     * in equal ratios; or the values of a list ({@code listed}), in its order. Values are rounded to 12 significant
     * digits (so that 0.1 steps read 0.1, 0.2, ...), and for keys that take whole numbers to the nearest whole number.
     *
     * @param values the values, as link text, in order
     */
    public record Axis(String key, double from, double to, int count, boolean log, boolean listed, List<String> values) {
        public Axis {
            values = List.copyOf(values);
        }

        /**
         * Whether a value between two positive grid values is read in equal ratios (a log axis, or a list, whose
         * values the suppression map spaces in ratios) rather than linearly.
         */
        public boolean ratios() {
            return log || listed;
        }
    }

    /** One row of the sweep: the config of a grid point and seed, and its values of the axes (link text). */
    public record Cell(int index, List<String> values, long seed, ExperimentConfig config) {
        public Cell {
            values = List.copyOf(values);
        }
    }

    /**
     * What a cell measured; {@code NaN} where it does not apply (or is not defined).
     *
     * @param lyapunov the largest Lyapunov exponent per unit time (exercises 1, 2)
     * @param testRmse FORCE's errors over {@code t > train} and the mean absolute error over {@code t <= train}
     */
    public record Row(Cell cell, double lyapunov, double lyapunovStderr, double testRmse, double testMae, double trainMae) {}

    /** A sweep, or what is wrong with its arguments (each naming the key, {@code seeds} or {@code grid}). */
    public record Checked(@Nullable Sweep sweep, List<FieldError> errors) {
        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    /** Where a sweep gets its networks (the web app: its cache; the command line: {@code Network::create}). */
    public interface Networks {
        Network get(int n, long seed, double p);
    }

    /** The column names of the results, after the axes and {@code seed}. */
    public List<String> resultColumns() {
        return base.isForce() ? List.of("test_rmse", "test_mae", "train_mae") : List.of("lyapunov", "lyapunov_stderr");
    }

    /** The axes' keys as columns: all but {@code seed}, which has its own column after them. */
    public List<String> axisColumns() {
        return axes.stream().map(Axis::key).filter(k -> !k.equals("seed")).toList();
    }

    /** The values of the non-seed axes of {@code cell}, in the order of {@link #axisColumns()}. */
    public List<String> axisValues(Cell cell) {
        List<String> out = new ArrayList<>();
        for (int a = 0; a < axes.size(); a++) if (!axes.get(a).key().equals("seed")) out.add(cell.values().get(a));
        return out;
    }

    /**
     * Checks and builds a sweep of {@code base}.
     *
     * @param varies    one text per axis, {@code KEY=FROM:TO:COUNT} or {@code KEY=FROM:TO:COUNT:log}
     * @param seedCount how many seeds per grid point (null: 1)
     * @param maxRows   the most rows allowed
     */
    public static Checked check(ExperimentConfig base, List<String> varies, @Nullable String seedCount, Limits limits, int maxRows) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, ParamSpec> numeric = new LinkedHashMap<>();
        Set<String> choices = new LinkedHashSet<>();
        for (ParamSpec spec : Schema.specs(base.exercise(), limits)) {
            if (spec.kind() == ParamSpec.Kind.CHOICE) choices.add(spec.key());
            else numeric.put(spec.key(), spec);
        }
        if (varies.isEmpty()) errors.add(new FieldError("vary", "give at least one KEY=FROM:TO:COUNT"));
        List<Axis> axes = new ArrayList<>();
        for (String text : varies) {
            int eq = text.indexOf('=');
            String key = eq < 0 ? text : text.substring(0, eq);
            String shown = FieldError.abbreviate(key);
            if (eq < 0) {
                errors.add(new FieldError(shown, "expected KEY=FROM:TO:COUNT or KEY=FROM:TO:COUNT:log (got '" + FieldError.abbreviate(text) + "')"));
            } else if (choices.contains(key)) {
                errors.add(new FieldError(key, "is not numeric (it is " + allowedValues(base, key, limits) + "); only numeric keys can be varied: "
                        + String.join(", ", numeric.keySet())));
            } else if (!numeric.containsKey(key)) {
                errors.add(new FieldError(shown, "is not a key of exercise " + base.exercise() + "; numeric keys: " + String.join(", ", numeric.keySet())));
            } else if (axes.stream().anyMatch(a -> a.key().equals(key))) {
                errors.add(new FieldError(key, "is varied twice"));
            } else {
                Axis axis = axis(base, numeric.get(key), text.substring(eq + 1), limits, errors);
                if (axis != null) axes.add(axis);
            }
        }
        int seedsPerPoint = 1;
        if (seedCount != null) {
            String s = seedCount.strip();
            if (!s.matches("\\d{1,9}") || Integer.parseInt(s) < 1 || Integer.parseInt(s) > MAX_SEEDS) {
                errors.add(new FieldError("seeds", "must be a whole number from 1 to " + MAX_SEEDS + " (got '" + FieldError.abbreviate(s) + "')"));
            } else {
                seedsPerPoint = Integer.parseInt(s);
            }
        }
        boolean seedIsAxis = axes.stream().anyMatch(a -> a.key().equals("seed"));
        if (seedIsAxis && seedsPerPoint > 1) {
            errors.add(new FieldError("seeds", "cannot be combined with varying seed: the seed axis gives the seeds"));
        }
        if (!errors.isEmpty()) return new Checked(null, errors);
        double rows = seedsPerPoint;
        for (Axis a : axes) rows *= a.count();
        if (rows > maxRows) {
            String sizes = String.join(" x ", axes.stream().map(a -> Integer.toString(a.count())).toList());
            errors.add(new FieldError("grid", sizes + " values x " + seedsPerPoint + " seeds = " + Numbers.format(rows)
                    + " rows, more than the " + maxRows + " allowed"));
            return new Checked(null, errors);
        }
        List<Long> seeds = new ArrayList<>();
        for (int s = 0; s < seedsPerPoint; s++) seeds.add(base.seed() + s);
        List<Cell> cells = new ArrayList<>();
        int[] index = new int[axes.size()];
        Map<String, String> baseValues = base.values();
        while (true) {
            for (long seed : seeds) {
                Map<String, String> values = new LinkedHashMap<>(baseValues);
                if (!seedIsAxis) values.put("seed", Long.toString(seed));
                List<String> point = new ArrayList<>();
                for (int a = 0; a < axes.size(); a++) {
                    String v = axes.get(a).values().get(index[a]);
                    point.add(v);
                    values.put(axes.get(a).key(), v);
                }
                LinkCodec.Parsed parsed = LinkCodec.parse(LinkCodec.format(values), limits);
                if (!parsed.isValid()) {
                    // A value each axis allows on its own, not together (e.g. train past tmax).
                    String where = String.join(", ", axisNames(axes, point));
                    for (FieldError e : parsed.errors()) errors.add(new FieldError(e.field(), e.message() + " (at " + where + ")"));
                    return new Checked(null, errors);
                }
                cells.add(new Cell(cells.size(), point, parsed.config().seed(), parsed.config()));
            }
            int a = axes.size() - 1;
            while (a >= 0 && ++index[a] == axes.get(a).count()) index[a--] = 0;
            if (a < 0) break;
        }
        return new Checked(new Sweep(base, axes, seeds, cells), List.of());
    }

    private static List<String> axisNames(List<Axis> axes, List<String> point) {
        List<String> out = new ArrayList<>();
        for (int a = 0; a < axes.size(); a++) out.add(axes.get(a).key() + " = " + point.get(a));
        return out;
    }

    private static String allowedValues(ExperimentConfig base, String key, Limits limits) {
        return Schema.specs(base.exercise(), limits).stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow().allowed();
    }

    /** Reads {@code FROM:TO:COUNT[:log]} of {@code spec}; adds errors naming the key and returns null when wrong. */
    private static @Nullable Axis axis(ExperimentConfig base, ParamSpec spec, String range, Limits limits, List<FieldError> errors) {
        String key = spec.key();
        if (range.contains(",")) return list(spec, range, errors);
        String[] parts = range.split(":", -1);
        if (parts.length < 3 || parts.length > 4) {
            errors.add(new FieldError(key, "expected FROM:TO:COUNT, FROM:TO:COUNT:log or V1,V2,... (got '" + FieldError.abbreviate(range) + "')"));
            return null;
        }
        boolean log = parts.length == 4;
        if (log && !parts[3].strip().equals("log")) {
            errors.add(new FieldError(key, "the fourth part may only be 'log' (got '" + FieldError.abbreviate(parts[3]) + "')"));
            return null;
        }
        String countText = parts[2].strip();
        if (!countText.matches("\\d{1,9}") || Integer.parseInt(countText) < 1) {
            errors.add(new FieldError(key, "COUNT must be a positive whole number (got '" + FieldError.abbreviate(countText) + "')"));
            return null;
        }
        int count = Integer.parseInt(countText);
        if (count > MAX_ROWS) {
            errors.add(new FieldError(key, "COUNT must be at most " + MAX_ROWS + " (got " + count + ")"));
            return null;
        }
        double[] ends = new double[2];
        String[] names = {"FROM", "TO"};
        for (int i = 0; i < 2; i++) {
            String text = parts[i].strip();
            ends[i] = Numbers.parse(text);
            if (Double.isNaN(ends[i])) {
                errors.add(new FieldError(key, names[i] + " must be a number (got '" + FieldError.abbreviate(text) + "')"));
                return null;
            }
            // The key's own range, checked as a link's value is.
            FieldError e = spec.check(text);
            if (e != null) {
                errors.add(new FieldError(key, names[i] + " " + e.message()));
                return null;
            }
        }
        double from = ends[0], to = ends[1];
        if (log && (from <= 0 || to <= 0)) {
            errors.add(new FieldError(key, "a log axis needs FROM > 0 and TO > 0 (got " + Numbers.format(from) + ":" + Numbers.format(to) + ")"));
            return null;
        }
        List<String> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean whole = spec.kind() == ParamSpec.Kind.INTEGER;
        for (int i = 0; i < count; i++) {
            // COUNT = 1 is FROM alone; otherwise the ends are FROM and TO exactly.
            double f = count == 1 ? 0 : (double) i / (count - 1);
            double v = log ? from * StrictMath.pow(to / from, f) : from + (to - from) * f;
            if (count > 1 && i == count - 1) v = to;
            v = whole ? Math.rint(v) : Double.parseDouble(String.format(Locale.ROOT, "%.12g", v));
            String text = whole ? Long.toString((long) v) : Numbers.format(v);
            if (!seen.add(text)) {
                errors.add(new FieldError(key, count + " values from " + Numbers.format(from) + " to " + Numbers.format(to)
                        + " repeat " + text + (whole ? " (this key takes whole numbers)" : " (at 12 significant digits)")
                        + "; use a smaller COUNT"));
                return null;
            }
            values.add(text);
        }
        return new Axis(key, from, to, count, log, false, values);
    }

    /** Reads {@code V1,V2,...} of {@code spec}: each value checked as a link's, none twice. */
    private static @Nullable Axis list(ParamSpec spec, String range, List<FieldError> errors) {
        String key = spec.key();
        List<String> values = new ArrayList<>();
        Set<Double> seen = new HashSet<>();
        for (String piece : range.split(",", -1)) {
            String text = piece.strip();
            double v = Numbers.parse(text);
            if (Double.isNaN(v)) {
                errors.add(new FieldError(key, "each value of a list must be a number (got '" + FieldError.abbreviate(text) + "')"));
                return null;
            }
            FieldError e = spec.check(text);
            if (e != null) {
                errors.add(new FieldError(key, e.message()));
                return null;
            }
            if (!seen.add(v)) {
                errors.add(new FieldError(key, "lists " + text + " twice"));
                return null;
            }
            values.add(spec.kind() == ParamSpec.Kind.INTEGER ? Long.toString((long) v) : Numbers.format(v));
        }
        if (values.size() > MAX_ROWS) {
            errors.add(new FieldError(key, "a list may hold at most " + MAX_ROWS + " values"));
            return null;
        }
        return new Axis(key, Numbers.parse(values.get(0)), Numbers.parse(values.get(values.size() - 1)), values.size(), false, true, values);
    }

    /** {@code config} with what cannot change its run normalised: without input ({@code A = 0}) the frequency and phases. */
    private static ExperimentConfig sameRun(ExperimentConfig config) {
        if (config.amplitude() != 0 || (config.omega() == 0 && config.phases() == Drive.Phases.ONE)) return config;
        ExperimentConfig.Builder b = new ExperimentConfig.Builder(config);
        b.omega = 0;
        b.phases = Drive.Phases.ONE;
        return b.build();
    }

    /**
     * Computes every cell under {@code control}, network by network, handing each row to {@code onRow} as soon as
     * it is known (rows of one network arrive together; within it in cell order).
     *
     * @return the rows in cell order, or null when cancelled
     */
    public @Nullable List<Row> compute(Networks networks, RunControl control, Consumer<Row> onRow) throws InterruptedException {
        Row[] rows = new Row[cells.size()];
        // Cells of one network (n, seed, p), in the order of their first cell; within, batches as LyapunovMeasurement allows.
        Map<List<Object>, List<Cell>> byNetwork = new LinkedHashMap<>();
        for (Cell c : cells) {
            ExperimentConfig config = c.config();
            byNetwork.computeIfAbsent(List.of(config.n(), config.seed(), config.p()), k -> new ArrayList<>()).add(c);
        }
        for (List<Cell> group : byNetwork.values()) {
            ExperimentConfig first = group.get(0).config();
            Network network = networks.get(first.n(), first.seed(), first.p());
            if (base.isForce()) {
                for (Cell c : group) {
                    ForceErrors errors = new ForceErrors(c.config().train());
                    if (!RunToEnd.run(c.config(), network, errors, control).finished()) return null;
                    Row row = new Row(c, Double.NaN, Double.NaN, errors.test().rmse(), errors.test().mae(), errors.train().mae());
                    rows[c.index()] = row;
                    onRow.accept(row);
                }
            } else {
                List<List<Cell>> batches = new ArrayList<>();
                for (Cell c : group) {
                    List<Cell> batch = batches.stream().filter(b -> LyapunovMeasurement.shareABatch(b.get(0).config(), c.config()))
                            .findFirst().orElse(null);
                    if (batch == null) batches.add(batch = new ArrayList<>());
                    batch.add(c);
                }
                // Cells that are one run (A = 0 at any omega: the same undriven network) are measured once and share
                // its numbers, so a reference row A = 0 reads the same in every column.
                // copiesOf: each measured cell (the first of its run) and every cell that shares its run.
                Map<ExperimentConfig, List<Cell>> byRun = new LinkedHashMap<>();
                for (List<Cell> batch : batches) {
                    for (Cell c : batch) byRun.computeIfAbsent(sameRun(c.config()), k -> new ArrayList<>()).add(c);
                }
                Map<Cell, List<Cell>> copiesOf = new java.util.HashMap<>();
                for (List<Cell> same : byRun.values()) copiesOf.put(same.get(0), same);
                // One measurement per batch as measure would split it, so that rows arrive batch by batch: a page's map
                // fills as it goes, not network by network.
                List<List<Cell>> chunks = new ArrayList<>();
                for (List<Cell> batch : batches) chunks.addAll(LyapunovMeasurement.batches(batch.stream().filter(copiesOf::containsKey).toList()));
                for (List<Cell> batch : chunks) {
                    List<LyapunovEstimate> estimates = LyapunovMeasurement.measure(batch.stream().map(Cell::config).toList(), network, control);
                    if (estimates == null) return null;
                    for (int b = 0; b < batch.size(); b++) {
                        LyapunovEstimate e = estimates.get(b);
                        for (Cell c : copiesOf.get(batch.get(b))) {
                            Row row = new Row(c, e.exponent(), e.standardError(), Double.NaN, Double.NaN, Double.NaN);
                            rows[c.index()] = row;
                            onRow.accept(row);
                        }
                    }
                }
            }
        }
        return Arrays.asList(rows);
    }
}
