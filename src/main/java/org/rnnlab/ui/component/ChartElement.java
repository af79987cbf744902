package org.rnnlab.ui.component;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;

/**
 * The one chart API of the Java side, whatever library draws the chart in the browser: {@code configure(options)}
 * once (in the subclass, with its own options record), then {@code append} batches, {@link #clear},
 * {@link #refreshTheme} after a light/dark switch and {@link #downloadPng}. Options and data go to the web component
 * as JSON text (numbers with 7 significant digits: enough for a chart, half the bytes). A screen reader cannot read a
 * canvas, so a configured chart is an image named by what it plots ({@link #describeAs}); the numbers stay in the
 * status lines beside it.
 */
public abstract class ChartElement extends Component implements HasSize {

    /** Clears the data, keeping the options. */
    public void clear() {
        getElement().callJsFunction("clear");
    }

    /** Saves the chart, with its title, as a PNG file named {@code filename}. */
    public void downloadPng(String filename) {
        getElement().callJsFunction("downloadPng", filename);
    }

    /** Re-reads the theme's colours. */
    public void refreshTheme() {
        getElement().callJsFunction("refreshTheme");
    }

    /** Makes the chart an image to assistive technology, named {@code label}. */
    protected void describeAs(String label) {
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", label);
    }

    /** The start of an options object, with what every chart has: {@code {"title":…,"xLabel":…,"yLabel":…,"height":…}. */
    protected static StringBuilder options(String title, String xLabel, String yLabel, int height) {
        return new StringBuilder("{").append("\"title\":").append(quote(title)).append(",\"xLabel\":").append(quote(xLabel))
                .append(",\"yLabel\":").append(quote(yLabel)).append(",\"height\":").append(height);
    }

    /** A JSON array of {@code values}; NaN, infinities and, with {@code positiveOnly}, values {@code <= 0} become null. */
    protected static String numbers(double[] values, boolean positiveOnly) {
        StringBuilder out = new StringBuilder(12 * values.length + 2).append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) out.append(',');
            double v = values[i];
            if (Double.isNaN(v) || Double.isInfinite(v) || (positiveOnly && v <= 0)) out.append("null");
            else out.append((float) v);
        }
        return out.append(']').toString();
    }

    /** {@code s} as a JSON string. */
    protected static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.append('"').toString();
    }
}
