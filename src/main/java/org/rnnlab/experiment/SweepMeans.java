package org.rnnlab.experiment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Lyapunov rows of a sweep summarised per grid point (over its seeds), and, on a two-key grid, where along the
 * second key the exponent turns negative: the critical amplitude of the suppression map. Works on the rows known so
 * far, so a page can draw it while the sweep fills.
 */
public final class SweepMeans {
    private SweepMeans() {}

    /**
     * One grid point.
     *
     * @param index         the point's position in each axis (seed excluded), in the sweep's axis order
     * @param seeds         rows measured at the point so far
     * @param mean          the seed mean of the exponent
     * @param standardError of the mean over seeds, {@code sd / sqrt(seeds)}; with one seed that row's own standard
     *                      error (from its block means)
     */
    public record Point(List<Integer> index, List<String> values, int seeds, double mean, double standardError) {
        public Point {
            index = List.copyOf(index);
            values = List.copyOf(values);
        }
    }

    /** The points with at least one row among {@code rows}, in the sweep's grid order. */
    public static List<Point> of(Sweep sweep, Collection<Sweep.Row> rows) {
        Map<List<String>, List<Sweep.Row>> byPoint = new LinkedHashMap<>();
        for (Sweep.Cell c : sweep.cells()) byPoint.putIfAbsent(sweep.axisValues(c), new ArrayList<>());
        for (Sweep.Row r : rows) byPoint.get(sweep.axisValues(r.cell())).add(r);
        List<Sweep.Axis> axes = sweep.axes().stream().filter(a -> !a.key().equals("seed")).toList();
        List<Point> out = new ArrayList<>();
        for (Map.Entry<List<String>, List<Sweep.Row>> e : byPoint.entrySet()) {
            List<Sweep.Row> at = e.getValue();
            if (at.isEmpty()) continue;
            List<Integer> index = new ArrayList<>();
            for (int a = 0; a < axes.size(); a++) index.add(axes.get(a).values().indexOf(e.getKey().get(a)));
            double mean = at.stream().mapToDouble(Sweep.Row::lyapunov).average().orElse(Double.NaN);
            double error;
            if (at.size() == 1) {
                error = at.get(0).lyapunovStderr();
            } else {
                double squares = at.stream().mapToDouble(r -> (r.lyapunov() - mean) * (r.lyapunov() - mean)).sum();
                error = Math.sqrt(squares / (at.size() - 1) / at.size());
            }
            out.add(new Point(index, e.getKey(), at.size(), mean, error));
        }
        return out;
    }

    /** Where the critical value lies on its axis. */
    public enum Where {
        /** Between two grid values: {@code value} is interpolated at the sign change. */
        INSIDE,
        /** Every measured point of the column is negative: the critical value is below the grid's first value. */
        BELOW,
        /** The last measured point is not negative: the critical value is above the grid (or not yet measured). */
        ABOVE,
        /** No point of the column is measured yet. */
        UNKNOWN
    }

    /**
     * The critical value along one axis, for one value of the other.
     *
     * @param position the critical value as a position on the axis: grid index {@code i + f} between values {@code i}
     *                 and {@code i + 1} ({@code NaN} unless {@link Where#INSIDE})
     */
    public record Critical(String other, Where where, double value, double position) {}

    /**
     * For each value of the first axis, the critical value of the second: the value above which the seed-mean exponent
     * stays negative up to the end of the grid. From the last non-negative point {@code i} to the next, negative one,
     * it is interpolated linearly in the exponent, and in {@code log} of the value between two positive values of a log
     * axis or a list (whose values the map spaces evenly), so it sits at position {@code i + m_i / (m_i - m_{i+1})}. A noisy negative mean below a positive
     * one does not count: the exponent must stay negative. Columns are read over the points measured so far.
     *
     * @throws IllegalArgumentException unless the sweep has exactly two axes other than {@code seed}
     */
    public static List<Critical> critical(Sweep sweep, List<Point> points) {
        List<Sweep.Axis> axes = sweep.axes().stream().filter(a -> !a.key().equals("seed")).toList();
        if (axes.size() != 2) throw new IllegalArgumentException("a critical value needs a grid of two keys");
        Sweep.Axis outer = axes.get(0);
        Sweep.Axis along = axes.get(1);
        List<Critical> out = new ArrayList<>();
        for (int o = 0; o < outer.count(); o++) {
            double[] mean = new double[along.count()];
            java.util.Arrays.fill(mean, Double.NaN);
            for (Point p : points) if (p.index().get(0) == o) mean[p.index().get(1)] = p.mean();
            int lastNonNegative = -1;
            int measured = 0;
            for (int i = 0; i < mean.length; i++) {
                if (Double.isNaN(mean[i])) continue;
                measured++;
                if (mean[i] >= 0) lastNonNegative = i;
            }
            String at = outer.values().get(o);
            if (measured == 0) {
                out.add(new Critical(at, Where.UNKNOWN, Double.NaN, Double.NaN));
                continue;
            }
            int next = lastNonNegative + 1;
            while (next < mean.length && Double.isNaN(mean[next])) next++;
            if (lastNonNegative < 0) {
                out.add(new Critical(at, Where.BELOW, Double.NaN, Double.NaN));
            } else if (next >= mean.length) {
                out.add(new Critical(at, Where.ABOVE, Double.NaN, Double.NaN));
            } else {
                double f = mean[lastNonNegative] / (mean[lastNonNegative] - mean[next]);
                double position = lastNonNegative + f * (next - lastNonNegative);
                double lo = Double.parseDouble(along.values().get(lastNonNegative));
                double hi = Double.parseDouble(along.values().get(next));
                double value = along.ratios() && lo > 0 ? lo * StrictMath.pow(hi / lo, f) : lo + f * (hi - lo);
                out.add(new Critical(at, Where.INSIDE, value, position));
            }
        }
        return out;
    }
}
