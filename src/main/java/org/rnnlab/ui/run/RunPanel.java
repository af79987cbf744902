package org.rnnlab.ui.run;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.core.LyapunovEstimate;
import org.rnnlab.experiment.LyapunovMeasurement;
import org.rnnlab.run.Job;
import org.rnnlab.run.LabBusyException;
import org.rnnlab.run.LabService;
import org.rnnlab.run.RunGroup;
import org.rnnlab.run.RunHandle;
import org.rnnlab.run.RunStatus;

/**
 * Run, Pause/Resume, Stop and Reset for the runs of one step (one chart set per config, e.g. the 3x3 grid),
 * a progress bar in simulated time and a status line. New frames reach the charts on the lab's ticker, a few
 * times a second, and only while this panel is attached: a closed or hidden page receives nothing.
 */
public class RunPanel extends Div {
    private final LabService lab;
    private final RunGroup group;
    private final Button run = new Button("Run", VaadinIcon.PLAY.create());
    private final Button pause = new Button("Pause", VaadinIcon.PAUSE.create());
    private final Button stop = new Button("Stop", VaadinIcon.STOP.create());
    private final Button reset = new Button("Reset", VaadinIcon.REFRESH.create());
    private final Button pin = new Button("Pin", VaadinIcon.PIN.create());
    private final Button clearPins = new Button("Clear pins", VaadinIcon.CLOSE_SMALL.create());
    private final PinnedRuns pinned = new PinnedRuns();
    private Runnable onPinsChanged = () -> {};
    /** Called on the UI thread once the step's runs are measured: the exponents shown, or FORCE's test errors. */
    private Runnable onResults = () -> {};
    private final ProgressBar progress = new ProgressBar(0, 1, 0);
    private final Span status = new Span("Ready: press Run.");
    private final Div grid = new Div();
    private final List<RunCharts> charts = new ArrayList<>();
    private final List<RunHandle> runs = new ArrayList<>();
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private @Nullable Runnable unsubscribe;
    private boolean runnable = true;
    /** All runs over and every frame shown: the ticker has nothing to bring. */
    private volatile boolean settled = true;
    /** The Lyapunov job of the current runs was asked for (once per Run). */
    private boolean lyapunovRequested;

    public RunPanel(LabService lab, RunGroup group) {
        this.lab = lab;
        this.group = group;
        addClassName("run-panel");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.setId("run");
        pause.setId("pause");
        stop.setId("stop");
        reset.setId("reset");
        status.setId("status");
        status.getElement().setAttribute("role", "status");
        status.addClassName("run-status");
        progress.setId("progress");
        // A progress bar needs a name a screen reader can say (WCAG 4.1.2, axe: aria-progressbar-name).
        progress.getElement().setAttribute("aria-label", "Progress of the run in simulated time");
        run.addClickListener(e -> start());
        pause.addClickListener(e -> togglePause());
        stop.addClickListener(e -> runs.forEach(RunHandle::stop));
        reset.addClickListener(e -> reset());
        pin.setId("pin");
        pin.setTooltipText("Keep this run: the next runs are drawn over it, with both runs' numbers side by side (up to "
                + PinnedRuns.MAX + ")");
        clearPins.setId("clear-pins");
        pin.addClickListener(e -> pinCurrent());
        clearPins.addClickListener(e -> {
            clearPins();
            onPinsChanged.run();
        });
        HorizontalLayout buttons = new HorizontalLayout(run, pause, stop, reset, pin, clearPins);
        buttons.setWrap(true);
        grid.addClassName("chart-grid");
        add(buttons, progress, status, grid, pinned);
        updateButtons();
    }

    /** Shows one chart set per config, in {@code columns} columns; stops what ran before. */
    public void setConfigs(List<ExperimentConfig> configs, List<String> titles, int columns) {
        stopRuns();
        charts.clear();
        grid.removeAll();
        grid.getStyle().set("--chart-columns", Integer.toString(columns));
        for (int i = 0; i < configs.size(); i++) {
            RunCharts c = new RunCharts(configs.get(i), titles.get(i), lab, group);
            charts.add(c);
            grid.add(c);
        }
        // Pins compare runs of one chart set, of one exercise (the Playground can switch exercises).
        if (!pinned.pins().isEmpty() && (configs.size() != 1 || configs.get(0).exercise() != pinned.pins().get(0).config().exercise())) {
            clearPins();
            onPinsChanged.run();
        }
        drawPins();
        status.setText("Ready: press Run.");
        progress.setValue(0);
        updateButtons();
    }

    /** False while the parameters are wrong: Run is then disabled. */
    public void setRunnable(boolean runnable) {
        this.runnable = runnable;
        updateButtons();
    }

    public List<RunCharts> charts() {
        return List.copyOf(charts);
    }

    public List<RunHandle> runs() {
        return List.copyOf(runs);
    }

    public String statusText() {
        return status.getText();
    }

    public void start() {
        stopRuns();
        settled = false;
        lyapunovRequested = false;
        try {
            // One call for all the step's runs: the lab may integrate them together (the same numbers, less time).
            List<RunHandle> started = lab.startAll(charts.stream().map(RunCharts::config).toList(), group);
            runs.addAll(started);
            for (int i = 0; i < charts.size(); i++) charts.get(i).follow(started.get(i));
        } catch (LabBusyException e) {
            stopRuns();
            status.setText(e.getMessage());
        }
        refresh();
    }

    private void togglePause() {
        boolean anyPaused = runs.stream().anyMatch(r -> r.status() == RunStatus.PAUSED);
        runs.forEach(anyPaused ? RunHandle::resume : RunHandle::pause);
        refresh();
    }

    private void reset() {
        stopRuns();
        charts.forEach(c -> c.follow(null));
        progress.setValue(0);
        status.setText("Ready: press Run.");
        updateButtons();
    }

    private void stopRuns() {
        runs.forEach(RunHandle::stop);
        runs.clear();
    }

    /** Pushes new frames and updates progress, status and buttons. On the UI thread. */
    public void refresh() {
        // The status before the frames: a run that is done has written all its samples, so the frames pushed next
        // include its last ones, and "Done" never shows beside a chart (and error line) still missing them.
        String described = runs.isEmpty() ? null : describe();
        lab.metrics().framesPushed((int) charts.stream().filter(RunCharts::pushNewFrames).count());
        if (described != null) {
            double sum = 0;
            for (RunHandle r : runs) sum += Math.min(1, r.time() / r.config().tmax());
            progress.setValue(sum / runs.size());
            status.setText(described);
        }
        settled = runs.stream().allMatch(r -> r.status().isFinal())
                && charts.stream().allMatch(c -> c.sent() >= c.framesAvailable());
        if (settled && !lyapunovRequested && !runs.isEmpty() && runs.stream().allMatch(r -> r.status() == RunStatus.DONE)) {
            lyapunovRequested = true;
            measureLyapunov();
            // FORCE's measurement is the test error, known when the run is done and drawn.
            if (runs.stream().allMatch(r -> r.config().isForce())) onResults.run();
        }
        if (charts.size() == 1) pinned.show(charts.get(0).config(), charts.get(0));
        updateButtons();
    }

    /** Keeps the finished run to compare the next ones with. */
    private void pinCurrent() {
        if (!canPin()) return;
        RunCharts live = charts.get(0);
        pinned.add(live.config(), runs.get(0), live.lyapunov());
        drawPins();
        onPinsChanged.run();
    }

    private boolean canPin() {
        return charts.size() == 1 && runs.size() == 1 && runs.get(0).status() == RunStatus.DONE && !pinned.isFull()
                && pinned.pins().stream().noneMatch(p -> p.run() == runs.get(0));
    }

    /** Removes the pins (stopping any still being computed from a link). */
    public void clearPins() {
        pinned.clear();
        drawPins();
    }

    /**
     * Pins {@code configs} (a link's pins): each is computed again on the scheduler, as a run (and, for exercises 1
     * and 2, its Lyapunov exponent), and drawn when done.
     */
    public void restorePins(List<ExperimentConfig> configs) {
        clearPins();
        UI ui = UI.getCurrent();
        for (ExperimentConfig config : configs.subList(0, Math.min(configs.size(), PinnedRuns.MAX))) {
            RunHandle handle;
            try {
                handle = lab.start(config, group);
            } catch (LabBusyException e) {
                status.setText("A pinned run could not be computed: " + e.getMessage());
                break;
            }
            PinnedRuns.Pin p = pinned.add(config, handle, null);
            handle.result().whenComplete((outcome, failure) -> ui.access(() -> {
                if (!pinned.pins().contains(p)) return;
                if (handle.status() == RunStatus.DONE && !config.isForce()) measurePin(p);
                drawPins();
            }));
        }
        drawPins();
    }

    private void measurePin(PinnedRuns.Pin p) {
        UI ui = UI.getCurrent();
        try {
            Job<List<LyapunovEstimate>> job = lab.lyapunov(List.of(p.config()), group);
            job.result().whenComplete((estimates, failure) -> ui.access(() -> {
                p.measured(failure == null ? estimates.get(0) : null, job.failure());
                drawPins();
            }));
        } catch (LabBusyException e) {
            p.measured(null, e.getMessage());
        }
    }

    /** Draws the pins under the chart and lists them, labelled against the run shown now. */
    private void drawPins() {
        if (charts.size() == 1) {
            RunCharts live = charts.get(0);
            if (!pinned.pins().isEmpty() || !live.mainChart().overlays().isEmpty()) {
                live.mainChart().setOverlays(pinned.overlays(live.config()));
            }
            pinned.show(live.config(), live);
        }
        updateButtons();
    }

    public PinnedRuns pinned() {
        return pinned;
    }

    /** The pins' link values ({@code pin1=...}), written against the run shown now. */
    public java.util.Map<String, String> pinLinkValues() {
        return charts.size() == 1 ? pinned.linkValues(charts.get(0).config()) : java.util.Map.of();
    }

    /** Called when the user pins or clears (the page writes its link). */
    /** What to do once the step's runs are measured (see {@link #onResults}); one listener, replaced by the next. */
    public void setOnResults(Runnable onResults) {
        this.onResults = onResults;
    }

    public void setOnPinsChanged(Runnable onPinsChanged) {
        this.onPinsChanged = onPinsChanged;
    }

    /**
     * Once every run of the step is done: the largest Lyapunov exponent of each (exercises 1 and 2), as one batch of
     * twin trajectories on the scheduler; each chart then shows its estimate and verdict.
     */
    private void measureLyapunov() {
        List<ExperimentConfig> configs = runs.stream().map(RunHandle::config).toList();
        if (!configs.stream().allMatch(c -> LyapunovMeasurement.shareABatch(configs.get(0), c))) return;
        UI ui = UI.getCurrent();
        List<RunHandle> measured = List.copyOf(runs);
        try {
            Job<List<LyapunovEstimate>> job = lab.lyapunov(configs, group);
            charts.forEach(RunCharts::lyapunovPending);
            job.result().whenComplete((estimates, failure) -> ui.access(() -> {
                if (!runs.equals(measured)) return;
                for (int i = 0; i < charts.size(); i++) {
                    charts.get(i).showLyapunov(failure == null ? estimates.get(i) : null, job.failure());
                }
                for (PinnedRuns.Pin p : pinned.pins()) {
                    int i = measured.indexOf(p.run());
                    if (i >= 0) p.measured(failure == null ? estimates.get(i) : null, job.failure());
                }
                drawPins();
                onResults.run();
            }));
        } catch (LabBusyException e) {
            charts.forEach(c -> c.showLyapunov(null, e.getMessage()));
        }
    }

    private String describe() {
        int done = count(RunStatus.DONE);
        int total = runs.size();
        String runsWord = total == 1 ? "" : " (" + done + " of " + total + " runs done)";
        for (RunHandle r : runs) {
            if (r.status() == RunStatus.FAILED) return "Failed: " + r.failure();
        }
        if (done == total) {
            double seconds = runs.stream().mapToDouble(RunHandle::elapsedSeconds).max().orElse(0);
            return String.format(Locale.ROOT, "Done: t = %s reached in %.2f s.", Readings.time(runs.get(0).config().tmax()), seconds);
        }
        if (count(RunStatus.STOPPED) > 0 && count(RunStatus.RUNNING) + count(RunStatus.QUEUED) + count(RunStatus.PAUSED) == 0) {
            return "Stopped at t = " + Readings.time(maxTime()) + runsWord + ".";
        }
        if (count(RunStatus.PAUSED) > 0) return "Paused at t = " + Readings.time(maxTime()) + runsWord + ".";
        if (count(RunStatus.RUNNING) > 0) {
            return "Running: t = " + Readings.time(maxTime()) + " of " + Readings.time(runs.get(0).config().tmax()) + runsWord + ".";
        }
        int position = runs.stream().mapToInt(RunHandle::queuePosition).filter(p -> p > 0).min().orElse(0);
        // The waiting time moves in half seconds, so a queued student's page changes more than once a second
        // (http-load measured 1.0-1.25 s gaps for queued pages when it moved in whole seconds).
        double waited = Math.floor(runs.get(0).job().ageSeconds() * 2) / 2;
        return String.format(Locale.ROOT, "Queued: position %d in line, waiting %.1f s; the server is busy with other runs.", position, waited);
    }

    private int count(RunStatus s) {
        return (int) runs.stream().filter(r -> r.status() == s).count();
    }

    private double maxTime() {
        return runs.stream().mapToDouble(RunHandle::time).max().orElse(0);
    }


    private void updateButtons() {
        boolean active = runs.stream().anyMatch(r -> !r.status().isFinal());
        boolean paused = runs.stream().anyMatch(r -> r.status() == RunStatus.PAUSED);
        run.setEnabled(runnable && !active && !charts.isEmpty());
        pause.setEnabled(active);
        pause.setText(paused ? "Resume" : "Pause");
        pause.setIcon(paused ? VaadinIcon.PLAY.create() : VaadinIcon.PAUSE.create());
        stop.setEnabled(active);
        reset.setEnabled(!runs.isEmpty());
        pin.setVisible(charts.size() == 1);
        pin.setEnabled(canPin());
        clearPins.setVisible(!pinned.pins().isEmpty());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        unsubscribe = lab.subscribe(() -> {
            // One refresh in flight at a time: a slow browser never piles up updates.
            if (settled || !refreshPending.compareAndSet(false, true)) return;
            ui.access(() -> {
                refreshPending.set(false);
                refresh();
            });
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unsubscribe != null) unsubscribe.run();
        unsubscribe = null;
        refreshPending.set(false);
    }

    /** Stops every run of this panel: the page is going away. */
    public void stopAll() {
        stopRuns();
    }
}
