package org.rnnlab.ui.run;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.Sweep;
import org.rnnlab.run.Job;
import org.rnnlab.run.LabBusyException;
import org.rnnlab.run.LabService;
import org.rnnlab.run.RunGroup;
import org.rnnlab.run.RunStatus;
import org.rnnlab.ui.component.TimeSeriesChart;

/**
 * "Try 10 seeds": FORCE settings on ten networks (their seed and the next nine), as one sweep job on the scheduler.
 * A table and a chart fill as each network's test error arrives, and a line counts the networks that kept the rhythm,
 * by a threshold the page states: test RMSE below {@link #THRESHOLD}, a tenth of the target's amplitude. The settings
 * are the free step's form, or one of a guided step's presets (chosen with radio buttons): one piece serves both.
 */
public class SeedTrial extends Div {
    /** A network "kept the rhythm" when its test RMSE is below this (the targets have amplitude about 1). */
    public static final double THRESHOLD = 0.1;
    static final int SEEDS = 10;

    private final LabService lab;
    private final RunGroup group;
    private final Supplier<Optional<ExperimentConfig>> config;
    private final Button start = new Button("Try 10 seeds", VaadinIcon.RANDOM.create());
    private final Span summary = new Span();
    private final Div table = new Div();
    private final TimeSeriesChart chart = new TimeSeriesChart();
    private final ConcurrentLinkedQueue<Sweep.Row> arrived = new ConcurrentLinkedQueue<>();
    private final List<Sweep.Row> shown = new ArrayList<>();
    private volatile @Nullable Job<List<Sweep.Row>> job;
    private @Nullable Runnable unsubscribe;

    public SeedTrial(LabService lab, RunGroup group, Supplier<Optional<ExperimentConfig>> config) {
        this.lab = lab;
        this.group = group;
        this.config = config;
        addClassName("seed-trial");
        start.setId("try-seeds");
        start.addClickListener(e -> start());
        summary.setId("seed-trial-summary");
        summary.getElement().setAttribute("role", "status");
        table.setId("seed-trial-table");
        table.addClassName("seed-trial-table");
        chart.setId("seed-trial-chart");
        chart.setWidthFull();
        configureChart();
        if (config instanceof PresetChoice choice) add(choice.radio);
        add(start, summary, table, chart);
        // A re-attached element is new in the browser: give it its options and the rows again.
        addAttachListener(e -> {
            if (e.isInitialAttach()) return;
            configureChart();
            shown.forEach(this::plot);
        });
    }

    /**
     * The trial of a guided step: radio buttons choose one of {@code presets} (labelled by {@code titles}), the first
     * chosen at the start.
     */
    public SeedTrial(LabService lab, RunGroup group, List<ExperimentConfig> presets, List<String> titles) {
        this(lab, group, new PresetChoice(presets, titles));
    }

    /** The chosen preset of a guided step's trial. */
    private static final class PresetChoice implements Supplier<Optional<ExperimentConfig>> {
        private final List<ExperimentConfig> presets;
        private final RadioButtonGroup<Integer> radio = new RadioButtonGroup<>("Settings");

        PresetChoice(List<ExperimentConfig> presets, List<String> titles) {
            this.presets = List.copyOf(presets);
            radio.setId("seed-trial-settings");
            radio.setItems(java.util.stream.IntStream.range(0, presets.size()).boxed().toList());
            radio.setItemLabelGenerator(titles::get);
            radio.setValue(0);
        }

        @Override
        public Optional<ExperimentConfig> get() {
            return Optional.ofNullable(radio.getValue()).map(presets::get);
        }
    }

    /** Each network's test RMSE against its seed, on a log axis, beside the threshold. */
    private void configureChart() {
        chart.configure(new TimeSeriesChart.Options("Test error of each network", "seed", "test RMSE", true, null, null, 200,
                List.of(new TimeSeriesChart.Series("test RMSE", "#1f77b4", true),
                        TimeSeriesChart.Series.line(String.format(Locale.ROOT, "threshold %.1f", THRESHOLD), "#d62728"))));
    }

    private void plot(Sweep.Row row) {
        chart.append(new double[] {row.cell().seed()}, new double[] {row.testRmse()}, new double[] {THRESHOLD});
    }

    private void start() {
        ExperimentConfig base = config.get().orElse(null);
        if (base == null) {
            summary.setText("Correct the parameters first.");
            return;
        }
        Sweep.Checked checked = Sweep.check(base, List.of("seed=" + base.seed() + ":" + (base.seed() + SEEDS - 1) + ":" + SEEDS),
                null, lab.limits(), SEEDS);
        if (!checked.isValid()) {
            summary.setText("Cannot try these seeds: " + checked.errors().get(0));
            return;
        }
        arrived.clear();
        shown.clear();
        table.removeAll();
        chart.clear();
        try {
            Job<List<Sweep.Row>> submitted = lab.sweep(checked.sweep(), arrived::add, group);
            job = submitted;
        } catch (LabBusyException e) {
            summary.setText(e.getMessage());
            return;
        }
        start.setEnabled(false);
        summary.setText("Running the same settings on seeds " + base.seed() + " to " + (base.seed() + SEEDS - 1) + "...");
    }

    /** Shows rows that arrived since the last call, and the final count; on the UI thread. */
    void refresh() {
        for (Sweep.Row row; (row = arrived.poll()) != null; ) {
            shown.add(row);
            Div line = new Div(new Span(String.format(Locale.ROOT, "seed %d: test RMSE %.3f (MAE %.3f; training MAE %.3f), %s",
                    row.cell().seed(), row.testRmse(), row.testMae(), row.trainMae(),
                    row.testRmse() < THRESHOLD ? "kept the rhythm" : "lost it")));
            line.addClassName(row.testRmse() < THRESHOLD ? "kept" : "lost");
            table.add(line);
            plot(row);
        }
        Job<List<Sweep.Row>> j = job;
        if (j == null) return;
        long kept = shown.stream().filter(r -> r.testRmse() < THRESHOLD).count();
        RunStatus status = j.status();
        if (status == RunStatus.QUEUED) {
            summary.setText("Queued: position " + j.queuePosition() + " in line.");
        } else if (!status.isFinal()) {
            summary.setText(String.format(Locale.ROOT, "%d of %d networks done; %d kept the rhythm (test RMSE below %.1f).",
                    shown.size(), SEEDS, kept, THRESHOLD));
        } else if (arrived.isEmpty()) {
            summary.setText(status == RunStatus.DONE
                    ? String.format(Locale.ROOT, "%d of %d networks kept the rhythm after learning stopped (test RMSE below %.1f, a "
                            + "tenth of the target's amplitude).", kept, shown.size(), THRESHOLD)
                    : status == RunStatus.FAILED ? "Failed: " + j.failure() : "Stopped after " + shown.size() + " networks.");
            start.setEnabled(true);
            job = null;
        }
    }

    /** The rows shown so far (seed, test RMSE and MAE, training MAE), by seed order. */
    public List<Sweep.Row> shownRows() {
        return List.copyOf(shown);
    }

    /** The test RMSE of each network shown so far, by seed order. */
    public List<Double> shownErrors() {
        return shown.stream().map(Sweep.Row::testRmse).toList();
    }

    public String summaryText() {
        return summary.getText();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        unsubscribe = lab.subscribe(() -> {
            if (job != null || !arrived.isEmpty()) ui.access(this::refresh);
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unsubscribe != null) unsubscribe.run();
        unsubscribe = null;
    }
}
