package org.rnnlab.ui.exercise;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.List;
import org.rnnlab.run.LabService;
import org.rnnlab.ui.MainLayout;

/** Exercise 3: FORCE learning of a readout fed back into the network. */
@Route(value = ForceView.ROUTE, layout = MainLayout.class)
@PageTitle("FORCE learning · RNN Lab")
public class ForceView extends GuidedExerciseView {
    static final String ROUTE = "exercise-3";
    static final String READOUT = "z = \\mathbf{w}^T \\tanh(\\mathbf{x})";
    static final String FEEDBACK = "\\frac{d\\mathbf{x}}{dt} = -\\mathbf{x} + g J \\tanh(\\mathbf{x}) + z\\, \\mathbf{u}";
    static final String RLS = "\\mathbf{q} = P \\tanh(\\mathbf{x}), \\quad c = \\frac{1}{1 + \\mathbf{q}^T \\tanh(\\mathbf{x})}";
    static final String UPDATE = "P \\rightarrow P - c\\, \\mathbf{q}\\mathbf{q}^T, \\quad \\mathbf{w} \\rightarrow \\mathbf{w} + c\\,(f - z)\\, \\mathbf{q}";
    static final String TARGET = "f(t) = \\cos\\!\\left(\\frac{2\\pi t}{50}\\right), \\qquad P(0) = I/\\alpha";

    public ForceView(LabService lab) {
        super(lab, 3, ROUTE, "Exercise 3 · FORCE learning", steps());
    }

    static List<GuideStep> steps() {
        return List.of(
                GuideStep.runs("Learning a rhythm",
                        List.of("A readout z adds up the neurons' rates with weights w, and is fed back into the network through "
                                        + "u. FORCE learning (Sussillo & Abbott, 2009) adjusts w at every step by recursive least "
                                        + "squares so that z follows the target f(t), from the very first step: the error stays "
                                        + "small all along, and the feedback tames the chaos.",
                                "As in the notebook: steps of dt = 1, learning until t = 300 (shaded), then the network runs on "
                                        + "its own until t = 800. Top: target (red) and output (blue). Bottom: the size of each "
                                        + "change of w, on a log axis."),
                        List.of(READOUT, FEEDBACK, RLS, UPDATE, TARGET), List.of(Presets.of(3, "")), List.of("FORCE, notebook mode"), 1,
                        "Why does |Δw| fall during learning?",
                        "Each change is c (f − z) q: the error f − z is kept small, and P, the running inverse of the rates' "
                                + "correlation matrix, shrinks as evidence piles up, so each new sample moves w less and less."),
                GuideStep.runs("After learning stops",
                        List.of("Learning stops at t = 300. Has the network learned to produce the rhythm on its own? The test "
                                + "error (RMSE and mean absolute error over t > 300) appears under the charts.",
                                "Here training stops early, at t = 100."),
                        List.of(READOUT, FEEDBACK), List.of(Presets.of(3, "train=100")), List.of("training until t = 100"), 1,
                        "Does a shorter training still work? Try other seeds on the last step: does it always work?",
                        "Often it does: the cosine is learned within a few periods. But not always: now and then the network "
                                + "drifts to another pattern once learning is off (over ten seeds at n = 1000, about three fail). "
                                + "Longer training and larger networks make success more likely."),
                GuideStep.runs("Continuous time",
                        List.of("The notebook's steps of dt = 1 are coarse. Sussillo and Abbott integrate with dt = 0.1 and update "
                                + "w every second step. Same network, same target."),
                        List.of(READOUT, FEEDBACK), List.of(Presets.of(3, "mode=continuous")), List.of("FORCE, continuous mode"), 1,
                        "Compare the test error with the notebook mode.",
                        "Usually smaller: with finer steps the output is smoother and learning sees 5 times more samples."),
                GuideStep.runs("A harder target",
                        List.of("The paper's target: four harmonics, period 120. Learning runs to t = 600 here."),
                        List.of(READOUT, FEEDBACK), List.of(Presets.of(3, "mode=continuous&target=four-sines&tmax=1000&train=600")),
                        List.of("four sines"), 1,
                        "Which features of the target are the hardest to reproduce?",
                        "The small, fast harmonics: the network's activity has to contain those frequencies for a linear "
                                + "readout to combine them."),
                GuideStep.free("Explore",
                        List.of("Everything is free: mode, learning rate α, end of learning, target, n, g and the seed. Try a "
                                + "square wave, g = 1 (no chaos to begin with), or α = 0.01."),
                        List.of(READOUT, FEEDBACK, RLS, UPDATE), Presets.of(3, "target=triangle"),
                        "What happens with g = 1 or g = 0.8?",
                        "Without chaos the network has little rich activity to build the output from, and after learning the "
                                + "output tends to decay or drift: FORCE works best from the chaotic regime, g a bit above 1."));
    }
}
