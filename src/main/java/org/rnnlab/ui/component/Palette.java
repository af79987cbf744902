package org.rnnlab.ui.component;

/** Matplotlib's colours, as in the seed's figures: tab10 for series, and tab20's light partner of each. */
public final class Palette {
    private static final String[] TAB10 = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
        "#7f7f7f", "#bcbd22", "#17becf"};
    private static final String[] LIGHT = {"#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2",
        "#c7c7c7", "#dbdb8d", "#9edae5"};

    private Palette() {}

    /** The colour of series {@code j}. */
    public static String of(int j) {
        return TAB10[j % TAB10.length];
    }

    /** A lighter shade of {@link #of(int)}: the same neuron in a second run. */
    public static String lighter(int j) {
        return LIGHT[j % LIGHT.length];
    }
}
