package org.rnnlab.ui.exercise;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.List;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.run.LabService;
import org.rnnlab.ui.MainLayout;

/** Exercise 2: a sinusoidal input suppresses chaos when strong enough. */
@Route(value = DrivenView.ROUTE, layout = MainLayout.class)
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
                                + "Nine runs fill in live, all from the same network and initial state."),
                        List.of(MODEL), grid, titles, 3,
                        "Which panels look periodic? Does a fast input need more or less amplitude to tame the chaos?",
                        "Strong input (A = 5, and A = 2 at low frequency) makes every neuron follow the input periodically: the "
                                + "chaos is suppressed. Faster input needs a larger amplitude, because the neurons low-pass filter "
                                + "it (the −x term): the drive they feel shrinks like A/√(1 + ω²) (Rajan, Abbott & Sompolinsky, 2010)."),
                GuideStep.free("Explore",
                        List.of("Find, for ω = 2, the smallest A that makes the activity periodic. Then try another seed or g."),
                        List.of(MODEL), Presets.of(2, "a=1.5&omega=2"),
                        "How does the threshold amplitude change with g?",
                        "The stronger the coupling g, the stronger the chaos and the larger the amplitude needed to suppress it."));
    }
}
