package org.rnnlab.ui.run;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.rnnlab.core.MeanFieldLyapunov;
import org.rnnlab.experiment.Sweep;
import org.rnnlab.experiment.SweepMeans;
import org.rnnlab.ui.component.Palette;
import org.rnnlab.ui.component.TimeSeriesChart;
import org.rnnlab.ui.component.TimeSeriesChart.Series;

/**
 * λ against one key (the gain g): the seed mean at each value with its standard error as an error bar, the large-n
 * curve ({@link MeanFieldLyapunov}) beside it, and g ≤ 1, where the quiet state x = 0 is stable, shaded.
 */
final class GainCurve implements SweepStep.Display {
    /** Steps of the large-n curve between the sweep's values. */
    private static final int CURVE_POINTS = 60;
    private final String key;
    private final TimeSeriesChart chart = new TimeSeriesChart();

    GainCurve(String key) {
        this.key = key;
        chart.setWidthFull();
        chart.setId("sweep-chart");
    }

    @Override
    public Component component() {
        return chart;
    }

    @Override
    public void reset(Sweep sweep) {
        draw(sweep, List.of());
    }

    @Override
    public void show(Sweep sweep, List<Sweep.Row> rows) {
        draw(sweep, SweepMeans.of(sweep, rows));
    }

    private void draw(Sweep sweep, List<SweepMeans.Point> points) {
        Sweep.Axis axis = sweep.axes().get(0);
        double from = Math.min(axis.from(), axis.to());
        double to = Math.max(axis.from(), axis.to());
        // The curve's x values and the sweep's, in one sorted column (uPlot shares x between series).
        TreeSet<Double> xs = new TreeSet<>();
        for (int k = 0; k <= CURVE_POINTS; k++) xs.add(from + (to - from) * k / CURVE_POINTS);
        axis.values().forEach(v -> xs.add(Double.parseDouble(v)));
        double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] mean = new double[x.length];
        double[] error = new double[x.length];
        double[] reference = new double[x.length];
        java.util.Arrays.fill(mean, Double.NaN);
        java.util.Arrays.fill(error, Double.NaN);
        double lo = -0.1;
        double hi = 0.1;
        for (int k = 0; k < x.length; k++) {
            reference[k] = key.equals("g") ? MeanFieldLyapunov.exponent(x[k]) : Double.NaN;
            if (Double.isFinite(reference[k])) hi = Math.max(hi, reference[k]);
        }
        for (SweepMeans.Point p : points) {
            int k = java.util.Arrays.binarySearch(x, Double.parseDouble(p.values().get(0)));
            mean[k] = p.mean();
            error[k] = Double.isFinite(p.standardError()) ? p.standardError() : 0;
            lo = Math.min(lo, p.mean() - error[k]);
            hi = Math.max(hi, p.mean() + error[k]);
        }
        double pad = 0.08 * (hi - lo);
        String n = Integer.toString(sweep.base().n());
        chart.configure(new TimeSeriesChart.Options("Largest Lyapunov exponent against " + key + " (n = " + n + ", "
                + sweep.seeds().size() + " seeds)", key, "λ (per unit time)", false, new double[] {from, to},
                new double[] {lo - pad, hi + pad}, 300,
                List.of(new Series("measured: mean over seeds", Palette.of(0), true), Series.errorBars("± standard error", Palette.of(0)),
                        Series.line("large-n theory", Palette.of(3)))));
        chart.append(x, mean, error, reference);
        if (key.equals("g") && from < 1) chart.setShade(from, Math.min(1, to));
    }

    @Override
    public String reading(Sweep sweep, List<Sweep.Row> rows) {
        List<SweepMeans.Point> points = SweepMeans.of(sweep, rows);
        if (points.isEmpty()) return "";
        SweepMeans.Point first = points.get(0);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "At %s = %s: λ = %s.", key, first.values().get(0),
                Readings.statedSigned(first.mean(), first.standardError())));
        String chaotic = points.stream().filter(p -> p.mean() - 2 * p.standardError() > 0).map(p -> p.values().get(0)).findFirst()
                .orElse(null);
        text.append(chaotic == null ? " No mean is above 0 by two standard errors."
                : " λ > 0 by more than two standard errors from " + key + " = " + chaotic + " on.");
        if (key.equals("g")) {
            List<SweepMeans.Point> above = points.stream().filter(p -> Double.parseDouble(p.values().get(0)) > 1
                    && Double.isFinite(MeanFieldLyapunov.exponent(Double.parseDouble(p.values().get(0))))).toList();
            long below = above.stream().filter(p -> p.mean() < MeanFieldLyapunov.exponent(Double.parseDouble(p.values().get(0)))).count();
            if (!above.isEmpty()) text.append(String.format(Locale.ROOT, " Above g = 1, %d of %d means lie below the large-n curve.",
                    below, above.size()));
        }
        return text.toString();
    }

    @Override
    public void downloadPng(String filename) {
        chart.downloadPng(filename);
    }
}
