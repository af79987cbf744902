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
        return List.of(
                GuideStep.runs("Learning a rhythm",
                        List.of("A readout z adds up the neurons' rates with weights w, and is fed back into the network through "
                                        + "u. FORCE learning (Sussillo & Abbott, 2009) adjusts w at every step by recursive least "
                                        + "squares so that z follows the target f(t), from the very first step: the error stays "
                                        + "small all along, and the feedback tames the chaos.",
                                "As in the notebook: steps of dt = 1, learning until t = 300 (shaded), then the network runs on "
                                        + "its own until t = 800. Top: target (red) and output (blue). Bottom: the size of each "
                                        + "change of w (the sum of |Δw_i| of that step's update), on a log axis.",
                                "One thing to keep in mind: like the notebook, this mode takes steps of dt = 1 with tanh(x) "
                                        + "held over each step, a discrete-time map that imitates the differential equation rather "
                                        + "than solving it; the continuous mode (step 3) solves it with steps of 0.1."),
                        List.of(READOUT, FEEDBACK, RLS, UPDATE, TARGET), List.of(Presets.of(3, "")), List.of("FORCE, notebook mode"), 1,
                        "Why does |Δw| fall during learning?",
                        "Each change is c (f − z) q: the error f − z is kept small, and P, the running inverse of the rates' "
                                + "correlation matrix, shrinks as evidence piles up, so each new sample moves w less and less."),
                GuideStep.runs("After learning stops",
                        List.of("In step 1 learning stopped at t = 300; here it stops early, at t = 100. Has the network "
                                + "learned to produce the rhythm on its own? The test error (RMSE and mean absolute error after "
                                + "learning stops) appears under the charts."),
                        List.of(READOUT, FEEDBACK), List.of(Presets.of(3, "train=100")), List.of("training until t = 100"), 1,
                        "Does a shorter training still work? Try other seeds on the free step (5): does it always work?",
                        "Rarely. Over seeds 1 to 10 at these settings (n = 1000, notebook mode, learning until t = 100) only 1 "
                                + "network of 10 kept the rhythm once learning stopped (test RMSE below 0.1, a tenth of the "
                                + "target's amplitude); the others drift to another pattern. With learning until t = 300, as in "
                                + "step 1, 8 of the 10 kept it: seed 1, the one shown in step 1, is one of the 2 that did not "
                                + "(RMSE 0.15). FORCE needs time for w to settle, and even then it does not work on every network.")
                        .predicting("Before you press Run: will the network keep the rhythm once learning stops at t = 100?", 0, KEEPS, LOSES),
                GuideStep.runs("Continuous time",
                        List.of("The notebook's steps of dt = 1 are coarse. Sussillo and Abbott integrate with dt = 0.1 and update "
                                + "w every second step. Same network, same target."),
                        List.of(READOUT, FEEDBACK), List.of(Presets.of(3, "mode=continuous")), List.of("FORCE, continuous mode"), 1,
                        "Compare the test error with the notebook mode.",
                        "For this network (seed 1) it is much smaller (RMSE about 0.03 against 0.15). Over seeds 1 to 10, "
                                + "continuous mode kept the rhythm for 8 networks (test RMSE below 0.1), as many as notebook "
                                + "mode, and had the smaller error for 5 of the 10. Ten seeds cannot tell the two modes apart: "
                                + "5 of 10 is what chance gives (sign test, p = 1).")
                        .predicting("Before you press Run: will this network keep the rhythm once learning stops?", 0, KEEPS, LOSES),
                GuideStep.runs("A harder target",
                        List.of("The paper's target: four harmonics, period 120. Learning runs to t = 600 here."),
                        List.of(READOUT, FEEDBACK), List.of(Presets.of(3, "mode=continuous&target=four-sines&tmax=1000&train=600")),
                        List.of("four sines"), 1,
                        "Where do z and f differ once learning stops?",
                        "Look at the chart after t = 600, where z runs on its own: the readout is a weighted sum of the "
                                + "neurons' rates, so z can only contain what their activity contains, and whatever part of f "
                                + "the network does not produce, z lacks. The test error under the charts measures the whole "
                                + "difference; compare it with the cosine's in step 3."),
                GuideStep.free("Explore",
                        List.of("Everything is free: mode, RLS's α, end of learning, target, n, g and the seed. Try a "
                                + "square wave, g = 1 (no chaos to begin with), or α = 1000.",
                                "α sets the start of P = I/α. The first update of w is e r / (α + |r|²), with r the n rates, "
                                        + "so the first updates hardly depend on α while α is small against |r|² (the sum of the n "
                                        + "squared rates); an α as large as |r|² or larger makes them smaller. It is not "
                                        + "the notebook's lr, which only switches learning off after t = 300 (here: the end of "
                                        + "learning)."),
                        List.of(READOUT, FEEDBACK, RLS, UPDATE), Presets.of(3, "target=triangle"),
                        "What happens with g = 1 or g = 0.8?",
                        "Measured at this step's settings (triangle, notebook mode, learning until t = 300, n = 1000) over seeds "
                                + "1 to 10, the network kept the rhythm (test RMSE below 0.1) for 7 of 10 seeds at g = 0.8, 10 of 10 "
                                + "at g = 1 and at g = 1.2, 3 of 10 at g = 1.5 and none at g = 1.8. So FORCE does not need the "
                                + "network to be chaotic before learning, and too much chaos defeats it. \"Try 10 seeds\" "
                                + "checks any setting."),
                // Steps keep their numbers once published: new steps go here, after the free step.
                GuideStep.runs("The paper's network",
                        List.of("Sussillo & Abbott (2009) trained this network: N = 1000 neurons, each receiving from a random "
                                        + "tenth of the others (p = 0.1, with couplings of variance 1/(pN), so that g = 1.5 means "
                                        + "what it means in the dense network), feedback weights u uniform in [−1, 1], α = 1, steps "
                                        + "of dt = 0.1 with an update of w every second step (our continuous mode) and their four-sines "
                                        + "target. Learning runs for 1440 time units, then the network runs on its own for 1440 more.",
                                "As they do, we report the mean absolute error |z − f| of each phase, under the charts: the "
                                        + "training error (learning on, shaded) and the test error (learning off).",
                                "Where this run differs from their published code: we hold the input over each step of 0.1 and "
                                        + "integrate that exactly (the exponential step), where their code takes Euler steps, "
                                        + "x → (1 − dt) x + dt (g J r + u z); our network starts from x0 uniform in [−0.5, 0.5] with "
                                        + "small random readout weights w0, theirs from x0 = 0.5 × Normal(0, 1) with w = 0; our errors "
                                        + "average one sample per time unit, theirs every step of 0.1; and we draw each link of J "
                                        + "with probability p, where they use MATLAB's sprandn."),
                        List.of(READOUT, FEEDBACK, SPARSE, FOUR_SINES), List.of(PAPER), List.of("Sussillo & Abbott's network"), 1,
                        "How small are the two errors, and does the network keep the rhythm when learning stops?",
                        "For this network (seed 1) the training MAE is 0.0038 and the test MAE 0.0049 (test RMSE 0.0068): it "
                                + "keeps the rhythm through all 1440 time units without learning, the test error barely above "
                                + "the training error. It is not so on every network: over seeds 1 to 10 at these settings, 9 of "
                                + "10 kept the rhythm (test RMSE below 0.1); seed 6 drifted to another pattern (test MAE 0.38). "
                                + "The next step runs the ten."),
                GuideStep.seeds("Try 10 seeds",
                        List.of("How often does FORCE work? Choose the settings and press Try 10 seeds: the same settings run "
                                        + "on ten networks, seeds 1 to 10, one after the other as one job on the server's queue. "
                                        + "Each network's test error fills the table and the chart as it arrives; the paper's "
                                        + "network takes longer (28800 steps a network).",
                                "A network counts as having kept the rhythm when its test RMSE (learning off) is below 0.1, "
                                        + "about a tenth of the target's amplitude; the line above the table counts them."),
                        List.of(FEEDBACK), List.of(NOTEBOOK, PAPER),
                        List.of("Step 1: dense J, notebook mode, cosine, learning until t = 300",
                                "Step 6: the paper's network (sparse J, continuous mode, four sines, learning until t = 1440)"),
                        "Which networks fail, and does the paper's setup fail as often?",
                        "Measured at these settings: with step 1's, 8 of the 10 networks kept the rhythm; seeds 1 and 8 did "
                                + "not (test RMSE 0.15 and 0.64). The paper's network kept it 9 of 10 times: all but seed 6 "
                                + "(test RMSE 0.60). 9 against 8 of 10 is within chance (Fisher's exact test, p = 1), and the "
                                + "two setups differ in four things at once (sparse J, finer steps, target, length of learning), "
                                + "so this cannot say which of them helps, if any. It does show that even Sussillo and Abbott's "
                                + "setup does not tame every network."));
    }
}
