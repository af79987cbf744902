package org.rnnlab.core;

/**
 * The largest Lyapunov exponent measured along one trajectory, with the series it came from.
 *
 * <p>{@code logGrowth[m] = log(d_m / separation)}: how much a perturbation of size {@code separation} grew
 * (or shrank) over the interval {@code [m tau, (m + 1) tau]}. The exponent is their mean per unit time over the
 * intervals that start at or after {@code transientTime}; the standard error comes from the spread of the means of
 * {@value #BLOCKS} consecutive blocks of those intervals, {@code sd(block means) / sqrt(blocks)} (block means
 * are nearly independent when a block is longer than the correlation time of the growth, a few time units).
 *
 * @param exponent      {@code lambda}, per unit time; {@code NaN} when no interval is past the transient
 * @param standardError {@code NaN} with fewer than two intervals past the transient
 * @param separation    the perturbation's size at the start of each interval
 * @param interval      {@code tau}
 * @param transientTime intervals starting before this time are left out of the estimate
 */
public record LyapunovEstimate(double exponent, double standardError, double separation, double interval, double transientTime,
        double[] logGrowth) {
    /** Blocks of the standard error. */
    public static final int BLOCKS = 10;

    public LyapunovEstimate {
        logGrowth = logGrowth.clone();
    }

    /** What an estimate says about chaos, judged at two standard errors. */
    public enum Verdict {
        /** More than two standard errors above 0: nearby states separate. */
        CHAOTIC,
        /** More than two standard errors below 0: nearby states converge. */
        CONVERGING,
        /** Within two standard errors of 0 (or not measurable): the run is too short to tell. */
        UNDECIDED
    }

    public Verdict verdict() {
        if (exponent - 2 * standardError > 0) return Verdict.CHAOTIC;
        if (exponent + 2 * standardError < 0) return Verdict.CONVERGING;
        return Verdict.UNDECIDED;
    }

    /** Estimates from the growth series (copied) by the rule above. */
    static LyapunovEstimate of(double[] logGrowth, double separation, double interval, double transientTime) {
        int first = Math.min(logGrowth.length, (int) Math.ceil(transientTime / interval - 1e-9));
        int count = logGrowth.length - first;
        double sum = 0;
        for (int m = first; m < logGrowth.length; m++) sum += logGrowth[m];
        double exponent = count == 0 ? Double.NaN : sum / (count * interval);
        int blocks = Math.min(BLOCKS, count);
        double error = Double.NaN;
        if (blocks >= 2) {
            double[] means = new double[blocks];
            double mean = 0;
            for (int j = 0; j < blocks; j++) {
                int from = first + j * count / blocks;
                int to = first + (j + 1) * count / blocks;
                double s = 0;
                for (int m = from; m < to; m++) s += logGrowth[m];
                means[j] = s / ((to - from) * interval);
                mean += means[j] / blocks;
            }
            double squares = 0;
            for (double v : means) squares += (v - mean) * (v - mean);
            error = Math.sqrt(squares / (blocks - 1) / blocks);
        }
        return new LyapunovEstimate(exponent, error, separation, interval, transientTime, logGrowth);
    }

    @Override
    public double[] logGrowth() {
        return logGrowth.clone();
    }

    /** End of each interval, {@code (m + 1) tau}: the times of {@link #logDistance()}. */
    public double[] times() {
        double[] t = new double[logGrowth.length];
        for (int m = 0; m < t.length; m++) t[m] = (m + 1) * interval;
        return t;
    }

    /**
     * {@code log(separation) + sum_{j <= m} logGrowth[j]}: the log distance a perturbation that is never
     * renormalised would have (while it stays small), for a plot of log distance against time whose slope is
     * the exponent. Starts from {@code log(separation)} at {@code t = 0}, not included.
     */
    public double[] logDistance() {
        double[] d = new double[logGrowth.length];
        double s = StrictMath.log(separation);
        for (int m = 0; m < d.length; m++) {
            s += logGrowth[m];
            d[m] = s;
        }
        return d;
    }
}
