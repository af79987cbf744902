package org.rnnlab.ui.exercise;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.List;
import org.rnnlab.run.LabService;
import org.rnnlab.ui.run.SweepStep;

/** Exercise 1: the transition to chaos as g grows past 1. */
@Route(ChaosView.ROUTE)
@Menu(order = 1, title = "1 · Transition to chaos", icon = "vaadin:chart-line")
@PageTitle("Transition to chaos · RNN Lab")
public class ChaosView extends GuidedExerciseView {
    static final String ROUTE = "exercise-1";
    static final String MODEL = "\\frac{d\\mathbf{x}}{dt} = -\\mathbf{x} + g J \\tanh(\\mathbf{x})";
    static final String COUPLINGS = "J_{ij} \\sim \\mathcal{N}\\!\\left(0, \\tfrac{1}{N}\\right), \\quad x_i(0) \\sim \\mathcal{U}(-0.5, 0.5)";

    public ChaosView(LabService lab) {
        super(lab, 1, ROUTE, "Exercise 1 · Transition to chaos", steps());
    }

    /** The two predictions of a run of exercise 1, judged by its measured λ. */
    static final Prediction.Choice DECAYS = new Prediction.Choice("decays", "It decays to rest", Prediction.Outcome.CONVERGES);
    static final Prediction.Choice FLUCTUATES = new Prediction.Choice("fluctuates", "It keeps fluctuating (chaos)", Prediction.Outcome.CHAOTIC);

    static List<GuideStep> steps() {
        return List.of(
                new GuideStep("The model",
                        List.of("N = 1000 rate neurons, each with an activity x_i, are coupled at random: neuron j drives neuron i "
                                        + "through the weight g J_ij, where J is a random matrix with entries of mean 0 and variance 1/N "
                                        + "and g, the gain, sets their overall strength.",
                                "Near x = 0, tanh(x) ≈ x and the network is linear: dx/dt ≈ (−1 + gJ) x. Quiet activity is stable as "
                                        + "long as every eigenvalue μ of gJ has Re μ < 1. For a large random J the eigenvalues fill a "
                                        + "disc of radius g (the circular law): choose g = 0.5, 1 and 1.5 above the spectrum and compare.",
                                "A few eigenvalues lie exactly on the horizontal axis. J is real, so its complex eigenvalues come in "
                                        + "conjugate pairs (mirror images across the axis), while real ones need no partner: a real "
                                        + "random matrix of size N has about √(2N/π) of them, 25 for N = 1000 (Edelman, Kostlan & "
                                        + "Shub, 1994). The line under the chart counts them for this network."),
                        List.of(MODEL, COUPLINGS), GuideStep.Kind.SPECTRUM, List.of(Presets.of(1, "")), List.of("spectrum"), 1,
                        "For which g does the disc first cross the line Re μ = 1?",
                        "At g ≈ 1: the disc has radius g, so its rightmost point is near Re μ = g (for this network the line "
                                + "under the chart gives the exact value). Below that every mode of the linearised network decays and "
                                + "x = 0 is stable; above it some modes grow until tanh saturates them. For a large network this is "
                                + "where chaos sets in (Sompolinsky, Crisanti & Sommers, 1988), but that is a large-N result: a "
                                + "finite network just past the edge can also settle on a fixed point or a cycle (see the Explore step)."),
                GuideStep.runs("Weak coupling, g = 0.5",
                        List.of("Start the network from a random state and watch 10 random neurons, as in the notebook.",
                                "Look at how the activity settles: does it go anywhere interesting?"),
                        List.of(MODEL), List.of(Presets.of(1, "g=0.5")), List.of("g = 0.5"), 1,
                        "How fast does the activity decay, and why that rate?",
                        "Exponentially, roughly as exp(−(1−g)t) = exp(−t/2): the slowest mode of −1 + gJ has eigenvalue about −1 + g, "
                                + "since the largest real part of gJ is about g. All activity dies out; the network forgets its start.")
                        .predicting("Before you press Run: will the activity decay to rest, or keep fluctuating?", 0, DECAYS, FLUCTUATES),
                GuideStep.runs("At the edge, g = 1",
                        List.of("Now the rightmost eigenvalues of gJ sit at Re μ ≈ 1, right on the edge of stability."),
                        List.of(MODEL), List.of(Presets.of(1, "g=1")), List.of("g = 1"), 1,
                        "Compare with g = 0.5: what changed in how the activity fades?",
                        "Up to t = 50 it fades far more slowly than at g = 0.5, and not as one exponential: many modes of "
                                + "−1 + J decay at rates close to 0 (critical slowing down). What a long run does depends on the "
                                + "network: if its rightmost eigenvalue μ₁ of J has Re μ₁ < 1, the activity decays to 0, in the end at "
                                + "the rate 1 − Re μ₁; if Re μ₁ > 1 (1 of seeds 1 to 6: seed 5), x = 0 is slightly "
                                + "unstable and the activity grows slowly away from it until tanh bounds it. This one (seed 1) has "
                                + "Re μ₁ = 0.986 (step 1 shows it): it decays, at the rate 0.014 in the end. On the Explore step, "
                                + "set g = 1 and tmax = 1000, then seed 5 (Re μ₁ = 1.011)."),
                GuideStep.runs("Strong coupling, g = 1.5",
                        List.of("Past the edge the quiet state is unstable. Watch what the network does instead, up to t = 300 "
                                + "(longer than the notebook's 50: at g = 1.5 nearby states part slowly, and a short run cannot "
                                + "measure how slowly)."),
                        List.of(MODEL), List.of(Presets.of(1, "g=1.5&tmax=300")), List.of("g = 1.5"), 1,
                        "Does the activity settle, repeat, or something else? Try another seed on the Explore step: what stays the same?",
                        "It fluctuates irregularly and never settles or repeats: this is chaos. Another seed gives a different "
                                + "pattern, but its statistics stay the same: fluctuations of order 1 on a time scale of a few units.")
                        .predicting("Before you press Run: will the activity decay to rest, or keep fluctuating?", 0, DECAYS, FLUCTUATES),
                GuideStep.runs("Side by side",
                        List.of("The notebook's figure: the same network and initial state at g = 0.5, 1 and 1.5.",
                                "One difference: the notebook draws 10 new random neurons for each panel; here every panel shows "
                                        + "the same 10 (chosen from the seed), so you can follow one neuron across the three gains."),
                        List.of(MODEL), List.of(Presets.of(1, "g=0.5"), Presets.of(1, "g=1"), Presets.of(1, "g=1.5")),
                        List.of("g = 0.5", "g = 1", "g = 1.5"), 3,
                        "Where between g = 1 and 1.5 would you expect the change from decay to chaos?",
                        "At g = 1 for an infinite network. In a finite one the quiet state x = 0 stops attracting where "
                                + "g · max Re μ(J) = 1, and the rightmost eigenvalue of J is not exactly at 1 (for N = 1000 and "
                                + "seeds 1 to 6 it lies between 0.974 and 1.011). That is where decay stops, not necessarily where "
                                + "chaos starts: step 8 measures λ on networks of 400 and finds it too close to zero to call at "
                                + "g = 1.25."),
                GuideStep.free("Explore",
                        List.of("Every parameter is yours now. Try g = 1.1, a small network (n = 50), a long run, another seed, "
                                + "or the RK4 solver.",
                                "Over t ≤ 50 the RK4 solver and the default solver agree to 3e-8 at g = 1.5 (5e-9 at g = 0.5). In a chaotic network "
                                        + "such tiny differences do not stay tiny: they grow like exp(λt), where λ, the largest Lyapunov "
                                        + "exponent, is about 0.05 per unit time at g = 1.5 for a very large network (Engelken, Wolf "
                                        + "& Abbott, 2020); this network of 1000 measures 0.020 ± 0.006 (t = 50 to 300). So a difference of 3e-8 "
                                        + "reaches the size of the activity itself after roughly t ≈ 900 (ln(1/3e-8)/0.020; 700 to "
                                        + "1200 within λ's error): on a run that long the two solvers' traces part ways, while at "
                                        + "g = 0.5 they stay together: sensitivity to initial conditions is what chaos means "
                                        + "(the next step shows it)."),
                        List.of(MODEL), Presets.of(1, "g=1.2"),
                        "With n = 50, is the transition still at g = 1?",
                        "Not sharply: the transition at g = 1 is a large-N result. A network of 50 has its own rightmost "
                                + "eigenvalue (step 1's panel shows it for any n and seed), and where its chaos begins has to be "
                                + "measured: run step 8 with n = 50 and a few seeds."),
                new GuideStep("Two nearly identical starts",
                        List.of("Run the same network twice: from x0, and from a start ε = 1e-8 away in a random direction. Top: "
                                        + "three neurons from both starts (the second in a lighter shade). Bottom: the natural log of "
                                        + "the distance between the two states.",
                                "If the distance grows like exp(λt), its log is a straight line of slope λ, the largest Lyapunov "
                                        + "exponent. The line is fitted from t = 5 until the states are no longer close, and its "
                                        + "slope is printed under the charts."),
                        List.of(MODEL), GuideStep.Kind.TWINS,
                        List.of(Presets.of(1, "g=0.5&tmax=100"), Presets.of(1, "g=1.5&tmax=300"), Presets.of(1, "g=2&tmax=200")),
                        List.of("g = 0.5", "g = 1.5", "g = 2"), 1,
                        "At g = 0.5, 1.5 and 2, what does the log distance do, and what does that say about predicting the network?",
                        "At g = 0.5 the distance shrinks: the fitted slope is about −0.53 for this network, a little steeper "
                                + "than the decay rate of the slowest mode, 1 − g Re μ₁ ≈ 0.51 (step 1 shows μ₁), because faster "
                                + "modes still contribute early on; any small error is forgotten. (Below a distance of about 1e-13 "
                                + "the two runs differ only by rounding, so the fit stops there.) At g = 1.5 "
                                + "and 2 it grows along a straight line: a difference of 1e-8 (a rounding error, another solver) "
                                + "becomes as large as the activity itself after a time of about ln(size/ε)/λ. That is why a "
                                + "chaotic run cannot be predicted far ahead, though its statistics can. For a large network the "
                                + "theory gives λ = 0.047 at g = 1.5 and 0.113 at g = 2 (Engelken, Wolf & Abbott, 2020); the slope "
                                + "this network gives is printed under the charts: compare."),
                GuideStep.sweep("λ against g",
                        List.of("The largest Lyapunov exponent λ measured at 11 gains from g = 0.5 to 3, on 3 networks (seeds 1, 2 "
                                        + "and 3) of n = 400 neurons, each run from t = 0 to 200 with its twin (the first tenth left "
                                        + "out as transient). A point is the mean over the networks, its bar the standard error of "
                                        + "that mean; the points appear as each network's runs finish.",
                                "The line is the theory for a very large network (Engelken, Wolf & Abbott, 2020, from the "
                                        + "mean-field theory of Sompolinsky, Crisanti & Sommers, 1988); g ≤ 1, where the quiet "
                                        + "state x = 0 is stable, is shaded. n = 400 keeps the sweep short; change n, the range "
                                        + "or the seeds below the chart and run it again."),
                        List.of(MODEL), Presets.of(1, "n=400&tmax=200"), new SweepStep.Plan(List.of("g=0.5:3:11"), 3),
                        "Where does λ change sign? How do the measured points compare with the theory below and above g = 1?",
                        "Below g = 1, λ < 0: x = 0 attracts every state, and λ is the rate of its slowest mode, "
                                + "g · max Re μ(J) − 1 (minus that mode's decay rate). At g = 0.5 network 1 measures λ = −0.516 ± 0.003, and its rightmost "
                                + "eigenvalue, max Re μ(J) = 0.968, gives 0.5 × 0.968 − 1 = −0.516. At g = 1 the mean is "
                                + "−0.047 ± 0.016 (a finite network's edge is not exactly at 1) and at g = 1.25 it is "
                                + "−0.008 ± 0.015, too close to zero to call. From g = 1.5 on λ > 0 and grows with g: chaos. "
                                + "Every mean above g = 1 lies below the large-n curve: 0.019 ± 0.008 against 0.047 at g = 1.5 "
                                + "and 0.094 ± 0.006 against 0.113 at g = 2, each about three and a half standard errors below "
                                + "it; at g = 3, 0.219 ± 0.010 against 0.236 is 1.7, which three networks cannot tell from "
                                + "chance. A finite network is less chaotic than the theory's infinite one; relative to the "
                                + "theory, the gap is largest near the transition."));
    }
}
