package org.rnnlab.ui.exercise;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.List;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.run.LabService;

/** Exercise 3: FORCE learning of a readout fed back into the network. */
@Route(ForceView.ROUTE)
@Menu(order = 3, title = "3 · FORCE learning", icon = "vaadin:academy-cap")
@PageTitle("FORCE learning · RNN Lab")
public class ForceView extends GuidedExerciseView {
    static final String ROUTE = "exercise-3";
    static final String READOUT = "z = \\mathbf{w}^T \\tanh(\\mathbf{x})";
    static final String FEEDBACK = "\\frac{d\\mathbf{x}}{dt} = -\\mathbf{x} + g J \\tanh(\\mathbf{x}) + z\\, \\mathbf{u}";
    static final String RLS = "\\mathbf{q} = P \\tanh(\\mathbf{x}), \\quad c = \\frac{1}{1 + \\mathbf{q}^T \\tanh(\\mathbf{x})}";
    static final String UPDATE = "P \\rightarrow P - c\\, \\mathbf{q}\\mathbf{q}^T, \\quad \\mathbf{w} \\rightarrow \\mathbf{w} + c\\,(f - z)\\, \\mathbf{q}";
    static final String TARGET = "f(t) = \\cos\\!\\left(\\frac{2\\pi t}{50}\\right), \\qquad P(0) = I/\\alpha";
    static final String FOUR_SINES = "f(t) = \\frac{1.3}{1.5}\\left[\\sin\\frac{\\pi t}{60} + \\tfrac{1}{2}\\sin\\frac{2\\pi t}{60} "
            + "+ \\tfrac{1}{6}\\sin\\frac{3\\pi t}{60} + \\tfrac{1}{3}\\sin\\frac{4\\pi t}{60}\\right]";
    static final String SPARSE = "J_{ij} = \\frac{m_{ij}\\, G_{ij}}{\\sqrt{pN}}, \\quad m_{ij} \\sim \\mathrm{Bernoulli}(p), \\quad "
            + "G_{ij} \\sim \\mathcal{N}(0, 1)";
    /** Sussillo and Abbott's (2009) network and schedule: 1440 time units of learning, then 1440 of testing. */
    static final ExperimentConfig PAPER = Presets.of(3,
            "n=1000&p=0.1&g=1.5&alpha=1&mode=continuous&target=four-sines&tmax=2880&train=1440");
    /** Step 1's settings, as the seeds step offers them. */
    static final ExperimentConfig NOTEBOOK = Presets.of(3, "");

    public ForceView(LabService lab) {
        super(lab, 3, ROUTE, "Exercise 3 · FORCE learning", steps());
    }

    /** The two predictions of a FORCE run, judged by its test error (RMSE below 0.1: kept). */
    static final Prediction.Choice KEEPS = new Prediction.Choice("keeps", "It keeps the rhythm (test RMSE below 0.1)", Prediction.Outcome.KEEPS_RHYTHM);
    static final Prediction.Choice LOSES = new Prediction.Choice("loses", "It loses the rhythm", Prediction.Outcome.LOSES_RHYTHM);

    static List<GuideStep> steps() {
        GuideText text = GuideText.of(3);
        GuideText.Step stops = text.step("learning-stops");
        GuideText.Step continuous = text.step("continuous-time");
        GuideText.Step paper = text.step("paper");
        return List.of(
                GuideStep.runs(text.step("rhythm"), List.of(READOUT, FEEDBACK, RLS, UPDATE, TARGET), List.of(NOTEBOOK),
                        List.of("FORCE, notebook mode"), 1),
                GuideStep.runs(stops, List.of(READOUT, FEEDBACK), List.of(Presets.of(3, "train=100")), List.of("training until t = 100"), 1)
                        .predicting(stops.predict(), 0, KEEPS, LOSES),
                GuideStep.runs(continuous, List.of(READOUT, FEEDBACK), List.of(Presets.of(3, "mode=continuous")),
                        List.of("FORCE, continuous mode"), 1)
                        .predicting(continuous.predict(), 0, KEEPS, LOSES),
                GuideStep.runs(text.step("harder-target"), List.of(READOUT, FEEDBACK),
                        List.of(Presets.of(3, "mode=continuous&target=four-sines&tmax=1000&train=600")), List.of("four sines"), 1),
                GuideStep.free(text.step("explore"), List.of(READOUT, FEEDBACK, RLS, UPDATE), Presets.of(3, "target=triangle")),
                GuideStep.runs(paper, List.of(READOUT, FEEDBACK, SPARSE, FOUR_SINES), List.of(PAPER), List.of("Sussillo & Abbott's network"), 1)
                        .predicting(paper.predict(), 0, KEEPS, LOSES),
                GuideStep.seeds(text.step("ten-seeds"), List.of(FEEDBACK), List.of(NOTEBOOK, PAPER),
                        List.of("Step 1: dense J, notebook mode, cosine, learning until t = 300",
                                "Step 6: the paper's network (sparse J, continuous mode, four sines, learning until t = 1440)")));
    }
}
