package org.rnnlab.ui.exercise;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.List;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.run.LabService;
import org.rnnlab.ui.run.SweepStep;

/** Exercise 2: a sinusoidal input suppresses chaos when strong enough. */
@Route(DrivenView.ROUTE)
@Menu(order = 2, title = "2 · Driven network", icon = "vaadin:signal")
@PageTitle("Driven network · RNN Lab")
public class DrivenView extends GuidedExerciseView {
    static final String ROUTE = "exercise-2";
    static final String MODEL = "\\frac{d\\mathbf{x}}{dt} = -\\mathbf{x} + g J \\tanh(\\mathbf{x}) + \\mathbf{u}\\, A \\cos(\\omega t)";
    static final String INPUT = "u_i \\sim \\mathcal{U}(-1, 1), \\quad g = 1.5";
    /** The map step's model: the input I(t) is one of the two below (the seed's one phase, or random phases). */
    static final String MAP_MODEL = "\\frac{d\\mathbf{x}}{dt} = -\\mathbf{x} + g J \\tanh(\\mathbf{x}) + \\mathbf{I}(t), \\quad g = 3";
    static final String ONE_PHASE = "\\text{one phase: } I_i = u_i A \\cos(\\omega t), \\quad u_i \\sim \\mathcal{U}(-1, 1)";
    /** The random-phase input (Rajan, Abbott and Sompolinsky 2010). */
    static final String RANDOM_PHASES = "\\text{random phases: } I_i = A \\cos(\\omega t + \\theta_i), \\quad \\theta_i \\sim \\mathcal{U}[0, 2\\pi)";

    public DrivenView(LabService lab) {
        super(lab, 2, ROUTE, "Exercise 2 · A driven network", steps());
    }

    static List<GuideStep> steps() {
        List<ExperimentConfig> grid = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (String omega : List.of("1", "2", "4")) {
            for (String a : List.of("0.5", "2", "5")) {
                grid.add(Presets.of(2, "a=" + a + "&omega=" + omega));
                titles.add("A = " + a + ", ω = " + omega);
            }
        }
        return List.of(
                GuideStep.runs("Weak input",
                        List.of("Take the chaotic network of exercise 1 (g = 1.5) and drive every neuron with the same sine wave, "
                                        + "weighted by a random u_i between −1 and 1.",
                                "First a weak input: A = 0.5 at ω = 1. Three random neurons are shown."),
                        List.of(MODEL, INPUT), List.of(Presets.of(2, "a=0.5&omega=1")), List.of("A = 0.5, ω = 1"), 1,
                        "Can you see the input's period (2π ≈ 6.3) in the activity?",
                        "Hardly: the network's own chaotic fluctuations dominate; the input only nudges them.")
                        .predicting("Before you press Run: will this weak input suppress the chaos?", 0,
                                new Prediction.Choice("suppressed", "It suppresses the chaos (nearby states converge)", Prediction.Outcome.CONVERGES),
                                new Prediction.Choice("chaotic", "The network stays chaotic", Prediction.Outcome.CHAOTIC)),
                GuideStep.runs("The 3 × 3 grid",
                        List.of("The notebook's figure: frequencies ω = 1, 2, 4 (rows) and amplitudes A = 0.5, 2, 5 (columns). "
                                + "Nine runs fill in live, all from the same network and initial state.",
                                "Unlike the notebook, which draws 3 new random neurons for each panel, every panel here shows the "
                                        + "same 3 neurons, so the panels compare neuron by neuron."),
                        List.of(MODEL), grid, titles, 3,
                        "Which panels look periodic? Does a fast input need more or less amplitude to tame the chaos?",
                        "Judge by the number under each panel, not by eye: the largest Lyapunov exponent λ (negative: nearby "
                                + "states converge, the chaos is suppressed), measured by a twin from t = 5 to 50. A = 5 suppresses "
                                + "it at ω = 1 (λ = −0.277 ± 0.011) and ω = 2 (−0.095 ± 0.007), but at ω = 4 λ = +0.018 ± 0.009 is "
                                + "too close to call. A = 2 is too close to call at ω = 1 and 2 and chaotic at ω = 4 "
                                + "(+0.028 ± 0.009). So on this network a faster input needs a larger amplitude. One reason: each "
                                + "neuron low-pass filters its input (the −x term), so a sine of frequency ω reaches x at about "
                                + "A/√(1 + ω²).")
                        .withDetails("Verdicts use one rule on every page: chaotic if λ is more than two standard errors above 0, "
                                + "suppressed if more than two below, otherwise too close to call (a longer tmax shrinks the error). "
                                + "The weak input, A = 0.5, leaves the network chaotic at ω = 1 (+0.026 ± 0.009) and ω = 2 "
                                + "(+0.024 ± 0.006); at ω = 4 (+0.017 ± 0.009) it is too close to call.\n\n"
                                + "These are one network and one run each: whether a faster input needs more amplitude in "
                                + "general is what the suppression map (step 4) measures, over a range of ω and A and two networks."),
                GuideStep.free("Explore",
                        List.of("Find, for ω = 2, the smallest A that makes the activity periodic. Then try another seed or g."),
                        List.of(MODEL), Presets.of(2, "a=1.5&omega=2"),
                        "How does the threshold amplitude change with g?",
                        "Find out: the stronger the coupling g, the faster nearby states separate in the undriven network "
                                + "(larger Lyapunov exponent), so expect a larger amplitude to be needed; check it by finding the "
                                + "smallest A for g = 1.5 and for g = 2 at the same ω and seed."),
                GuideStep.sweep("The suppression map",
                        List.of("Is there a frequency at which input suppresses chaos most easily? The map measures λ at 5 "
                                        + "frequencies ω from 0.25 to 4 (columns) and amplitudes A = 0 (the undriven network, for "
                                        + "reference) and 1 to 16 (rows), each a factor 2 apart, on 2 clearly chaotic networks "
                                        + "(g = 3, seeds 1 and 2, n = 200), each run from t = 0 to 100 with its twin.",
                                "Red: chaos; blue: suppressed; pale: near 0. The black line is the critical amplitude A_c(ω), "
                                        + "where the mean λ turns negative for good (interpolated between grid rows); its values are "
                                        + "listed under the map. Choose the input: one phase (the seed's) or random phases, each "
                                        + "neuron its own (Rajan, Abbott & Sompolinsky 2010)."),
                        List.of(MAP_MODEL, ONE_PHASE, RANDOM_PHASES), Presets.of(2, "n=200&g=3&tmax=100"),
                        new SweepStep.Plan(List.of("omega=0.25:4:5:log", "a=0,1,2,4,8,16"), 2, List.of("phase")),
                        "Predict first: with random phases, will A_c be smallest at some frequency inside the map (a resonance), "
                                + "or at its slowest ω? Then run both inputs.",
                        "Neither input shows a resonance on this grid: no frequency inside it needs clearly less amplitude "
                                + "than the slowest, ω = 0.25. With one phase, A_c lies between 4 and 8 from ω = 0.25 to 2 and "
                                + "between 8 and 16 at ω = 4. With random phases it rises from between 1 and 2 at ω = 0.25 to "
                                + "between 4 and 8 at ω = 2 and 4. What the grid cannot show: a dip narrower than a factor 2 in "
                                + "ω, one below ω = 0.25, or one shallower than a factor 2 in A. Add values to the lists to look "
                                + "closer.")
                        .withDetails("Reference row: undriven, the two networks measure λ = +0.14 ± 0.03 and +0.112 ± 0.019 "
                                + "(t = 10 to 100), both more than 4 standard errors above 0, so a blue cell means the input "
                                + "suppressed real chaos.\n\n"
                                + "Rajan, Abbott & Sompolinsky (2010, abstract) found by mean-field theory, for large networks, "
                                + "that the critical input amplitude is a non-monotonic function of frequency: a resonant frequency "
                                + "where input suppresses chaos most easily. Their input has random phases, as the second choice "
                                + "here. This page simulates two finite networks on a coarse grid, so it can miss a resonance the "
                                + "theory finds; it does not test their numbers.\n\n"
                                + "Do not compare the two inputs' levels: with one phase each neuron gets u_i A, |u_i| = 0.5 on "
                                + "average, with random phases the full A, so two things differ at once (the phases and the "
                                + "strength). Compare each input's shape along ω."));
    }
}
