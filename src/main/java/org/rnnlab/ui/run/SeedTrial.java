package org.rnnlab.ui.run;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.Sweep;
import org.rnnlab.run.LabService;
import org.rnnlab.run.RunGroup;

/**
 * "Try 10 seeds": the FORCE settings of the form on ten networks (its seed and the next nine), as one sweep job on
 * the scheduler. A table fills as each network's test error arrives, and a line counts the networks that kept the
 * rhythm, by a threshold the page states: test RMSE below {@link #THRESHOLD}, a tenth of the target's amplitude.
 */
public class SeedTrial extends LiveSweep {
    /** A network "kept the rhythm" when its test RMSE is below this (the targets have amplitude about 1). */
    public static final double THRESHOLD = 0.1;
    static final int SEEDS = 10;

    private final Supplier<Optional<ExperimentConfig>> config;
    private final Div table = new Div();

    public SeedTrial(LabService lab, RunGroup group, Supplier<Optional<ExperimentConfig>> config) {
        super(lab, group, new Button("Try 10 seeds", VaadinIcon.RANDOM.create()), "seed-trial-summary");
        this.config = config;
        addClassName("seed-trial");
        start.setId("try-seeds");
        start.addClickListener(e -> start());
        table.setId("seed-trial-table");
        table.addClassName("seed-trial-table");
        add(start, status, table);
    }

    private void start() {
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
        status.setText("Running the same settings on seeds " + base.seed() + " to " + (base.seed() + SEEDS - 1) + "...");
    }

    @Override
    protected void show(Sweep sweep, List<Sweep.Row> rows, List<Sweep.Row> added) {
        for (Sweep.Row row : added) {
            Div line = new Div(new Span(String.format(Locale.ROOT, "seed %d: test RMSE %.3f, %s", row.cell().seed(), row.testRmse(),
                    row.testRmse() < THRESHOLD ? "kept the rhythm" : "lost it")));
            line.addClassName(row.testRmse() < THRESHOLD ? "kept" : "lost");
            table.add(line);
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
