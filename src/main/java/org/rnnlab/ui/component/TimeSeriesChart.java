package org.rnnlab.ui.component;

import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.List;

/**
 * Java side of {@code <rnn-chart>} (src/main/frontend/components/rnn-chart.ts, on uPlot): one options object, then
 * batches of columns. Values go as JSON text with 7 significant digits (enough for a chart, half the bytes);
 * NaN and, on a log axis, values that are not positive become gaps.
 */
@Tag("rnn-chart")
@NpmPackage(value = "uplot", version = "1.6.32")
@JsModule("./components/rnn-chart.ts")
public class TimeSeriesChart extends ChartElement {

    /**
     * @param errors this column holds the half-width of an error bar ({@code ±}) for each point of the series before it,
     *               drawn as whiskers on it, not as a series of its own
     */
    public record Series(String label, String color, boolean points, boolean errors) {
        public Series(String label, String color, boolean points) {
            this(label, color, points, false);
        }

        public static Series line(String label, String color) {
            return new Series(label, color, false);
        }

        /** Error bars of the series before it: {@code ±} this column's value. */
        public static Series errorBars(String label, String color) {
            return new Series(label, color, false, true);
        }
    }

    /** {@code xRange}, {@code yRange}: null for automatic. */
    public record Options(String title, String xLabel, String yLabel, boolean yLog, double[] xRange, double[] yRange,
            int height, List<Series> series) {}

    /**
     * A finished run drawn dimmed under the live series, on its own x values: a pinned run to compare with.
     * {@code ys[j]} is one line (e.g. one neuron) over {@code x}.
     */
    public record Overlay(String label, String color, double[] x, double[][] ys) {}

    private Options options = new Options("", "", "", false, null, null, 260, List.of());
    private List<Overlay> overlays = List.of();

    public TimeSeriesChart() {
        addClassName("rnn-chart");
    }

    public Options options() {
        return options;
    }

    public void configure(Options options) {
        this.options = options;
        StringBuilder json = options(options.title(), options.xLabel(), options.yLabel(), options.height());
        json.append(",\"yLog\":").append(options.yLog());
        if (options.xRange() != null) json.append(",\"xRange\":").append(numbers(options.xRange(), false));
        if (options.yRange() != null) json.append(",\"yRange\":").append(numbers(options.yRange(), false));
        json.append(",\"series\":[");
        for (int i = 0; i < options.series().size(); i++) {
            Series s = options.series().get(i);
            if (i > 0) json.append(',');
            json.append("{\"label\":").append(quote(s.label())).append(",\"color\":").append(quote(s.color()))
                    .append(",\"points\":").append(s.points()).append(",\"errors\":").append(s.errors()).append('}');
        }
        json.append("]}");
        getElement().callJsFunction("configure", json.toString());
        // The run's numbers are in the status lines beside it (test error, Lyapunov exponent, eigenvalue readings).
        describeAs(describe(options, overlays));
        if (!overlays.isEmpty()) sendOverlays();
    }

    /** Draws {@code overlays} under the live series (an empty list removes them); kept across {@link #configure}. */
    public void setOverlays(List<Overlay> overlays) {
        this.overlays = List.copyOf(overlays);
        describeAs(describe(options, this.overlays));
        sendOverlays();
    }

    public List<Overlay> overlays() {
        return overlays;
    }

    private void sendOverlays() {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < overlays.size(); i++) {
            Overlay o = overlays.get(i);
            if (i > 0) json.append(',');
            json.append("{\"label\":").append(quote(o.label())).append(",\"color\":").append(quote(o.color()))
                    .append(",\"dash\":[").append(4 + 2 * i).append(',').append(3).append(']')
                    .append(",\"x\":").append(numbers(o.x(), false)).append(",\"ys\":[");
            for (int j = 0; j < o.ys().length; j++) json.append(j > 0 ? "," : "").append(numbers(o.ys()[j], options.yLog()));
            json.append("]}");
        }
        getElement().callJsFunction("setOverlays", json.append(']').toString());
    }

    /** "Chart: Weak coupling, g = 0.5. x against time, for x12, x40, ..." */
    static String describe(Options options, List<Overlay> overlays) {
        String series = options.series().stream().map(Series::label).filter(l -> !l.isBlank())
                .collect(java.util.stream.Collectors.joining(", "));
        String pinned = overlays.stream().map(Overlay::label).collect(java.util.stream.Collectors.joining("; "));
        return "Chart: " + (options.title().isBlank() ? "" : options.title() + ". ") + options.yLabel() + " against "
                + options.xLabel() + (options.yLog() ? " (log scale)" : "") + (series.isEmpty() ? "." : ", for " + series + ".")
                + (pinned.isEmpty() ? "" : " Drawn under it for comparison: " + pinned + ".");
    }

    /** Appends points: {@code x[k]}, and {@code columns[s][k]} for each series {@code s}. */
    public void append(double[] x, double[]... columns) {
        StringBuilder json = new StringBuilder(16 * x.length * (columns.length + 1));
        json.append('[').append(numbers(x, false));
        for (double[] c : columns) json.append(',').append(numbers(c, options.yLog()));
        json.append(']');
        getElement().callJsFunction("append", json.toString());
    }

    /** Shades {@code [from, to]} on the time axis. */
    public void setShade(double from, double to) {
        getElement().callJsFunction("setShade", from, to);
    }
}
