package org.rnnlab.ui.exercise;

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
import org.jspecify.annotations.Nullable;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.NearbyStarts;
import org.rnnlab.run.Job;
import org.rnnlab.run.LabBusyException;
import org.rnnlab.run.LabService;
import org.rnnlab.run.RunGroup;
import org.rnnlab.ui.component.Palette;
import org.rnnlab.ui.run.Readings;
import org.rnnlab.ui.component.TimeSeriesChart;
import org.rnnlab.ui.component.TimeSeriesChart.Series;

/**
 * Two nearly identical starts: the same network from x0 and from x0 + ε (a job on the scheduler), three neurons
 * of both runs overlaid, and the log of their distance against time with the fitted straight line, whose slope
 * is the largest Lyapunov exponent.
 */
public class NearbyStartsPanel extends Div {
    private final LabService lab;
    private final RunGroup group;
    private final List<ExperimentConfig> choices;
    private final Select<ExperimentConfig> gain = new Select<>();
    private final Button run = new Button("Run both", VaadinIcon.PLAY.create());
    private final Span status = new Span("Ready: press Run both.");
    private final TimeSeriesChart traces = new TimeSeriesChart();
    private final TimeSeriesChart distance = new TimeSeriesChart();
    private @Nullable NearbyStarts shown;
    private double[] fit = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};

    NearbyStartsPanel(LabService lab, RunGroup group, List<ExperimentConfig> choices) {
        this.lab = lab;
        this.group = group;
        this.choices = choices;
        addClassName("nearby-starts");
        gain.setLabel("Gain g");
        gain.setItems(choices);
        gain.setItemLabelGenerator(c -> "g = " + c.values().get("g"));
        gain.setValue(choices.get(0));
        gain.setId("twins-g");
        run.setId("run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(e -> start());
        status.setId("status");
        status.getElement().setAttribute("role", "status");
        traces.setWidthFull();
        distance.setWidthFull();
        HorizontalLayout bar = new HorizontalLayout(run, gain);
        bar.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        add(bar, status, traces, distance);
    }

    /** Runs the pair at the chosen gain (what Run does, and a link's {@code run=1}). */
    public void start() {
        ExperimentConfig config = gain.getValue();
        UI ui = UI.getCurrent();
        Job<NearbyStarts> job;
        try {
            job = lab.nearbyStarts(config, group);
        } catch (LabBusyException e) {
            status.setText(e.getMessage());
            return;
        }
        run.setEnabled(false);
        status.setText("Running the network twice, from x0 and from a start " + String.format(java.util.Locale.ROOT, "%.0e", config.eps()) + " away...");
        job.result().whenComplete((result, failure) -> ui.access(() -> {
            run.setEnabled(true);
            if (failure != null) {
                status.setText(job.failure().isEmpty() ? "Stopped." : "Failed: " + job.failure());
                return;
            }
            shown = result;
            fit = result.slope(config.n());
            status.setText(describe(config, fit));
            draw(config);
        }));
    }

    static String describe(ExperimentConfig config, double[] fit) {
        if (Double.isNaN(fit[0])) return "Done: the distance left the fitting range too soon to fit a slope.";
        // One rule for every verdict on the pages: two standard errors from zero, else too close to call.
        String verdict = !(fit[4] >= 0) ? "Too few samples in the window for a standard error, so no verdict."
                : fit[0] - 2 * fit[4] > 0 ? "The two starts part ways: chaos."
                : fit[0] + 2 * fit[4] < 0 ? "The two starts converge: no chaos."
                : "Within two standard errors of zero: too close to call from this run.";
        String rate = fit[4] >= 0 ? Readings.statedSigned(fit[0], fit[4]) : String.format(Locale.ROOT, "%+.4f", fit[0]);
        String text = String.format(Locale.ROOT, "Done: the log distance grows at %s per unit time (straight-line fit, t = %.0f to %.0f; "
                + "error from %d blocks): the largest Lyapunov exponent of this run. %s", rate, fit[2], fit[3],
                org.rnnlab.experiment.NearbyStarts.BLOCKS, verdict);
        return text + Readings.largeNTheory(config);
    }

    private void draw(ExperimentConfig config) {
        NearbyStarts r = shown;
        if (r == null) return;
        double[] time = {0, config.tmax()};
        int show = Math.min(3, r.neurons().length);
        List<Series> series = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        for (int j = 0; j < show; j++) {
            series.add(Series.line("x" + r.neurons()[j] + " from x0", Palette.of(j)));
            series.add(Series.line("x" + r.neurons()[j] + " from x0 + ε", Palette.lighter(j)));
            columns.add(r.first()[j]);
            columns.add(r.second()[j]);
        }
        traces.configure(new TimeSeriesChart.Options("Three neurons, from both starts", "time", "x", false, time, null, 240, series));
        traces.append(r.times(), columns.toArray(double[][]::new));
        double[] line = new double[r.times().length];
        for (int k = 0; k < line.length; k++) {
            double t = r.times()[k];
            line[k] = t >= fit[2] && t <= fit[3] ? fit[1] + fit[0] * t : Double.NaN;
        }
        distance.configure(new TimeSeriesChart.Options("Log of the distance |x − x′|", "time", "ln |x − x′|", false, time, null, 220,
                List.of(Series.line("ln |x − x′|", "#333333"), Series.line("fit: slope = λ", "#d62728"))));
        distance.append(r.times(), r.logDistance(), line);
    }

    /** The pair shown (null before the first run), and its fit {slope, intercept, from, to}. */
    public @Nullable NearbyStarts shown() {
        return shown;
    }

    public double slope() {
        return fit[0];
    }

    public String statusText() {
        return status.getText();
    }
}
