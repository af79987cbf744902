package org.rnnlab.ui.run;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.rnnlab.core.TraceLog;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.run.Job;
import org.rnnlab.run.LabBusyException;
import org.rnnlab.run.LabService;
import org.rnnlab.run.RunGroup;
import org.rnnlab.run.RunHandle;
import org.rnnlab.ui.component.Palette;
import org.rnnlab.ui.component.TimeSeriesChart;
import org.rnnlab.ui.component.TimeSeriesChart.Series;

/**
 * What FORCE does inside the network, beside its output: a few neurons' activity through learning and after it
 * (chaotic at first, then following the rhythm the feedback imposes), the error |z − f| on a log axis, and, once
 * the run is done, the eigenvalues of the loop g J + u wᵀ with the initial readout and with the trained one (a job
 * on the scheduler): learning pushes a few eigenvalues out of the disc, and they carry the learned rhythm.
 */
public class ForceCockpit extends Div {
    private final ExperimentConfig config;
    private final LabService lab;
    private final RunGroup group;
    private final TimeSeriesChart activity = new TimeSeriesChart();
    private final TimeSeriesChart error = new TimeSeriesChart();
    private final TimeSeriesChart loop = new TimeSeriesChart();
    private final Span loopStatus = new Span();
    private @Nullable RunHandle run;
    private double[][][] loopEigenvalues = new double[0][][];

    ForceCockpit(ExperimentConfig config, LabService lab, RunGroup group) {
        this.config = config;
        this.lab = lab;
        this.group = group;
        addClassName("force-cockpit");
        activity.setWidthFull();
        error.setWidthFull();
        loop.setWidthFull();
        loopStatus.addClassName("loop-status");
        loopStatus.getElement().setAttribute("role", "status");
        add(activity, error, loopStatus, loop);
        configure();
    }

    /** Gives the charts their options (again, after the element was re-attached). */
    void configure() {
        double[] time = {0, config.tmax()};
        List<Series> neurons = new ArrayList<>();
        int[] plotted = config.plottedNeurons();
        for (int j = 0; j < plotted.length; j++) neurons.add(Series.line("x" + plotted[j], Palette.of(j)));
        activity.configure(new TimeSeriesChart.Options("Activity of " + plotted.length + " neurons", "time", "x", false, time, null,
                200, neurons));
        activity.setShade(0, config.train());
        error.configure(new TimeSeriesChart.Options("Error |z − f|", "time", "|z − f|", true, time, null, 160,
                List.of(Series.line("|z − f|", "#9467bd"))));
        error.setShade(0, config.train());
        drawLoop();
    }

    void follow(@Nullable RunHandle next) {
        run = next;
        activity.clear();
        error.clear();
        loopEigenvalues = new double[0][][];
        drawLoop();
        loopStatus.setText("");
        if (next == null) return;
        getUI().ifPresent(ui -> next.result().thenAccept(outcome -> ui.access(() -> {
            if (run == next && outcome.readout() != null) requestLoop(ui, outcome.readout());
        })));
    }

    void append(TraceLog.Frames f, RunHandle from) {
        if (from != run) return;
        activity.append(f.times(), f.neurons());
        double[] e = new double[f.size()];
        for (int k = 0; k < e.length; k++) e[k] = Math.abs(f.output()[k] - f.target()[k]);
        error.append(f.times(), e);
    }

    private void requestLoop(UI ui, double[] trained) {
        Job<double[][][]> job;
        try {
            job = lab.loopSpectrum(config, trained, group);
        } catch (LabBusyException e) {
            loopStatus.setText(e.getMessage());
            return;
        }
        loopStatus.setText("Computing the eigenvalues of g J + u wᵀ before and after learning...");
        RunHandle forRun = run;
        job.result().whenComplete((eig, failure) -> ui.access(() -> {
            if (run != forRun) return;
            if (failure != null) {
                loopStatus.setText("The loop's eigenvalues could not be computed: " + (job.failure().isEmpty() ? "stopped" : job.failure()));
                return;
            }
            loopEigenvalues = eig;
            loopStatus.setText(describe(eig));
            drawLoop();
        }));
    }

    /** The rightmost eigenvalue before and after learning, for the status line and screen readers. */
    static String describe(double[][][] eig) {
        double[] before = rightmost(eig[0]);
        double[] after = rightmost(eig[1]);
        return String.format(Locale.ROOT, "Rightmost eigenvalue of g J + u wᵀ: %.3f %s %.3fi before learning, %.3f %s %.3fi after.",
                before[0], before[1] < 0 ? "−" : "+", Math.abs(before[1]), after[0], after[1] < 0 ? "−" : "+", Math.abs(after[1]));
    }

    private static double[] rightmost(double[][] eig) {
        int best = 0;
        for (int i = 1; i < eig[0].length; i++) if (eig[0][i] > eig[0][best]) best = i;
        return new double[] {eig[0][best], eig[1][best]};
    }

    /** Both spectra as points on one chart (x must ascend for the chart: the points are merged and sorted). */
    private void drawLoop() {
        loop.configure(new TimeSeriesChart.Options("Eigenvalues of g J + u wᵀ", "real part", "imaginary part", false, null, null, 300,
                List.of(new Series("before learning (w0)", "#7f7f7f", true), new Series("after learning (w)", "#d62728", true))));
        if (loopEigenvalues.length == 0) return;
        record Point(double x, double before, double after) {}
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < loopEigenvalues[0][0].length; i++) points.add(new Point(loopEigenvalues[0][0][i], loopEigenvalues[0][1][i], Double.NaN));
        for (int i = 0; i < loopEigenvalues[1][0].length; i++) points.add(new Point(loopEigenvalues[1][0][i], Double.NaN, loopEigenvalues[1][1][i]));
        points.sort((a, b) -> Double.compare(a.x(), b.x()));
        loop.append(points.stream().mapToDouble(Point::x).toArray(), points.stream().mapToDouble(Point::before).toArray(),
                points.stream().mapToDouble(Point::after).toArray());
    }

    /** The loop's eigenvalues shown ([0] before, [1] after learning), empty until computed. */
    public double[][][] loopEigenvalues() {
        return loopEigenvalues;
    }
}
