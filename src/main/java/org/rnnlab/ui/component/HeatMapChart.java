package org.rnnlab.ui.component;

import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Java side of {@code <rnn-heatmap>} (src/main/frontend/components/rnn-heatmap.ts, on Apache ECharts): a grid of cells on two
 * category axes, coloured by value on a diverging scale centred at 0, with lines drawn over it. The same API as
 * {@link TimeSeriesChart}: one options object, then batches ({@link #append}); a cell sent again takes its new value,
 * so a map can fill and refine as measurements arrive.
 */
@Tag("rnn-heatmap")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./components/rnn-heatmap.ts")
public class HeatMapChart extends ChartElement {

    /** A line over the cells: one position per column, in rows (0 is the centre of the first row). */
    public record Line(String label, String color) {}

    /**
     * @param xValues, yValues the columns' and rows' labels (rows from the bottom)
     * @param edges    the colour classes' edges above 0, ascending (at most 4), mirrored below 0
     */
    public record Options(String title, String xLabel, String yLabel, List<String> xValues, List<String> yValues, String valueLabel,
            double[] edges, int height, List<Line> lines) {
        public Options {
            xValues = List.copyOf(xValues);
            yValues = List.copyOf(yValues);
            lines = List.copyOf(lines);
            edges = edges.clone();
        }
    }

    private Options options = new Options("", "", "", List.of(), List.of(), "", new double[] {1}, 360, List.of());

    public HeatMapChart() {
        addClassName("rnn-heatmap");
    }

    public Options options() {
        return options;
    }

    public void configure(Options options) {
        this.options = options;
        StringBuilder json = options(options.title(), options.xLabel(), options.yLabel(), options.height());
        json.append(",\"valueLabel\":").append(quote(options.valueLabel()));
        json.append(",\"xValues\":").append(strings(options.xValues()));
        json.append(",\"yValues\":").append(strings(options.yValues()));
        json.append(",\"edges\":").append(numbers(options.edges(), false));
        json.append(",\"lines\":[").append(options.lines().stream()
                .map(l -> "{\"label\":" + quote(l.label()) + ",\"color\":" + quote(l.color()) + "}").collect(Collectors.joining(",")));
        json.append("]}");
        getElement().callJsFunction("configure", json.toString());
        describeAs(describe(options));
    }

    /** "Chart: title. lambda by omega (columns) and A (rows), with A_c." */
    static String describe(Options options) {
        String lines = options.lines().stream().map(Line::label).collect(Collectors.joining(", "));
        return "Chart: " + (options.title().isBlank() ? "" : options.title() + ". ") + "A map of " + options.valueLabel() + " over "
                + options.xLabel() + " (columns) and " + options.yLabel() + " (rows)" + (lines.isEmpty() ? "." : ", with " + lines + " drawn over it.");
    }

    /**
     * Sets cells {@code (column[k], row[k])} to {@code value[k]} (NaN: not measured) and, when {@code lines} is not
     * null, replaces the lines: {@code lines[j][column]} is line j's position in rows (NaN: no point there).
     */
    public void append(int[] column, int[] row, double[] value, double @Nullable [][] lines) {
        StringBuilder json = new StringBuilder(24 * value.length + 64).append("{\"cells\":[");
        for (int k = 0; k < value.length; k++) {
            if (k > 0) json.append(',');
            double v = value[k];
            json.append('[').append(column[k]).append(',').append(row[k]).append(',')
                    .append(Double.isFinite(v) ? Float.toString((float) v) : "null").append(']');
        }
        json.append(']');
        if (lines != null) {
            json.append(",\"lines\":[");
            for (int j = 0; j < lines.length; j++) json.append(j > 0 ? "," : "").append(numbers(lines[j], false));
            json.append(']');
        }
        getElement().callJsFunction("append", json.append('}').toString());
    }

    private static String strings(List<String> values) {
        return values.stream().map(ChartElement::quote).collect(Collectors.joining(",", "[", "]"));
    }
}
