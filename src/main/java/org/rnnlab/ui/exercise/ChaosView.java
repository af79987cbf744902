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
        GuideText text = GuideText.of(1);
        GuideText.Step weak = text.step("weak-coupling");
        GuideText.Step strong = text.step("strong-coupling");
        GuideText.Step lambdaG = text.step("lambda-against-g");
        return List.of(
                GuideStep.of(text.step("model"), List.of(MODEL, COUPLINGS), GuideStep.Kind.SPECTRUM, List.of(Presets.of(1, "")),
                        List.of("spectrum"), 1),
                GuideStep.runs(weak, List.of(MODEL), List.of(Presets.of(1, "g=0.5")), List.of("g = 0.5"), 1)
                        .predicting(weak.predict(), 0, DECAYS, FLUCTUATES),
                GuideStep.runs(text.step("edge"), List.of(MODEL), List.of(Presets.of(1, "g=1")), List.of("g = 1"), 1),
                // To t = 300, not the notebook's 50: at t = 50 this network's λ (+0.009 ± 0.008) is too close to call.
                GuideStep.runs(strong, List.of(MODEL), List.of(Presets.of(1, "g=1.5&tmax=300")), List.of("g = 1.5"), 1)
                        .predicting(strong.predict(), 0, DECAYS, FLUCTUATES),
                GuideStep.runs(text.step("side-by-side"), List.of(MODEL),
                        List.of(Presets.of(1, "g=0.5"), Presets.of(1, "g=1"), Presets.of(1, "g=1.5")), List.of("g = 0.5", "g = 1", "g = 1.5"), 3),
                GuideStep.free(text.step("explore"), List.of(MODEL), Presets.of(1, "g=1.2")),
                GuideStep.of(text.step("two-starts"), List.of(MODEL), GuideStep.Kind.TWINS,
                        List.of(Presets.of(1, "g=0.5&tmax=100"), Presets.of(1, "g=1.5&tmax=300"), Presets.of(1, "g=2&tmax=200")),
                        List.of("g = 0.5", "g = 1.5", "g = 2"), 1),
                GuideStep.sweep(lambdaG, List.of(MODEL), Presets.of(1, "n=400&tmax=200"), new SweepStep.Plan(List.of("g=0.5:3:11"), 3))
                        .estimating(lambdaG.predict(), "2"));
    }
}
