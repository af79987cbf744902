package org.rnnlab.ui.exercise;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.List;
import org.rnnlab.run.LabService;
import org.rnnlab.ui.MainLayout;

/** Exercise 1: the transition to chaos as g grows past 1. */
@Route(value = ChaosView.ROUTE, layout = MainLayout.class)
@PageTitle("Transition to chaos · RNN Lab")
public class ChaosView extends GuidedExerciseView {
    static final String ROUTE = "exercise-1";
    static final String MODEL = "\\frac{d\\mathbf{x}}{dt} = -\\mathbf{x} + g J \\tanh(\\mathbf{x})";
    static final String COUPLINGS = "J_{ij} \\sim \\mathcal{N}\\!\\left(0, \\tfrac{1}{N}\\right), \\quad x_i(0) \\sim \\mathcal{U}(-0.5, 0.5)";

    public ChaosView(LabService lab) {
        super(lab, 1, ROUTE, "Exercise 1 · Transition to chaos", steps());
    }

    static List<GuideStep> steps() {
        return List.of(
                new GuideStep("The model",
                        List.of("N = 1000 rate neurons, each with an activity x_i, are coupled at random: neuron j drives neuron i "
                                        + "through the weight g J_ij, where J is a random matrix with entries of mean 0 and variance 1/N "
                                        + "and g, the gain, sets their overall strength.",
                                "Near x = 0, tanh(x) ≈ x and the network is linear: dx/dt ≈ (−1 + gJ) x. Quiet activity is stable as "
                                        + "long as every eigenvalue λ of gJ has Re λ < 1. For a large random J the eigenvalues fill a "
                                        + "disc of radius g (the circular law): press the button and compare g = 0.5, 1 and 1.5."),
                        List.of(MODEL, COUPLINGS), GuideStep.Kind.SPECTRUM, List.of(Presets.of(1, "")), List.of("spectrum"), 1,
                        "For which g does the disc first cross the line Re λ = 1?",
                        "At g = 1: the disc has radius g, so its rightmost point is at Re λ = g. Below 1 every mode of the "
                                + "linearised network decays; above 1 some grow until tanh saturates them. That is where chaos begins "
                                + "(Sompolinsky, Crisanti & Sommers, 1988)."),
                GuideStep.runs("Weak coupling, g = 0.5",
                        List.of("Start the network from a random state and watch 10 random neurons, as in the notebook.",
                                "Look at how the activity settles: does it go anywhere interesting?"),
                        List.of(MODEL), List.of(Presets.of(1, "g=0.5")), List.of("g = 0.5"), 1,
                        "How fast does the activity decay, and why that rate?",
                        "Exponentially, roughly as e^{−(1−g)t} = e^{−t/2}: the slowest mode of −1 + gJ has eigenvalue about −1 + g, "
                                + "since the largest real part of gJ is about g. All activity dies out; the network forgets its start."),
                GuideStep.runs("At the edge, g = 1",
                        List.of("Now the rightmost eigenvalues of gJ sit at Re λ ≈ 1, right on the edge of stability."),
                        List.of(MODEL), List.of(Presets.of(1, "g=1")), List.of("g = 1"), 1,
                        "Compare with g = 0.5: what changed in how the activity fades?",
                        "It still decays, but far more slowly, and not as a single exponential: the slowest modes hardly decay at "
                                + "all (critical slowing down). Run it longer (tmax) on the last step to see how slowly."),
                GuideStep.runs("Strong coupling, g = 1.5",
                        List.of("Past the edge the quiet state is unstable. Watch what the network does instead."),
                        List.of(MODEL), List.of(Presets.of(1, "g=1.5")), List.of("g = 1.5"), 1,
                        "Does the activity settle, repeat, or something else? Try another seed on the last step: what stays the same?",
                        "It fluctuates irregularly and never settles or repeats: this is chaos. Another seed gives a different "
                                + "pattern, but its statistics stay the same: fluctuations of order 1 on a time scale of a few units."),
                GuideStep.runs("Side by side",
                        List.of("The notebook's figure: the same network and initial state at g = 0.5, 1 and 1.5."),
                        List.of(MODEL), List.of(Presets.of(1, "g=0.5"), Presets.of(1, "g=1"), Presets.of(1, "g=1.5")),
                        List.of("g = 0.5", "g = 1", "g = 1.5"), 3,
                        "Where between g = 1 and 1.5 would you expect the change from decay to chaos?",
                        "At g = 1 for an infinite network. A finite network has a fuzzy edge: the disc of eigenvalues has a "
                                + "ragged border of width about 1/√N, so the transition is smeared around g = 1."),
                GuideStep.free("Explore",
                        List.of("Every parameter is yours now. Try g = 1.1, a small network (n = 50), a long run, another seed, "
                                + "or the RK4 solver (the same numbers to about 1e-6)."),
                        List.of(MODEL), Presets.of(1, "g=1.2"),
                        "With n = 50, is the transition still at g = 1?",
                        "Roughly, but a small network is ragged: chaos may set in a little above or below 1, and may even die out "
                                + "after a long transient. The sharp transition at g = 1 is a large-N result."));
    }
}
