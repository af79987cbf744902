package org.rnnlab.ui.exercise;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.ui.run.SweepStep;

/**
 * One step of a guided exercise: what to read, the equations, the runs it presets (one chart set each, in
 * {@code columns} columns) and a question with its answer. The words come from the exercise's content file
 * ({@link GuideText}); the view adds the structure.
 *
 * @param kind  RUNS: preset runs; FREE: every control open, one run; SPECTRUM: the eigenvalues of gJ; TWINS: the
 *              same network from two nearby starts (its runs are the gains offered); SWEEP: the Lyapunov exponent
 *              over a grid of keys and seeds of its one run ({@code sweep} says which); SEEDS: "Try 10 seeds" on one
 *              of its runs (the settings offered, named by its run titles)
 * @param sweep      what a SWEEP step varies by default; null for the other kinds
 * @param prediction what the student commits to before the run, judged by the run's measurement; null for none
 * @param details    what the answer rests on (per-seed numbers, caveats, where a paper differs), folded away under the
 *                   answer so that the answer itself stays short; paragraphs separated by a blank line; may be empty
 */
public record GuideStep(String title, List<String> paragraphs, List<String> equations, Kind kind,
        List<ExperimentConfig> runs, List<String> runTitles, int columns, String question, String answer,
        SweepStep.@Nullable Plan sweep, String details, @Nullable Prediction prediction) {

    public enum Kind {
        RUNS,
        FREE,
        SPECTRUM,
        TWINS,
        SWEEP,
        SEEDS
    }

    /**
     * This step asking {@code question} before its run {@code run} (0-based), with {@code choices} as {@code key, label,
     * outcome} triples.
     */
    GuideStep predicting(String question, int run, Prediction.Choice... choices) {
        return new GuideStep(title, paragraphs, equations, kind, runs, runTitles, columns, this.question, answer, sweep, details,
                new Prediction(question, List.of(choices), run));
    }

    /** This sweep step asking for an estimate of λ where its key is {@code at}, before the sweep. */
    GuideStep estimating(String question, String at) {
        return new GuideStep(title, paragraphs, equations, kind, runs, runTitles, columns, this.question, answer, sweep, details,
                Prediction.estimate(question, at));
    }

    /** A step of {@code kind} with the words of {@code text}. */
    static GuideStep of(GuideText.Step text, List<String> equations, Kind kind, List<ExperimentConfig> runs, List<String> runTitles,
            int columns) {
        return new GuideStep(text.title(), text.paragraphs(), equations, kind, runs, runTitles, columns, text.question(), text.answer(),
                null, text.details(), null);
    }

    static GuideStep runs(GuideText.Step text, List<String> equations, List<ExperimentConfig> runs, List<String> runTitles, int columns) {
        return of(text, equations, Kind.RUNS, runs, runTitles, columns);
    }

    static GuideStep free(GuideText.Step text, List<String> equations, ExperimentConfig start) {
        return of(text, equations, Kind.FREE, List.of(start), List.of(text.title()), 1);
    }

    static GuideStep seeds(GuideText.Step text, List<String> equations, List<ExperimentConfig> settings, List<String> settingTitles) {
        return of(text, equations, Kind.SEEDS, settings, settingTitles, 1);
    }

    /** A step measuring λ of {@code base} over the grid and seeds of {@code plan}, filling a chart live. */
    static GuideStep sweep(GuideText.Step text, List<String> equations, ExperimentConfig base, SweepStep.Plan plan) {
        return new GuideStep(text.title(), text.paragraphs(), equations, Kind.SWEEP, List.of(base), List.of(text.title()), 1,
                text.question(), text.answer(), plan, text.details(), null);
    }
}
