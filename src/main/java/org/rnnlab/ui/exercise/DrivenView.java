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
                        "Hardly: the network's own chaotic fluctuations dominate; the input only nudges them."),
                GuideStep.runs("The 3 × 3 grid",
                        List.of("The notebook's figure: frequencies ω = 1, 2, 4 (rows) and amplitudes A = 0.5, 2, 5 (columns). "
                                + "Nine runs fill in live, all from the same network and initial state.",
                                "Unlike the notebook, which draws 3 new random neurons for each panel, every panel here shows the "
                                        + "same 3 neurons, so the panels compare neuron by neuron."),
                        List.of(MODEL), grid, titles, 3,
                        "Which panels look periodic? Does a fast input need more or less amplitude to tame the chaos?",
                        "Judge by a measurement, not by eye: the largest Lyapunov exponent λ (per unit time; negative means "
                                + "nearby states converge, so the chaos is suppressed), measured on this network from a twin "
                                + "trajectory over t = 50 to 300 (longer than the panels show). At ω = 1, A = 2 gives λ = −0.022 ± 0.002 and "
                                + "A = 5 gives λ = −0.2613 ± 0.0016: suppressed. At ω = 2 only A = 5 is (λ = −0.068 ± 0.004). At ω = 4, A = 5 "
                                + "gives λ = +0.013 ± 0.007, within two standard errors of zero: too close to call. Weak input, "
                                + "A = 0.5, leaves the network chaotic at ω = 2 and 4 (at ω = 1 the estimate, +0.016 ± 0.009, is "
                                + "too close to zero to call). So on this network faster input needs a larger amplitude. "
                                + "That is not a general law: Rajan, Abbott & Sompolinsky (2010) found that the amplitude "
                                + "needed to suppress chaos is not monotonic in frequency, with a resonant frequency at which input "
                                + "suppresses chaos most easily (their input has random phases; here every neuron receives the same "
                                + "sine A cos(ωt), scaled by its weight u_i in (−1, 1): in phase or in antiphase, one time course "
                                + "for the whole network, so the numbers differ). Part of why fast input is weak: each neuron "
                                + "low-pass filters it (the −x term), so a sine of frequency ω reaches x at about A/√(1 + ω²)."),
                GuideStep.free("Explore",
                        List.of("Find, for ω = 2, the smallest A that makes the activity periodic. Then try another seed or g."),
                        List.of(MODEL), Presets.of(2, "a=1.5&omega=2"),
                        "How does the threshold amplitude change with g?",
                        "Find out: the stronger the coupling g, the faster nearby states separate in the undriven network "
                                + "(larger Lyapunov exponent), so expect a larger amplitude to be needed; check it by finding the "
                                + "smallest A for g = 1.5 and for g = 2 at the same ω and seed."),
                GuideStep.sweep("The suppression map",
                        List.of("How strong must the input be to suppress chaos, and does that depend on its frequency? The "
                                        + "map measures λ of the g = 1.5 network at 9 frequencies ω from 0.25 to 4 (columns) and 8 "
                                        + "amplitudes A from 0.125 to 16 (rows), both in equal ratios, on 2 networks (seeds 1 and 2) "
                                        + "of n = 200 neurons, each run from t = 0 to 100 with its twin.",
                                "A cell's colour is the mean of λ over the networks: red where nearby states part (chaos), "
                                        + "blue where they converge (suppressed), pale near 0. The map fills as the cells are measured, up to "
                                        + org.rnnlab.experiment.LyapunovMeasurement.MAX_BATCH + " at a time. "
                                        + "The black line is the critical amplitude A_c(ω): in each column, where the mean λ turns "
                                        + "negative for good, interpolated between the last cell with λ ≥ 0 and the next one up "
                                        + "(in log A). Its values are listed under the map, and the data (one row per cell and "
                                        + "network) download as CSV."),
                        List.of(MODEL, INPUT), Presets.of(2, "n=200&tmax=100"),
                        new SweepStep.Plan(List.of("omega=0.25:4:9:log", "a=0.125:16:8:log"), 2),
                        "Rajan, Abbott & Sompolinsky (2010) found that the critical amplitude is not monotonic in frequency: "
                                + "there is a resonant frequency at which input suppresses chaos most easily. Their input has "
                                + "random phases across neurons; here every neuron receives the same sine, scaled by its weight u_i "
                                + "in (−1, 1) (in phase or in antiphase). Does this model show such a resonance between ω = 0.25 "
                                + "and 4?",
                        "Not in this range: here the slowest input suppresses chaos most easily. A_c is 0.34 at ω = 0.25, the "
                                + "smallest of the map, and 3.04 at ω = 4. In between it rises with wiggles (2.04 at ω = 1 but "
                                + "1.02 at ω = 1.41; the largest, 4.09, at ω = 2): near A_c, λ is close to zero by definition, and two networks of 200 neurons "
                                + "run to t = 100 cannot fix its sign well there. Add seeds or neurons to sharpen the line. One "
                                + "reason fast input is weak: each neuron low-pass filters it (the −x term), so a drive of "
                                + "frequency ω reaches x at about A/√(1 + ω²). With random phases the input never pushes all "
                                + "neurons together, which changes how it competes with the network's own fluctuations: the "
                                + "resonance Rajan, Abbott & Sompolinsky (2010) found need not appear with a single phase."));
    }
}
