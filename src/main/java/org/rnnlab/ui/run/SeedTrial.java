package org.rnnlab.ui.run;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.Sweep;
import org.rnnlab.run.LabService;
import org.rnnlab.run.RunGroup;
import org.rnnlab.ui.component.TimeSeriesChart;

/**
 * "Try 10 seeds": FORCE settings on ten networks (their seed and the next nine), as one sweep job on the scheduler.
 * A table and a chart fill as each network's test error arrives, and a line counts the networks that kept the rhythm,
 * by a threshold the page states: test RMSE below {@link #THRESHOLD}, a tenth of the target's amplitude. The settings
 * are the free step's form, or one of a guided step's presets (chosen with radio buttons): one piece serves both.
 */
public class SeedTrial extends LiveSweep {
    /** A network "kept the rhythm" when its test RMSE is below this (the targets have amplitude about 1). */
    public static final double THRESHOLD = 0.1;
    static final int SEEDS = 10;

    private final Supplier<Optional<ExperimentConfig>> config;
    private final Div table = new Div();
    private final TimeSeriesChart chart = new TimeSeriesChart();

    public SeedTrial(LabService lab, RunGroup group, Supplier<Optional<ExperimentConfig>> config) {
        super(lab, group, new Button("Try 10 seeds", VaadinIcon.RANDOM.create()), "seed-trial-summary");
        this.config = config;
        addClassName("seed-trial");
        start.setId("try-seeds");
        start.addClickListener(e -> start());
        table.setId("seed-trial-table");
        table.addClassName("seed-trial-table");
        chart.setId("seed-trial-chart");
        chart.setWidthFull();
        configureChart();
        if (config instanceof PresetChoice choice) add(choice.radio);
        add(start, status, table, chart);
        // A re-attached element is new in the browser: give it its options and the rows again.
        addAttachListener(e -> {
            if (e.isInitialAttach()) return;
            configureChart();
            shownRows().forEach(this::plot);
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

    @Override
    public void start() {
        ExperimentConfig base = config.get().orElse(null);
        if (base == null) {
            status.setText("Correct the parameters first.");
            return;
        }
        Sweep.Checked checked = Sweep.check(base, List.of("seed=" + base.seed() + ":" + (base.seed() + SEEDS - 1) + ":" + SEEDS),
                null, lab.limits(), SEEDS);
        if (!checked.isValid()) {
            status.setText("Cannot try these seeds: " + checked.errors().get(0));
            return;
        }
        if (!submit(checked.sweep())) return;
        table.removeAll();
        chart.clear();
        status.setText("Running the same settings on seeds " + base.seed() + " to " + (base.seed() + SEEDS - 1) + "...");
    }

    @Override
    protected void show(Sweep sweep, List<Sweep.Row> rows, List<Sweep.Row> added) {
        for (Sweep.Row row : added) {
            Div line = new Div(new Span(String.format(Locale.ROOT, "seed %d: test RMSE %.3f (MAE %.3f; training MAE %.3f), %s",
                    row.cell().seed(), row.testRmse(), row.testMae(), row.trainMae(),
                    row.testRmse() < THRESHOLD ? "kept the rhythm" : "lost it")));
            line.addClassName(row.testRmse() < THRESHOLD ? "kept" : "lost");
            table.add(line);
            plot(row);
        }
    }

    private static long kept(List<Sweep.Row> rows) {
        return rows.stream().filter(r -> r.testRmse() < THRESHOLD).count();
    }

    @Override
    protected String progress(Sweep sweep, List<Sweep.Row> rows) {
        return String.format(Locale.ROOT, "%d of %d networks done; %d kept the rhythm (test RMSE below %.1f).", rows.size(), SEEDS,
                kept(rows), THRESHOLD);
    }

    @Override
    protected String finished(Sweep sweep, List<Sweep.Row> rows) {
        return String.format(Locale.ROOT, "%d of %d networks kept the rhythm after learning stopped (test RMSE below %.1f, a "
                + "tenth of the target's amplitude).", kept(rows), rows.size(), THRESHOLD);
    }

    /** The test RMSE of each network shown so far, by seed order. */
    public List<Double> shownErrors() {
        return shownRows().stream().map(Sweep.Row::testRmse).toList();
    }

    public String summaryText() {
        return statusText();
    }
}
