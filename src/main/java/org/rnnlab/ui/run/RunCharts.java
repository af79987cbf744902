package org.rnnlab.ui.run;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.rnnlab.core.ForceRun;
import org.rnnlab.core.LyapunovEstimate;
import org.rnnlab.experiment.LyapunovMeasurement;
import org.rnnlab.core.TraceLog;
import org.rnnlab.experiment.ExperimentConfig;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.streams.DownloadEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import org.rnnlab.run.Job;
import org.rnnlab.run.LabBusyException;
import org.rnnlab.run.LabService;
import org.rnnlab.run.RunGroup;
import org.rnnlab.run.RunStatus;
import org.rnnlab.run.RunHandle;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.rnnlab.ui.component.Palette;
import org.rnnlab.ui.component.TimeSeriesChart;
import org.rnnlab.ui.component.TimeSeriesChart.Series;

/**
 * The charts of one run, fed from its frames: neuron traces for exercises 1 and 2; target and output (the
 * learning phase shaded) and {@code sum |dw|} on a log axis for FORCE, with the training error (mean absolute, as
 * Sussillo and Abbott report it) and the test error once learning stops.
 * Keeps a cursor into the frames, so a batch is sent once, and a re-attached chart is refilled from the start.
 * "Download data" gives the run's files as a ZIP (see {@link #download}).
 */
public class RunCharts extends Div {
    private final ExperimentConfig config;
    private final TimeSeriesChart main = new TimeSeriesChart();
    private final @Nullable TimeSeriesChart weights;
    private final @Nullable ForceCockpit cockpit;
    private final Span trainError = new Span();
    private final Span testError = new Span();
    private final Span downloadStatus = new Span();
    private final Span lyapunov = new Span();
    private @Nullable LyapunovEstimate lyapunovShown;
    private @Nullable RunHandle run;
    private int sent;
    /** The test-phase error of what was shown, by the core's own definition (see ForceRun). */
    private ForceRun.ErrorStats shownTestError = new ForceRun.ErrorStats();
    /** The training-phase error ({@code t <= train}) of what was shown, split as {@link org.rnnlab.experiment.ForceErrors} splits it. */
    private ForceRun.ErrorStats shownTrainError = new ForceRun.ErrorStats();

    public RunCharts(ExperimentConfig config, String title, LabService lab, RunGroup group) {
        this.config = config;
        addClassName("run-charts");
        add(main);
        main.setWidthFull();
        double[] time = {0, config.tmax()};
        if (config.isForce()) {
            // No fixed output range: the axis follows the target and the output, so neither is ever cut off.
            main.configure(new TimeSeriesChart.Options(title, "time", "output", false, time, null, 240,
                    List.of(Series.line("target f(t)", "#d62728"), Series.line("output z(t)", "#1f77b4"))));
            main.setShade(0, config.train());
            weights = new TimeSeriesChart();
            weights.setWidthFull();
            weights.configure(new TimeSeriesChart.Options("Weight change per update", "time", "Σ |Δw_i|", true, time,
                    null, 180, List.of(Series.line("sum |Δw_i| per update", "#333333"))));
            trainError.addClassName("train-error");
            testError.addClassName("test-error");
            cockpit = new ForceCockpit(config, lab, group);
            add(weights, new Div(trainError), new Div(testError), cockpit);
        } else {
            weights = null;
            cockpit = null;
            List<Series> series = new ArrayList<>();
            int[] neurons = config.plottedNeurons();
            for (int j = 0; j < neurons.length; j++) series.add(Series.line("x" + neurons[j], Palette.of(j)));
            int height = config.exercise() == 2 ? 200 : 260;
            main.configure(new TimeSeriesChart.Options(title, "time", "x", false, time, null, height, series));
            lyapunov.addClassName("lyapunov");
            lyapunov.getElement().setAttribute("role", "status");
            add(lyapunov);
        }
        Button png = new Button("PNG", VaadinIcon.DOWNLOAD_ALT.create(), e -> {
            main.downloadPng(name(title) + ".png");
            if (weights != null) weights.downloadPng(name(title) + "-dw.png");
        });
        png.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        png.addClassName("png-download");
        png.setTooltipText("Download the chart as a PNG image");
        Anchor data = new Anchor((DownloadHandler) event -> download(event, lab, group, name(title) + ".zip"), "Download data");
        data.addClassName("data-download");
        data.getElement().setAttribute("download", true);
        downloadStatus.addClassName("download-status");
        downloadStatus.getElement().setAttribute("role", "status");
        add(new Div(png, data, downloadStatus));
        // A re-attached element is new in the browser: give it its options and every frame again.
        addAttachListener(e -> {
            if (e.isInitialAttach()) return;
            main.configure(main.options());
            if (weights != null) {
                main.setShade(0, config.train());
                weights.configure(weights.options());
            }
            if (cockpit != null) cockpit.configure();
            refill();
        });
    }

    /**
     * Serves "Download data": the run is computed again from its config (the same seed gives the same numbers) by
     * a download job on the scheduler, which writes every state to a temporary ZIP. This request thread only
     * waits for it, while the page shows its place in line; then the whole file goes out with its length, or,
     * if the job failed or was stopped, an error status and no file, so a browser never keeps half a ZIP.
     */
    private void download(DownloadEvent event, LabService lab, RunGroup group, String fileName) throws IOException {
        UI ui = event.getUI();
        Job<LabService.Download> job;
        try {
            job = lab.download(config, group);
        } catch (LabBusyException e) {
            event.getResponse().setStatus(503);
            ui.access(() -> downloadStatus.setText(e.getMessage()));
            return;
        }
        ui.access(() -> downloadStatus.setText("Preparing the data..."));
        Runnable unsubscribe = lab.subscribe(() -> ui.access(() -> {
            int position = job.queuePosition();
            downloadStatus.setText(position > 0 ? "Download queued: position " + position + " in line..." : "Preparing the data...");
        }));
        LabService.Download file = null;
        try {
            file = job.result().get();
            event.setFileName(fileName);
            event.setContentType("application/zip");
            event.setContentLength(file.bytes());
            try (OutputStream out = event.getOutputStream()) {
                Files.copy(file.file(), out);
            }
            String size = String.format(Locale.ROOT, "%.1f MB", file.bytes() / 1e6);
            ui.access(() -> downloadStatus.setText("Data ready (" + size + ")."));
        } catch (InterruptedException | ExecutionException | CancellationException e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            event.getResponse().setStatus(503);
            String why = job.status() == RunStatus.FAILED ? "Download failed: " + job.failure() + "."
                    : "Download stopped before the data were ready.";
            ui.access(() -> downloadStatus.setText(why));
        } finally {
            unsubscribe.run();
            if (file != null) file.delete();
        }
    }

    /** File name stem of this run's downloads. */
    private String name(String title) {
        return "rnnlab-exercise" + config.exercise() + "-" + title.replaceAll("[^A-Za-z0-9.]+", "_");
    }

    public ExperimentConfig config() {
        return config;
    }

    public TimeSeriesChart mainChart() {
        return main;
    }

    public @Nullable TimeSeriesChart weightChart() {
        return weights;
    }

    public @Nullable ForceCockpit cockpit() {
        return cockpit;
    }

    /** The Lyapunov job of this chart's run is under way. */
    void lyapunovPending() {
        lyapunov.setText("Measuring the largest Lyapunov exponent (a twin trajectory started " + String.format(java.util.Locale.ROOT, "%.0e", config.eps()) + " away)...");
    }

    /**
     * Shows the measured exponent and what it says: chaotic when it is more than two standard errors above 0, not
     * chaotic (or, under input, chaos suppressed) when more than two below, otherwise too close to call from this
     * run. Beside it, for an undriven network, the large-N value at this g (Sompolinsky et al.; Engelken et al.).
     */
    void showLyapunov(@Nullable LyapunovEstimate estimate, String failure) {
        lyapunovShown = estimate;
        if (estimate == null) {
            lyapunov.setText(failure.isEmpty() ? "" : "The Lyapunov exponent could not be measured: " + failure);
            return;
        }
        lyapunov.setText(String.format(Locale.ROOT, "Largest Lyapunov exponent λ = %s per unit time (t = %s to %s): %s.",
                Readings.statedSigned(estimate.exponent(), estimate.standardError()), Readings.time(LyapunovMeasurement.from(estimate)),
                Readings.time(LyapunovMeasurement.to(estimate)), Readings.verdict(estimate, config)) + Readings.largeNTheory(config));
    }

    /** The exponent shown under the chart (null until measured). */
    public @Nullable LyapunovEstimate lyapunov() {
        return lyapunovShown;
    }

    public String lyapunovText() {
        return lyapunov.getText();
    }

    /** Follows {@code run} from its first frame (clears what was shown). */
    public void follow(@Nullable RunHandle run) {
        this.run = run;
        sent = 0;
        shownTestError = new ForceRun.ErrorStats();
        shownTrainError = new ForceRun.ErrorStats();
        trainError.setText("");
        testError.setText("");
        lyapunov.setText("");
        lyapunovShown = null;
        main.clear();
        if (weights != null) weights.clear();
        if (cockpit != null) cockpit.follow(run);
    }

    /** Samples the run has computed so far. */
    public int framesAvailable() {
        RunHandle r = run;
        return r == null ? 0 : r.frames().count();
    }

    /** Samples sent to the browser so far. */
    public int sent() {
        return sent;
    }

    /**
     * Sends frames not yet shown. Call on the UI thread.
     *
     * @return whether there was anything to send
     */
    public boolean pushNewFrames() {
        RunHandle r = run;
        if (r == null) return false;
        int available = r.frames().count();
        if (available <= sent) return false;
        TraceLog.Frames f = r.frames().slice(sent, available);
        sent = available;
        if (config.isForce()) {
            main.append(f.times(), f.target(), f.output());
            // A sample's dw sums the updates since the previous sample (5 in continuous mode): per update, both modes read alike.
            double updates = (double) config.mode().stepsPerSample() / config.mode().stepsPerUpdate();
            double[] perUpdate = f.weightChange().clone();
            for (int k = 0; k < perUpdate.length; k++) perUpdate[k] /= updates;
            if (weights != null) weights.append(f.times(), perUpdate);
            if (cockpit != null) cockpit.append(f, r);
            PinnedRuns.testError(f, config.train(), shownTestError);
            for (int k = 0; k < f.size(); k++) {
                if (f.times()[k] <= config.train()) shownTrainError.add(f.output()[k] - f.target()[k]);
            }
            if (shownTrainError.count() > 0) {
                trainError.setText(String.format(Locale.ROOT, "Training error (t ≤ %s, learning on): MAE %.4f",
                        config.values().get("train"), shownTrainError.mae()));
            }
            if (shownTestError.count() > 0) {
                testError.setText(String.format(Locale.ROOT, "Test error (t > %s, learning off): RMSE %.4f, MAE %.4f",
                        config.values().get("train"), shownTestError.rmse(), shownTestError.mae()));
            }
        } else {
            main.append(f.times(), f.neurons());
        }
        return true;
    }

    /** The live test error shown (count 0 before the test phase). */
    ForceRun.ErrorStats testErrorStats() {
        return shownTestError;
    }

    /** The training-phase mean absolute error shown so far (NaN before the first sample). */
    public double trainMae() {
        return shownTrainError.mae();
    }

    /** The live test MAE shown (NaN before the test phase). */
    public double testMae() {
        return shownTestError.mae();
    }

    public String errorText() {
        return trainError.getText() + "; " + testError.getText();
    }

    /** The live test RMSE shown (NaN before the test phase). */
    public double testRmse() {
        return shownTestError.rmse();
    }

    /** Resends everything (after the chart was detached and attached again). */
    public void refill() {
        RunHandle r = run;
        follow(r);
        pushNewFrames();
    }
}
