package org.rnnlab.ui.run;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;
import org.rnnlab.experiment.Sweep;
import org.rnnlab.run.Job;
import org.rnnlab.run.LabBusyException;
import org.rnnlab.run.LabService;
import org.rnnlab.run.RunGroup;
import org.rnnlab.run.RunStatus;

/**
 * What every sweep on a page shares, written once: one sweep job on the scheduler for the page's tab (so it stops
 * with the tab), its rows collected as they arrive on the job's thread and shown on the UI thread at the lab's tick,
 * and a status line (queue position, rows done, the end). Subclasses draw the rows ({@link #show}) and word the
 * status; "Try 10 seeds" ({@link SeedTrial}) and the Lyapunov sweeps of exercises 1 and 2 ({@link SweepStep}).
 */
public abstract class LiveSweep extends Div {
    protected final LabService lab;
    private final RunGroup group;
    protected final Button start;
    protected final Span status = new Span();
    private final ConcurrentLinkedQueue<Sweep.Row> arrived = new ConcurrentLinkedQueue<>();
    private final List<Sweep.Row> shown = new ArrayList<>();
    private volatile @Nullable Job<List<Sweep.Row>> job;
    private @Nullable Sweep running;
    private @Nullable Runnable unsubscribe;
    private java.util.function.BiConsumer<Sweep, List<Sweep.Row>> onDone = (sweep, rows) -> {};

    protected LiveSweep(LabService lab, RunGroup group, Button start, String statusId) {
        this.lab = lab;
        this.group = group;
        this.start = start;
        status.setId(statusId);
        status.getElement().setAttribute("role", "status");
    }

    /**
     * Submits {@code sweep} (checked); on refusal (the server's sweep limit, a busy tab or queue) says why and returns
     * false. The rows shown so far are dropped.
     */
    protected boolean submit(Sweep sweep) {
        if (job != null) return false;
        // Cleared before submitting: the job may start on a worker and hand over its first rows before this thread
        // returns from the call (CI saw 9 of 10 rows shown when the first was cleared after it had arrived).
        arrived.clear();
        try {
            Job<List<Sweep.Row>> submitted = lab.sweep(sweep, arrived::add, group);
            shown.clear();
            running = sweep;
            job = submitted;
        } catch (LabBusyException e) {
            status.setText(e.getMessage());
            return false;
        }
        start.setEnabled(false);
        return true;
    }

    /** Starts the sweep as the step's button does (also what a link's {@code run=1} does). */
    public abstract void start();

    /** Draws {@code rows} (all shown so far, {@code added} the newest), on the UI thread. */
    protected abstract void show(Sweep sweep, List<Sweep.Row> rows, List<Sweep.Row> added);

    /** The status line while rows arrive ({@code done} of the sweep's rows). */
    protected abstract String progress(Sweep sweep, List<Sweep.Row> rows);

    /** The status line when the sweep completed. */
    protected abstract String finished(Sweep sweep, List<Sweep.Row> rows);

    /** Shows rows that arrived since the last call and the sweep's state; on the UI thread. */
    void refresh() {
        Sweep sweep = running;
        List<Sweep.Row> added = new ArrayList<>();
        for (Sweep.Row row; (row = arrived.poll()) != null; ) added.add(row);
        if (sweep != null && !added.isEmpty()) {
            shown.addAll(added);
            show(sweep, List.copyOf(shown), added);
        }
        Job<List<Sweep.Row>> j = job;
        if (j == null || sweep == null) return;
        RunStatus state = j.status();
        if (state == RunStatus.QUEUED) {
            status.setText("Queued: position " + j.queuePosition() + " in line.");
        } else if (!state.isFinal()) {
            status.setText(progress(sweep, shown));
        } else if (arrived.isEmpty()) {
            status.setText(state == RunStatus.DONE ? finished(sweep, shown)
                    : state == RunStatus.FAILED ? "Failed: " + j.failure() : "Stopped after " + shown.size() + " of " + sweep.cells().size() + " runs.");
            start.setEnabled(true);
            job = null;
            if (state == RunStatus.DONE) onDone.accept(sweep, List.copyOf(shown));
        }
    }

    /** What to do when a sweep completed, with every row shown (on the UI thread); one listener, replaced by the next. */
    public void setOnDone(java.util.function.BiConsumer<Sweep, List<Sweep.Row>> onDone) {
        this.onDone = onDone;
    }

    /** Whether a sweep is queued or computing (or its last rows are still to be shown). */
    protected boolean busy() {
        return job != null;
    }

    /** The rows shown so far, in the order they arrived. */
    public List<Sweep.Row> shownRows() {
        return List.copyOf(shown);
    }

    /** The sweep last started (null before). */
    public @Nullable Sweep sweep() {
        return running;
    }

    /** Whether the sweep last started completed with every row shown. */
    public boolean complete() {
        Sweep sweep = running;
        return job == null && sweep != null && shown.size() == sweep.cells().size();
    }

    public String statusText() {
        return status.getText();
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
        // Off the page (another step, or the tab closed): nobody watches this sweep any more.
        Job<List<Sweep.Row>> j = job;
        if (j != null) j.stop();
        if (unsubscribe != null) unsubscribe.run();
        unsubscribe = null;
    }
}
