package org.rnnlab.ui.exercise;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.rnnlab.core.Drive;
import org.rnnlab.core.LyapunovEstimate;
import org.rnnlab.experiment.Sweep;
import org.rnnlab.experiment.SweepMeans;
import org.rnnlab.ui.run.Readings;
import org.rnnlab.ui.run.RunCharts;
import org.rnnlab.ui.run.SuppressionMap;

/**
 * What a step asks the student to predict before the run, and how the run decides it. Either choices, each naming the
 * outcome it predicts, judged by the step's run {@code run} (its λ verdict, or FORCE's test error) or by the step's
 * sweep (where the critical amplitude is smallest); or a number, {@code estimateAt}: the λ the sweep will measure at
 * that value of its key. The page compares the student's prediction with what their run measured ("you said it decays;
 * your run measured λ = −0.516 ± 0.003: right").
 *
 * @param question   what to predict, as the fieldset's legend
 * @param run        which of the step's runs decides (0-based; a sweep step's one sweep)
 * @param estimateAt for a numeric estimate, the value of the sweep's key it is about ("2" for λ at g = 2); else null
 */
public record Prediction(String question, List<Choice> choices, int run, @Nullable String estimateAt) {
    /** A threshold on the test RMSE below which a FORCE network "kept the rhythm" (a tenth of the target's amplitude). */
    public static final double RHYTHM_KEPT_RMSE = 0.1;

    public Prediction {
        choices = List.copyOf(choices);
    }

    /** Choices judged by a run or a sweep. */
    public Prediction(String question, List<Choice> choices, int run) {
        this(question, choices, run, null);
    }

    /** A number: the λ the step's sweep will measure where its key is {@code at}. */
    public static Prediction estimate(String question, String at) {
        return new Prediction(question, List.of(), 0, at);
    }

    public boolean isEstimate() {
        return estimateAt != null;
    }

    /** What a run can show. */
    public enum Outcome {
        /** λ more than two standard errors below 0. */
        CONVERGES,
        /** λ more than two standard errors above 0. */
        CHAOTIC,
        /** FORCE: test RMSE below {@link #RHYTHM_KEPT_RMSE}. */
        KEEPS_RHYTHM,
        LOSES_RHYTHM,
        /** A map: no frequency needs clearly (a factor 2) less amplitude than the slowest. */
        EASIEST_SLOWEST,
        /** A map: a frequency inside the range needs less than half the slowest's amplitude (a resonance). */
        EASIEST_INSIDE,
        /** A map: the fastest frequency needs less than half the slowest's amplitude. */
        EASIEST_FASTEST
    }

    /**
     * One answer the student can give.
     *
     * @param key     how the link writes it ({@code predict=decays})
     * @param label   what the student reads
     * @param outcome what it predicts
     */
    public record Choice(String key, String label, Outcome outcome) {}

    /** The choice of {@code key}, or null. */
    public @Nullable Choice choice(@Nullable String key) {
        return choices.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
    }

    /** The keys, for messages: "decays, fluctuates". */
    public String keys() {
        return String.join(", ", choices.stream().map(Choice::key).toList());
    }

    /** The outcome a finished run measured, or null while unknown or when its measurement cannot decide. */
    public static @Nullable Outcome measured(RunCharts chart) {
        if (chart.config().isForce()) {
            double rmse = chart.testRmse();
            if (Double.isNaN(rmse)) return null;
            return rmse < RHYTHM_KEPT_RMSE ? Outcome.KEEPS_RHYTHM : Outcome.LOSES_RHYTHM;
        }
        LyapunovEstimate e = chart.lyapunov();
        if (e == null) return null;
        return switch (e.verdict()) {
            case CHAOTIC -> Outcome.CHAOTIC;
            case CONVERGING -> Outcome.CONVERGES;
            case UNDECIDED -> null;
        };
    }

    /** What the run measured, in the words of the comparison: "λ = +0.026 ± 0.009 per unit time", "test RMSE 0.15". */
    static String measurement(RunCharts chart) {
        if (chart.config().isForce()) return String.format(Locale.ROOT, "a test RMSE of %.2f after learning stopped", chart.testRmse());
        LyapunovEstimate e = chart.lyapunov();
        return e == null ? "no exponent" : "λ = " + Readings.statedSigned(e.exponent(), e.standardError()) + " per unit time";
    }

    /**
     * The comparison of the student's choice with their run: what was predicted, what was measured, and whether they
     * agree; without a choice, only what was measured.
     */
    public String feedback(@Nullable Choice chosen, RunCharts chart) {
        return compare(chosen, measured(chart), "Your run measured " + measurement(chart), ": ",
                ": too close to call from this run, so it cannot judge a prediction (a longer run shrinks the error).",
                " Predict before the next run.");
    }

    /** Whether {@code chart}'s run has its measurement yet (an exponent, or FORCE's test error), decided or not. */
    static boolean isMeasured(RunCharts chart) {
        return chart.config().isForce() ? !Double.isNaN(chart.testRmse()) : chart.lyapunov() != null;
    }

    /**
     * One comparison for every kind of choice: "You said: a. {measured}{so}b. Right." — {@code cannotJudge} follows
     * {@code measured} when the measurement decides no choice, {@code noChoice} when the student chose nothing.
     */
    private String compare(@Nullable Choice chosen, @Nullable Outcome outcome, String measured, String so, String cannotJudge,
            String noChoice) {
        Choice actual = outcome == null ? null : choices.stream().filter(c -> c.outcome() == outcome).findFirst().orElse(null);
        if (actual == null) return measured + cannotJudge;
        String result = measured + so + lower(actual.label()) + ".";
        if (chosen == null) return result + noChoice;
        return "You said: " + lower(chosen.label()) + ". " + result + " "
                + (chosen == actual ? "Right." : "Not what you predicted; compare with the answer below.");
    }

    /** A typed estimate as a number ("0.1", "−0.2", "5e-2"), else NaN. */
    static double parseEstimate(String text) {
        String t = text.strip().replace('−', '-');
        return t.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?") ? Double.parseDouble(t) : Double.NaN;
    }

    /** "It decays" as it reads inside a sentence: "it decays" (only the first letter: RMSE stays RMSE). */
    private static String lower(String label) {
        return Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    /**
     * Where a suppression map's critical amplitude is smallest, by the rule its answer states: a frequency beats the
     * slowest only when its A_c is less than half the slowest's (the grid's step in A). Null while a column is not
     * measured, or when the undriven network is not chaotic (A_c below the grid).
     */
    public static @Nullable Outcome easiest(Sweep sweep, List<Sweep.Row> rows) {
        List<SweepMeans.Critical> critical = SweepMeans.critical(sweep, SweepMeans.of(sweep, rows));
        double[] value = new double[critical.size()];
        for (int k = 0; k < value.length; k++) {
            SweepMeans.Critical c = critical.get(k);
            switch (c.where()) {
                case INSIDE -> value[k] = c.value();
                case ABOVE -> value[k] = Double.POSITIVE_INFINITY;
                default -> {
                    return null;
                }
            }
        }
        int best = 0;
        for (int k = 1; k < value.length; k++) if (value[k] < value[best]) best = k;
        if (best == 0 || !(value[best] < value[0] / 2)) return Outcome.EASIEST_SLOWEST;
        return best == value.length - 1 ? Outcome.EASIEST_FASTEST : Outcome.EASIEST_INSIDE;
    }

    /** The comparison of the student's choice with their map. */
    public String feedback(@Nullable Choice chosen, Sweep sweep, List<Sweep.Row> rows) {
        String input = sweep.base().phases() == Drive.Phases.RANDOM ? "random phases" : "one phase";
        return compare(chosen, easiest(sweep, rows), "Your map (" + input + ") measured " + SuppressionMap.criticalValues(sweep, rows),
                " So: ", " It cannot judge the prediction: the undriven network is not chaotic here.", "");
    }

    /**
     * The comparison of the student's estimate with the sweep's mean at {@link #estimateAt}: right when within two
     * standard errors of it (the pages' one rule); otherwise how far, and whether the sign was right.
     */
    public String feedback(String typed, Sweep sweep, List<Sweep.Row> rows) {
        double estimate = parseEstimate(typed);
        String key = sweep.axes().get(0).key();
        SweepMeans.Point point = SweepMeans.of(sweep, rows).stream().filter(p -> p.values().get(0).equals(estimateAt)).findFirst().orElse(null);
        String you = "You estimated λ = " + typed.strip().replace('-', '−') + " at " + key + " = " + estimateAt + ". ";
        if (point == null) return you + "This sweep has no point at " + key + " = " + estimateAt + ": include it in the range to compare.";
        double off = estimate - point.mean();
        String measured = "Your sweep measured " + Readings.stated(point.mean(), point.standardError()) + " (mean of " + point.seeds()
                + " networks). ";
        if (Math.abs(off) <= 2 * point.standardError()) return you + measured + "Within two standard errors: right.";
        boolean signKnown = Math.abs(point.mean()) > 2 * point.standardError();
        String sign = !signKnown ? "" : Math.signum(estimate) == Math.signum(point.mean()) ? " The sign is right." : " The sign is wrong.";
        return you + measured + String.format(Locale.ROOT, "Off by %.2g, %.0f standard errors.", Math.abs(off),
                Math.abs(off) / point.standardError()) + sign;
    }
}
