package org.rnnlab.ui.exercise;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.rnnlab.core.Spectrum;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.run.Job;
import org.rnnlab.run.LabBusyException;
import org.rnnlab.run.LabService;
import org.rnnlab.run.NetworkFigures;
import org.rnnlab.run.RunGroup;
import org.rnnlab.ui.component.TimeSeriesChart;
import org.rnnlab.ui.component.TimeSeriesChart.Series;

/**
 * The model's parameters made visible: the histogram of {@code sqrt(n) J_ij} against the standard normal
 * density, and the eigenvalues of {@code g J} with the circle of radius {@code g}. Both are computed by a job on
 * the lab's scheduler (queued and shared like any run, stopped with the page), never on the request thread.
 */
public class SpectrumPanel extends Div {
    private final LabService lab;
    private final ExperimentConfig config;
    private final Select<String> gain = new Select<>();
    private final Button show = new Button("Show eigenvalues", VaadinIcon.PLAY.create());
    private final Span status = new Span();
    private final Span reading = new Span();
    private final TimeSeriesChart eigen = new TimeSeriesChart();
    private final TimeSeriesChart histogram = new TimeSeriesChart();
    private final RunGroup group;
    private @Nullable NetworkFigures figures;
    private @Nullable Job<NetworkFigures> job;

    public SpectrumPanel(LabService lab, RunGroup group, ExperimentConfig config) {
        this.lab = lab;
        this.group = group;
        this.config = config;
        addClassName("spectrum-panel");
        gain.setLabel("Gain g");
        // The guide's three gains, and the run's own.
        java.util.TreeSet<Double> gains = new java.util.TreeSet<>(List.of(0.5, 1.0, 1.5, config.g()));
        gain.setItems(gains.stream().map(SpectrumPanel::text).toList());
        gain.setValue(text(config.g()));
        gain.setId("spectrum-g");
        gain.addValueChangeListener(e -> draw());
        show.setId("run");
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        show.addClickListener(e -> compute());
        status.setId("status");
        status.getElement().setAttribute("role", "status");
        eigen.setWidthFull();
        histogram.setWidthFull();
        HorizontalLayout bar = new HorizontalLayout(show, gain);
        bar.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        reading.setId("spectrum-reading");
        reading.addClassName("spectrum-reading");
        add(bar, status, eigen, reading, histogram);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (event.isInitialAttach()) {
            compute(); // about a second at n = 1000; kept for everyone after the first
        } else {
            drawHistogram();
            draw();
        }
    }

    private void compute() {
        UI ui = getUI().orElseThrow();
        Job<NetworkFigures> submitted;
        try {
            submitted = lab.spectrum(config.n(), config.seed(), config.p(), group);
        } catch (LabBusyException e) {
            status.setText(e.getMessage());
            show.setEnabled(true);
            return;
        }
        job = submitted;
        show.setEnabled(false);
        status.setText("Computing the " + config.n() + " eigenvalues of J...");
        Runnable unsubscribe = lab.subscribe(() -> ui.access(this::showQueuePosition));
        submitted.result().whenComplete((result, error) -> ui.access(() -> {
            unsubscribe.run();
            show.setEnabled(true);
            if (error != null) {
                Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                status.setText(cause instanceof CancellationException ? "Stopped before the eigenvalues were computed."
                        : "Failed: the eigenvalues could not be computed (" + submitted.failure() + ").");
                return;
            }
            figures = result;
            status.setText(String.format(Locale.ROOT, "Done: %d eigenvalues in %.2f s.", result.eigenvalues()[0].length,
                    submitted.elapsedSeconds()));
            drawHistogram();
            draw();
        }));
    }

    /** What is shown (null until computed). */
    public @Nullable NetworkFigures figures() {
        return figures;
    }

    /** While the job waits in line, the status says where, every tick. */
    private void showQueuePosition() {
        Job<NetworkFigures> j = job;
        int position = j == null ? 0 : j.queuePosition();
        if (position > 0) status.setText("Queued: position " + position + " in line; the server is busy with other computations.");
    }

    /** Eigenvalues of gJ as points (sorted by real part) and the circle |lambda| = g, on one chart. */
    private void draw() {
        double g = Double.parseDouble(gain.getValue());
        double r = Math.max(2, 1.15 * g);
        eigen.configure(new TimeSeriesChart.Options("Eigenvalues of gJ (g = " + gain.getValue() + ") and the circle of radius g",
                "real part", "imaginary part", false, new double[] {-r, r}, new double[] {-r, r}, 340,
                List.of(new Series("eigenvalues", "#1f77b4", true), Series.line("|λ| = g", "#d62728"),
                        Series.line("", "#d62728"), Series.line("Re μ = 1: instability", "#2ca02c"))));
        NetworkFigures shown = figures;
        if (shown == null) return;
        double[][] eigenvaluesOfJ = shown.eigenvalues();
        reading.setText(describe(shown, g));
        record Point(double x, double eig, double upper, double lower, double edge) {}
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < eigenvaluesOfJ[0].length; i++) {
            points.add(new Point(g * eigenvaluesOfJ[0][i], g * eigenvaluesOfJ[1][i], Double.NaN, Double.NaN, Double.NaN));
        }
        for (int k = 0; k <= 200; k++) {
            double x = -g + 2 * g * k / 200;
            double y = Math.sqrt(Math.max(0, g * g - x * x));
            points.add(new Point(x, Double.NaN, y, -y, Double.NaN));
        }
        points.add(new Point(1, Double.NaN, Double.NaN, Double.NaN, -2));
        points.add(new Point(1, Double.NaN, Double.NaN, Double.NaN, 2));
        points.sort((a, b) -> Double.compare(a.x(), b.x()));
        eigen.append(points.stream().mapToDouble(Point::x).toArray(), points.stream().mapToDouble(Point::eig).toArray(),
                points.stream().mapToDouble(Point::upper).toArray(), points.stream().mapToDouble(Point::lower).toArray(),
                points.stream().mapToDouble(Point::edge).toArray());
    }

    /**
     * What this network's spectrum says at gain {@code g}, read off the computed eigenvalues: where the rightmost
     * one of gJ lies (so whether x = 0 is stable for this very network) and how many are real.
     */
    static String describe(NetworkFigures figures, double g) {
        Spectrum.Summary s = Spectrum.summarize(figures.eigenvalues());
        double edge = g * s.rightmostReal();
        return String.format(Locale.ROOT, "This network (n = %d, seed = %d): the rightmost eigenvalue of J is at Re μ₁ = %.4f, so "
                + "that of gJ is at %.4f: x = 0 is %s at g = %s. %d of the %d eigenvalues are real (on the horizontal axis).",
                figures.n(), figures.seed(), s.rightmostReal(), edge, edge < 1 ? "stable (every mode decays)"
                        : "unstable (a mode grows)", text(g), s.realCount(), figures.eigenvalues()[0].length);
    }

    private static String text(double g) {
        return g == Math.rint(g) ? Long.toString((long) g) : Double.toString(g);
    }

    /**
     * Histogram of sqrt(n) J_ij against its density: Normal(0, 1) for a dense J; for connection probability p < 1 the
     * links present are Normal(0, 1/p) (variance 1/(p n) each), so the line is p times that density, and the other
     * 1 − p of the couplings are the spike at 0.
     */
    private void drawHistogram() {
        NetworkFigures shown = figures;
        if (shown == null) return;
        double[] density = shown.couplingDensity();
        double p = config.p();
        double[] x = new double[NetworkFigures.BINS];
        double[] expected = new double[NetworkFigures.BINS];
        for (int b = 0; b < x.length; b++) {
            x[b] = NetworkFigures.binCentre(b);
            expected[b] = p * Math.sqrt(p) * Math.exp(-p * x[b] * x[b] / 2) / Math.sqrt(2 * Math.PI);
        }
        String line = p == 1 ? "Normal(0, 1)" : "links present: " + text(p) + " × Normal(0, 1/" + text(p) + ")";
        histogram.configure(new TimeSeriesChart.Options("Distribution of √n·J_ij (n = " + config.n() + ")", "√n·J_ij", "density",
                false, new double[] {NetworkFigures.LOW, NetworkFigures.HIGH}, null, 220,
                List.of(new Series("histogram", "#1f77b4", true), Series.line(line, "#d62728"))));
        histogram.append(x, density, expected);
    }
}
