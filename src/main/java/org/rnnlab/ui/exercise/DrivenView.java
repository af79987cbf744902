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
        GuideText text = GuideText.of(2);
        GuideText.Step weak = text.step("weak-input");
        GuideText.Step map = text.step("map");
        List<ExperimentConfig> grid = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (String omega : List.of("1", "2", "4")) {
            for (String a : List.of("0.5", "2", "5")) {
                grid.add(Presets.of(2, "a=" + a + "&omega=" + omega));
                titles.add("A = " + a + ", ω = " + omega);
            }
        }
        return List.of(
                GuideStep.runs(weak, List.of(MODEL, INPUT), List.of(Presets.of(2, "a=0.5&omega=1")), List.of("A = 0.5, ω = 1"), 1)
                        .predicting(weak.predict(), 0,
                                new Prediction.Choice("suppressed", "It suppresses the chaos (nearby states converge)", Prediction.Outcome.CONVERGES),
                                new Prediction.Choice("chaotic", "The network stays chaotic", Prediction.Outcome.CHAOTIC)),
                GuideStep.runs(text.step("grid"), List.of(MODEL), grid, titles, 3),
                GuideStep.free(text.step("explore"), List.of(MODEL), Presets.of(2, "a=1.5&omega=2")),
                GuideStep.sweep(map, List.of(MAP_MODEL, ONE_PHASE, RANDOM_PHASES), Presets.of(2, "n=200&g=3&tmax=100"),
                        new SweepStep.Plan(List.of("omega=0.25:4:5:log", "a=0,1,2,4,8,16"), 2, List.of("phase")))
                        .predicting(map.predict(), 0,
                                new Prediction.Choice("slowest", "The slowest input suppresses chaos most easily", Prediction.Outcome.EASIEST_SLOWEST),
                                new Prediction.Choice("inside", "A frequency inside the map does (a resonance)", Prediction.Outcome.EASIEST_INSIDE),
                                new Prediction.Choice("fastest", "The fastest input does", Prediction.Outcome.EASIEST_FASTEST)));
    }
}
