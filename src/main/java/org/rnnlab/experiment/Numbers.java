package org.rnnlab.experiment;

/** Number text for links: short, exact on a round trip, and never locale-dependent. */
final class Numbers {
    private Numbers() {}

    /** {@code 300} rather than {@code 300.0}; otherwise Java's shortest round-trip form. */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) <= 0x1p53) return Long.toString((long) v);
        return Double.toString(v);
    }

    /** A finite number in plain or scientific notation, else NaN ({@code "NaN"}, {@code "Infinity"} and hex are refused). */
    static double parse(String s) {
        if (s.isEmpty() || s.length() > 40 || !s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) return Double.NaN;
        double v = Double.parseDouble(s);
        return Double.isFinite(v) ? v : Double.NaN;
    }
}
