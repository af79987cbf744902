package org.rnnlab.ui.run;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.FieldError;
import org.rnnlab.experiment.LinkCodec;
import org.rnnlab.experiment.ParamSpec;
import org.rnnlab.experiment.Schema;
import org.rnnlab.experiment.Sweep;
import org.rnnlab.export.SweepFiles;
import org.rnnlab.run.LabService;
import org.rnnlab.run.RunGroup;

/**
 * A guided step that measures the largest Lyapunov exponent over a grid of one or two keys and a few seeds: a small
 * form (each key's range and count, the seeds, n), one sweep job on the scheduler ({@link LiveSweep}), and a chart that
 * fills as the rows arrive: one key, the seed means with error bars against it ({@link GainCurve}); two keys, a heat map
 * ({@link SuppressionMap}). The data download as {@code sweep.csv}; the form's state is the page's link
 * ({@link #linkValues}, {@link #open}): the base config's keys, {@code vary.KEY=FROM:TO:COUNT[:log]} per key and
 * {@code seeds}, as the {@code sweep} command takes them.
 */
public class SweepStep extends LiveSweep {
    /** The link key of a varied key's range. */
    public static final String VARY = "vary.";
    public static final String SEEDS = "seeds";

    /**
     * What a step sweeps by default: {@code varies} as {@code KEY=FROM:TO:COUNT[:log]} or {@code KEY=V1,V2,...} (a list: the
     * form shows one field for it) (the first key slowest: cells that
     * share it are integrated in one batch, so put the key that sets the step size first) and the seeds per grid point.
     */
    public record Plan(List<String> varies, int seeds, List<String> choices) {
        public Plan {
            varies = List.copyOf(varies);
            choices = List.copyOf(choices);
        }

        public Plan(List<String> varies, int seeds) {
            this(varies, seeds, List.of());
        }

        /** The varied keys, in order. */
        public List<String> keys() {
            return varies.stream().map(v -> v.substring(0, v.indexOf('='))).toList();
        }
    }

    /** What draws the rows: a chart, configured for a sweep and redrawn from all rows shown so far. */
    interface Display {
        Component component();

        void reset(Sweep sweep);

        void show(Sweep sweep, List<Sweep.Row> rows);

        /** What the finished sweep shows, in a sentence or two. */
        String reading(Sweep sweep, List<Sweep.Row> rows);

        void downloadPng(String filename);
    }

    private final Plan plan;
    private final Display display;
    private final Map<String, TextField[]> ranges = new LinkedHashMap<>();
    private final Map<String, Boolean> logs = new LinkedHashMap<>();
    /** Choice keys of the base config the form offers (e.g. the drive's phases), shown as selects. */
    private final Map<String, Select<String>> choiceFields = new LinkedHashMap<>();
    private final TextField n = new TextField("Neurons n");
    private final TextField seeds = new TextField("Seeds");
    private final Span problems = new Span();
    private final Anchor csv;
    private ExperimentConfig base;
    private Runnable onChange = () -> {};

    public SweepStep(LabService lab, RunGroup group, ExperimentConfig base, Plan plan) {
        super(lab, group, new Button("Run the sweep", VaadinIcon.PLAY.create()), "sweep-status");
        this.base = base;
        this.plan = plan;
        this.display = plan.keys().size() == 1 ? new GainCurve(plan.keys().get(0)) : new SuppressionMap();
        addClassName("sweep-step");
        start.setId("run-sweep");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> start());
        problems.setId("sweep-problems");
        problems.addClassName("field-problems");
        Div form = new Div();
        form.addClassName("sweep-form");
        n.setId("sweep-n");
        seeds.setId("sweep-seeds");
        form.add(n, seeds);
        for (String vary : plan.varies()) {
            String key = vary.substring(0, vary.indexOf('='));
            String name = symbol(key);
            // A range takes three fields (from, to, count); a list of values one.
            TextField[] fields = isList(vary) ? new TextField[] {new TextField(name + " values")}
                    : new TextField[] {new TextField(name + " from"), new TextField(name + " to"), new TextField(name + " values")};
            String[] ids = isList(vary) ? new String[] {"list"} : new String[] {"from", "to", "count"};
            for (int i = 0; i < fields.length; i++) {
                fields[i].setId("sweep-" + key + "-" + ids[i]);
                fields[i].setWidth(isList(vary) ? "14em" : "7em");
                form.add(fields[i]);
            }
            ranges.put(key, fields);
        }
        for (String key : plan.choices()) {
            ParamSpec spec = Schema.specs(base.exercise(), lab.limits()).stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow();
            Select<String> select = ParameterForm.select(spec);
            select.setId("sweep-" + key);
            select.addValueChangeListener(e -> {
                if (e.isFromClient()) changed();
            });
            form.add(select);
            choiceFields.put(key, select);
        }
        for (TextField f : fields()) {
            f.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
            f.addValueChangeListener(e -> {
                if (e.isFromClient()) changed();
            });
        }
        n.setWidth("7em");
        seeds.setWidth("7em");
        csv = new Anchor((DownloadHandler) event -> {
            Sweep sweep = sweep();
            List<Sweep.Row> rows = new ArrayList<>(shownRows());
            rows.sort(Comparator.comparingInt(r -> r.cell().index()));
            event.setFileName("rnnlab-exercise" + base.exercise() + "-sweep.csv");
            event.setContentType("text/csv");
            try (OutputStream out = event.getOutputStream(); Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                if (sweep == null) return;
                w.write(String.join(",", SweepFiles.columns(sweep)) + "\n");
                for (Sweep.Row row : rows) w.write(String.join(",", SweepFiles.line(sweep, row)) + "\n");
            }
        }, "Download data (CSV)");
        csv.setId("sweep-csv");
        csv.getElement().setAttribute("download", true);
        csv.setEnabled(false);
        Button png = new Button("PNG", VaadinIcon.DOWNLOAD.create(), e -> display.downloadPng("rnnlab-exercise" + base.exercise() + "-sweep.png"));
        png.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        png.setId("sweep-png");
        png.setTooltipText("Download the chart as a PNG image");
        add(new Div(start, status), display.component(), new Div(png, csv), form, problems);
        status.setText("Ready: press Run the sweep.");
        open(base, Map.of());
    }

    private List<TextField> fields() {
        List<TextField> all = new ArrayList<>(List.of(n, seeds));
        ranges.values().forEach(f -> all.addAll(List.of(f)));
        return all;
    }

    /** The link keys of a step with {@code plan}: {@code vary.KEY} for each key it varies, and {@code seeds}. */
    public static Set<String> linkKeys(Plan plan) {
        Set<String> keys = new LinkedHashSet<>();
        plan.keys().forEach(k -> keys.add(VARY + k));
        keys.add(SEEDS);
        return keys;
    }

    /** How the pages write a key: A for {@code a}, ω for {@code omega}. */
    static String symbol(String key) {
        return switch (key) {
            case "a" -> "A";
            case "omega" -> "ω";
            default -> key;
        };
    }

    /** Called when the form changes what the link should say. */
    public void setOnChange(Runnable onChange) {
        this.onChange = onChange;
    }

    /**
     * Shows {@code base} with the link's sweep keys ({@code vary.KEY}, {@code seeds}) over the plan's defaults; returns
     * what was wrong with them, naming the link key (the plan's default is kept for each).
     */
    public List<FieldError> open(ExperimentConfig base, Map<String, String> link) {
        this.base = base;
        List<FieldError> errors = new ArrayList<>();
        n.setValue(Integer.toString(base.n()));
        seeds.setValue(Integer.toString(plan.seeds()));
        choiceFields.forEach((key, select) -> {
            String value = base.values().get(key);
            select.setValue(value == null ? select.getListDataView().getItem(0) : value);
        });
        String seedText = link.get(SEEDS);
        if (seedText != null) {
            Sweep.Checked c = Sweep.check(base, plan.varies(), seedText, lab.limits(), Sweep.MAX_ROWS);
            FieldError wrong = c.errors().stream().filter(e -> e.field().equals("seeds")).findFirst().orElse(null);
            if (wrong != null) errors.add(new FieldError(SEEDS, wrong.message()));
            else seeds.setValue(seedText.strip());
        }
        for (String vary : plan.varies()) {
            String key = vary.substring(0, vary.indexOf('='));
            String text = link.getOrDefault(VARY + key, vary.substring(vary.indexOf('=') + 1));
            Sweep.Checked c = Sweep.check(base, List.of(key + "=" + text), null, lab.limits(), Sweep.MAX_ROWS);
            if (!c.isValid()) {
                errors.add(new FieldError(VARY + key, c.errors().get(0).message()));
                text = vary.substring(vary.indexOf('=') + 1);
            }
            TextField[] fields = ranges.get(key);
            if (fields.length == 1) {
                if (!isList(key + "=" + text)) {
                    errors.add(new FieldError(VARY + key, "this step takes a list of values V1,V2,... (got '" + FieldError.abbreviate(text) + "')"));
                    text = vary.substring(vary.indexOf('=') + 1);
                }
                fields[0].setValue(text.strip());
                continue;
            }
            if (isList(key + "=" + text)) {
                errors.add(new FieldError(VARY + key, "this step takes FROM:TO:COUNT[:log] (got '" + FieldError.abbreviate(text) + "')"));
                text = vary.substring(vary.indexOf('=') + 1);
            }
            String[] parts = text.split(":");
            for (int i = 0; i < 3; i++) fields[i].setValue(parts[i].strip());
            logs.put(key, parts.length == 4);
        }
        for (String key : link.keySet()) {
            if (key.startsWith(VARY) && !ranges.containsKey(key.substring(VARY.length()))) {
                errors.add(new FieldError(key, "this step varies " + String.join(" and ", plan.keys()) + " only"));
            }
        }
        Checked now = read();
        if (now.sweep() == null && errors.isEmpty()) errors.addAll(now.errors());
        problems.setText(now.errors().stream().map(FieldError::toString).reduce((a, b) -> a + "; " + b).orElse(""));
        return errors;
    }

    private record Checked(@Nullable Sweep sweep, ExperimentConfig base, List<FieldError> errors) {}

    /** The form as a sweep, or what is wrong with it. */
    private Checked read() {
        List<FieldError> errors = new ArrayList<>();
        ExperimentConfig b = base;
        if (!n.getValue().strip().equals(Integer.toString(base.n()))) {
            LinkCodec.Parsed parsed = base.with("n", n.getValue(), lab.limits());
            if (parsed.isValid()) b = parsed.config();
            else errors.addAll(parsed.errors());
        }
        for (Map.Entry<String, Select<String>> e : choiceFields.entrySet()) {
            if (e.getValue().getValue() == null) continue;
            LinkCodec.Parsed parsed = b.with(e.getKey(), e.getValue().getValue(), lab.limits());
            if (parsed.isValid()) b = parsed.config();
            else errors.addAll(parsed.errors());
        }
        List<String> varies = new ArrayList<>();
        ranges.forEach((key, f) -> varies.add(key + "=" + axisText(key, f)));
        if (!errors.isEmpty()) return new Checked(null, b, errors);
        Sweep.Checked c = Sweep.check(b, varies, seeds.getValue(), lab.limits(), Sweep.MAX_ROWS);
        return new Checked(c.sweep(), b, c.errors());
    }

    private void changed() {
        Checked c = read();
        problems.setText(c.errors().stream().map(FieldError::toString).reduce((a, b) -> a + "; " + b).orElse(""));
        if (c.sweep() != null) {
            base = c.base();
            onChange.run();
        }
        start.setEnabled(c.sweep() != null && !busy());
    }

    /** A key's fields as the sweep grammar writes them: {@code FROM:TO:COUNT[:log]}, or the list as typed. */
    private String axisText(String key, TextField[] f) {
        if (f.length == 1) return f[0].getValue().strip().replace(" ", "");
        return f[0].getValue().strip() + ":" + f[1].getValue().strip() + ":" + f[2].getValue().strip()
                + (logs.getOrDefault(key, false) ? ":log" : "");
    }

    /** Whether {@code vary} ({@code KEY=...}) lists its values rather than giving a range. */
    private static boolean isList(String vary) {
        return vary.contains(",");
    }

    /** The config the sweep varies (its n from the form). */
    public ExperimentConfig base() {
        return base;
    }

    /** The sweep's keys of the page's link: {@code vary.KEY} per key and {@code seeds}. */
    public Map<String, String> linkValues() {
        Map<String, String> out = new LinkedHashMap<>();
        ranges.forEach((key, f) -> out.put(VARY + key, axisText(key, f)));
        out.put(SEEDS, seeds.getValue().strip());
        return out;
    }

    /** Starts the sweep the form describes (refused with a message when it is wrong or too large). */
    @Override
    public void start() {
        Checked c = read();
        if (c.sweep() == null) {
            status.setText("Correct the sweep first: " + c.errors().get(0));
            return;
        }
        Sweep sweep = c.sweep();
        if (!submit(sweep)) return;
        csv.setEnabled(false);
        display.reset(sweep);
        status.setText("Submitted: " + sweep.cells().size() + " runs of n = " + sweep.base().n() + ", t = 0 to "
                + sweep.base().values().get("tmax") + ".");
    }

    @Override
    protected void show(Sweep sweep, List<Sweep.Row> rows, List<Sweep.Row> added) {
        display.show(sweep, rows);
    }

    @Override
    protected String progress(Sweep sweep, List<Sweep.Row> rows) {
        return rows.size() + " of " + sweep.cells().size() + " runs measured (n = " + sweep.base().n() + ", " + sweep.seeds().size()
                + " seeds)...";
    }

    @Override
    protected String finished(Sweep sweep, List<Sweep.Row> rows) {
        csv.setEnabled(true);
        return "Done: " + rows.size() + " runs. " + display.reading(sweep, rows);
    }

    /** The chart (for tests). */
    public Component chart() {
        return display.component();
    }
}
