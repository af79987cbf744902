package org.rnnlab.ui.run;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.rnnlab.experiment.Sweep;
import org.rnnlab.experiment.SweepMeans;
import org.rnnlab.ui.component.HeatMapChart;

/**
 * The seed-mean λ over a grid of two keys as a heat map (the first key's values are the columns, the second's the
 * rows), with the critical value of the second key for each column ({@link SweepMeans#critical}) drawn over it and
 * listed beside it: for exercise 2, the critical amplitude A_c(ω) above which the drive suppresses chaos.
 */
public final class SuppressionMap implements SweepStep.Display {
    /** Colour classes of λ above 0 (mirrored below): 0.01 is about the resolution of one run at n = 200. */
    static final double[] EDGES = {0.01, 0.03, 0.1, 0.3};
    private final HeatMapChart chart = new HeatMapChart();
    private final Span critical = new Span();
    private final Div holder = new Div(chart, critical);

    SuppressionMap() {
        chart.setWidthFull();
        chart.setId("sweep-chart");
        critical.setId("sweep-critical");
        critical.addClassName("sweep-reading");
    }

    @Override
    public Component component() {
        return holder;
    }

    @Override
    public void reset(Sweep sweep) {
        Sweep.Axis columns = sweep.axes().get(0);
        Sweep.Axis rows = sweep.axes().get(1);
        String along = SweepStep.symbol(rows.key());
        chart.configure(new HeatMapChart.Options("λ, mean of " + sweep.seeds().size() + " seeds (n = " + sweep.base().n() + ")",
                SweepStep.symbol(columns.key()), along, labels(columns), labels(rows), "λ", EDGES, 380,
                List.of(new HeatMapChart.Line(along + "_c: λ < 0 above it", "#111111"))));
        critical.setText("");
    }

    /** An axis's values to 3 significant digits (0.354 rather than 0.353553390593): the CSV keeps them whole. */
    static List<String> labels(Sweep.Axis axis) {
        return axis.values().stream().map(SuppressionMap::label).toList();
    }

    static String label(String value) {
        return new java.math.BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    @Override
    public void show(Sweep sweep, List<Sweep.Row> rows) {
        List<SweepMeans.Point> points = SweepMeans.of(sweep, rows);
        int[] column = new int[points.size()];
        int[] row = new int[points.size()];
        double[] value = new double[points.size()];
        for (int k = 0; k < points.size(); k++) {
            column[k] = points.get(k).index().get(0);
            row[k] = points.get(k).index().get(1);
            value[k] = points.get(k).mean();
        }
        List<SweepMeans.Critical> c = SweepMeans.critical(sweep, points);
        double[] line = c.stream().mapToDouble(SweepMeans.Critical::position).toArray();
        chart.append(column, row, value, new double[][] {line});
        critical.setText(describe(sweep, c));
    }

    /** The critical values of {@code rows} of a two-key sweep, as the map lists them under it. */
    public static String criticalValues(Sweep sweep, List<Sweep.Row> rows) {
        return describe(sweep, SweepMeans.critical(sweep, SweepMeans.of(sweep, rows)));
    }

    /** "A_c(ω): 0.25: 0.61, 0.37: below 0.25, ..." */
    static String describe(Sweep sweep, List<SweepMeans.Critical> critical) {
        String along = SweepStep.symbol(sweep.axes().get(1).key());
        String first = sweep.axes().get(1).values().get(0);
        String last = sweep.axes().get(1).values().get(sweep.axes().get(1).count() - 1);
        return along + "_c(" + SweepStep.symbol(sweep.axes().get(0).key()) + "): " + critical.stream().map(c -> label(c.other()) + ": " + switch (c.where()) {
            case INSIDE -> String.format(Locale.ROOT, "%.2f", c.value());
            case BELOW -> "below " + label(first);
            case ABOVE -> "above " + label(last);
            case UNKNOWN -> "not measured yet";
        }).collect(Collectors.joining(", ")) + ".";
    }

    @Override
    public String reading(Sweep sweep, List<Sweep.Row> rows) {
        List<SweepMeans.Critical> c = SweepMeans.critical(sweep, SweepMeans.of(sweep, rows));
        String along = SweepStep.symbol(sweep.axes().get(1).key());
        String across = SweepStep.symbol(sweep.axes().get(0).key());
        List<SweepMeans.Critical> inside = c.stream().filter(x -> x.where() == SweepMeans.Where.INSIDE).toList();
        if (inside.isEmpty()) return describe(sweep, c);
        SweepMeans.Critical easiest = inside.stream().min(Comparator.comparingDouble(SweepMeans.Critical::value)).orElseThrow();
        SweepMeans.Critical hardest = inside.stream().max(Comparator.comparingDouble(SweepMeans.Critical::value)).orElseThrow();
        boolean rising = true;
        for (int k = 1; k < inside.size(); k++) rising &= inside.get(k).value() >= inside.get(k - 1).value();
        return String.format(Locale.ROOT, "%s_c is smallest at %s = %s (%.2f) and largest at %s = %s (%.2f)%s", along, across,
                label(easiest.other()), easiest.value(), across, label(hardest.other()), hardest.value(),
                rising ? ", rising with " + across + " at every step." : "; it does not rise at every step.");
    }

    @Override
    public void downloadPng(String filename) {
        chart.downloadPng(filename);
    }
}
