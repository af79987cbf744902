package org.rnnlab.ui.run;

import com.vaadin.flow.dom.Element;
import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.rnnlab.core.ForceRun;
import org.rnnlab.core.LyapunovEstimate;
import org.rnnlab.core.TraceLog;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.FieldError;
import org.rnnlab.experiment.Limits;
import org.rnnlab.experiment.LinkCodec;
import org.rnnlab.experiment.ParamSpec;
import org.rnnlab.experiment.Schema;
import org.rnnlab.run.RunHandle;
import org.rnnlab.run.RunStatus;
import org.rnnlab.ui.component.TimeSeriesChart;

/**
 * Finished runs kept on a page to compare the next ones with ("Pin"): each is drawn dimmed under the live
 * run's chart and listed, with its measured numbers, in a small table beside the live run's. A pin is its
 * config and the run that computed it (a pin from a link is computed again on the scheduler: the same config
 * gives the same numbers). In the link a pin is written as the parameters where it differs from the page's run
 * ({@code pin1=g:1.2,seed:3}), so a shared link shows the same comparison.
 */
public final class PinnedRuns extends Div {
    public static final int MAX = 3;
    /** Link keys of the pins. */
    public static final List<String> KEYS = List.of("pin1", "pin2", "pin3");
    /** A pin's parameters in a link are all the page's own. */
    static final String SAME = "same";
    private static final String[] COLORS = {"#6b6b6b", "#a05195", "#8c6d31"};
    private static final int MAX_POINTS = 2000;

    /** One kept run; {@code lyapunov} arrives after the run for exercises 1 and 2. */
    public static final class Pin {
        private final ExperimentConfig config;
        private final RunHandle run;
        private @Nullable LyapunovEstimate lyapunov;
        private String failure = "";
        /** A finished FORCE pin's test error, computed once (the table is redrawn on every tick of a live run). */
        private ForceRun.@Nullable ErrorStats testError;

        Pin(ExperimentConfig config, RunHandle run, @Nullable LyapunovEstimate lyapunov) {
            this.config = config;
            this.run = run;
            this.lyapunov = lyapunov;
        }

        public ExperimentConfig config() {
            return config;
        }

        public RunHandle run() {
            return run;
        }

        public @Nullable LyapunovEstimate lyapunov() {
            return lyapunov;
        }

        void measured(@Nullable LyapunovEstimate estimate, String failure) {
            this.lyapunov = estimate;
            this.failure = failure;
        }
    }

    private final List<Pin> pins = new ArrayList<>();
    private final Element table = new Element("table");
    private List<List<String>> shownRows = List.of();

    public PinnedRuns() {
        addClassName("pinned-runs");
        setId("pinned-runs");
        table.setAttribute("aria-label", "The pinned runs and this run, side by side");
        getElement().appendChild(table);
        setVisible(false);
    }

    public List<Pin> pins() {
        return List.copyOf(pins);
    }

    public boolean isFull() {
        return pins.size() >= MAX;
    }

    Pin add(ExperimentConfig config, RunHandle run, @Nullable LyapunovEstimate lyapunov) {
        Pin pin = new Pin(config, run, lyapunov);
        pins.add(pin);
        return pin;
    }

    /** Removes every pin and stops the runs still computing one. */
    void clear() {
        pins.forEach(p -> p.run().stop());
        pins.clear();
        shownRows = List.of();
        table.removeAllChildren();
        setVisible(false);
    }

    /** The pins as they are drawn under {@code chart} (finished ones only), labelled by how they differ from {@code current}. */
    List<TimeSeriesChart.Overlay> overlays(ExperimentConfig current) {
        List<TimeSeriesChart.Overlay> out = new ArrayList<>();
        for (int i = 0; i < pins.size(); i++) {
            Pin pin = pins.get(i);
            if (pin.run().status() != RunStatus.DONE) continue;
            TraceLog.Frames f = pin.run().frames().all();
            int stride = Math.max(1, (f.size() + MAX_POINTS - 1) / MAX_POINTS);
            double[][] ys = pin.config().isForce() ? new double[][] {f.output()} : f.neurons();
            double[][] thinned = new double[ys.length][];
            for (int j = 0; j < ys.length; j++) thinned[j] = every(ys[j], stride);
            out.add(new TimeSeriesChart.Overlay(label(i, pin.config(), current), COLORS[i], every(f.times(), stride), thinned));
        }
        return out;
    }

    private static double[] every(double[] values, int stride) {
        double[] out = new double[(values.length + stride - 1) / stride];
        for (int k = 0; k < out.length; k++) out[k] = values[k * stride];
        return out;
    }

    /** "Pinned 1: g = 1.2, seed = 3". */
    static String label(int index, ExperimentConfig pin, ExperimentConfig current) {
        Map<String, String> differ = differences(pin, current);
        String what = differ.isEmpty() ? "same parameters"
                : differ.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", "));
        return "Pinned " + (index + 1) + ": " + what;
    }

    /** The parameters (key, pin's value) where {@code pin} differs from {@code current}. */
    static Map<String, String> differences(ExperimentConfig pin, ExperimentConfig current) {
        Map<String, String> mine = pin.values();
        Map<String, String> theirs = current.values();
        Map<String, String> out = new LinkedHashMap<>();
        mine.forEach((k, v) -> {
            if (!k.equals("v") && !v.equals(theirs.get(k))) out.put(k, v);
        });
        // A key the pin leaves at its default (e.g. eps) but the page's run sets: the pin's default is the difference.
        theirs.keySet().stream().filter(k -> !mine.containsKey(k) && !k.equals("v")).forEach(k -> out.put(k, "default"));
        return out;
    }

    /** The link values of the pins, written against the page's run {@code current}. */
    public Map<String, String> linkValues(ExperimentConfig current) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pins.size(); i++) {
            Map<String, String> differ = differences(pins.get(i).config(), current);
            differ.replaceAll((k, v) -> v.equals("default") ? "" : v);
            values.put(KEYS.get(i), differ.isEmpty() ? SAME : differ.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                    .collect(Collectors.joining(",")));
        }
        return values;
    }

    /**
     * A pin of a link ({@code pinN=g:1.2,seed:3}): {@code current} with those values, checked as a link is. What is
     * wrong goes to {@code errors} under the pin's key, and the pin is dropped (null).
     */
    public static @Nullable ExperimentConfig parse(String key, String text, ExperimentConfig current, Limits limits, List<FieldError> errors) {
        Map<String, String> values = new LinkedHashMap<>(current.values());
        Set<String> allowed = Schema.specs(current.exercise(), limits).stream().map(ParamSpec::key)
                .filter(k -> !k.equals("exercise")).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        String body = text.strip();
        if (!body.equals(SAME)) {
            for (String pair : body.split(",")) {
                String[] kv = pair.split(":", 2);
                String k = kv[0].strip();
                if (kv.length != 2 || !allowed.contains(k)) {
                    errors.add(new FieldError(key, "'" + FieldError.abbreviate(pair) + "' is not key:value with a parameter of exercise "
                            + current.exercise() + " (" + String.join(", ", allowed) + "), or '" + SAME + "'"));
                    return null;
                }
                if (kv[1].isBlank()) values.remove(k);
                else values.put(k, kv[1].strip());
            }
        }
        LinkCodec.Parsed parsed = LinkCodec.parse(LinkCodec.format(values), limits);
        if (!parsed.errors().isEmpty()) {
            parsed.errors().forEach(e -> errors.add(new FieldError(key, e.field() + ": " + e.message())));
            return null;
        }
        return parsed.config();
    }

    /**
     * Lists the pins and the page's run side by side: label, status or measured numbers. Only rewritten when a
     * row changes (the panel calls this on every tick).
     */
    void show(ExperimentConfig current, @Nullable RunCharts live) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < pins.size(); i++) {
            Pin pin = pins.get(i);
            rows.add(List.of(COLORS[i], label(i, pin.config(), current), numbers(pin)));
        }
        if (!pins.isEmpty()) rows.add(List.of("", "This run", live == null ? "" : numbers(live)));
        if (rows.equals(shownRows)) return;
        shownRows = rows;
        table.removeAllChildren();
        Element head = new Element("tr");
        for (String h : List.of("Line", "Run", current.isForce() ? "Test error (learning off)" : "Largest Lyapunov exponent")) {
            head.appendChild(new Element("th").setText(h).setAttribute("scope", "col"));
        }
        table.appendChild(head);
        for (List<String> row : rows) {
            Element tr = new Element("tr");
            Element swatch = new Element("span").setAttribute("aria-hidden", "true");
            swatch.getClassList().add("pin-swatch");
            if (!row.get(0).isEmpty()) swatch.getStyle().set("border-top-color", row.get(0));
            tr.appendChild(new Element("td").appendChild(swatch), new Element("td").setText(row.get(1)),
                    new Element("td").setText(row.get(2)));
            table.appendChild(tr);
        }
        setVisible(!pins.isEmpty());
    }

    private static String numbers(Pin pin) {
        RunStatus status = pin.run().status();
        if (status == RunStatus.QUEUED) return "queued (computed again from its parameters)";
        if (status == RunStatus.RUNNING || status == RunStatus.PAUSED) return "computing again from its parameters...";
        if (status != RunStatus.DONE) return "not computed: " + status.name().toLowerCase(Locale.ROOT);
        if (pin.config().isForce()) {
            if (pin.testError == null) pin.testError = testError(pin.run().frames().all(), pin.config().train(), new ForceRun.ErrorStats());
            return errorText(pin.testError);
        }
        return lyapunovText(pin.lyapunov(), pin.failure, pin.config());
    }

    private static String numbers(RunCharts live) {
        if (live.config().isForce()) return live.testErrorStats().count() == 0 ? "" : errorText(live.testErrorStats());
        return lyapunovText(live.lyapunov(), "", live.config());
    }

    private static String errorText(ForceRun.ErrorStats test) {
        return test.count() == 0 ? "no test phase (train ≥ tmax)"
                : String.format(Locale.ROOT, "RMSE %.4f, MAE %.4f", test.rmse(), test.mae());
    }

    private static String lyapunovText(@Nullable LyapunovEstimate e, String failure, ExperimentConfig config) {
        if (e == null) return failure.isEmpty() ? "measuring..." : "not measured: " + failure;
        return "λ = " + Readings.statedSigned(e.exponent(), e.standardError()) + " (" + Readings.shortVerdict(e, config) + ")";
    }

    /**
     * Adds to {@code stats} the output errors of {@code frames} after learning stopped ({@code t > train}): the
     * test error as the page shows it, for the live run (batch by batch) and for a pin (all at once).
     */
    static ForceRun.ErrorStats testError(TraceLog.Frames frames, double train, ForceRun.ErrorStats stats) {
        for (int k = 0; k < frames.size(); k++) {
            if (frames.times()[k] > train) stats.add(frames.output()[k] - frames.target()[k]);
        }
        return stats;
    }
}
