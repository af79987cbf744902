package org.rnnlab.ui;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.rnnlab.experiment.ExperimentConfig;
import org.rnnlab.experiment.FieldError;
import org.rnnlab.experiment.Limits;
import org.rnnlab.experiment.LinkCodec;
import org.rnnlab.experiment.ParamSpec;
import org.rnnlab.experiment.Schema;

/**
 * A page's link, read once: the run's config (when the link names any of its parameters), and the page's own
 * keys: {@code step} (1-based in the link, 0-based here), {@code run=1} (start at once) and {@code lock=n,g}
 * (fields shown read-only). Everything wrong is in {@link #errors}, by key, and replaced by a default.
 *
 * @param config   the link's config, or null when it names no parameter (the page keeps its own)
 * @param step     the 0-based step, or -1 when the link does not say
 * @param pins     the pinned runs as the link writes them ({@code pin1} to its text), read against the page's run
 *                 once it is shown ({@link org.rnnlab.ui.run.PinnedRuns#parse})
 * @param sweep    the values of the page's step keys (a sweep step's {@code vary.KEY}, {@code seeds}) as the link writes
 *                 them, read by the step ({@link org.rnnlab.ui.run.SweepStep#open})
 * @param named    the config keys the link names with an allowed value, as read (the rest of {@code config} are defaults)
 */
public record PageLink(@Nullable ExperimentConfig config, int step, boolean run, Set<String> locks, Map<String, String> pins,
        List<FieldError> errors, Map<String, String> sweep, Map<String, String> named) {

    /**
     * The link's config on top of {@code base}: the keys the link names, the others {@code base}'s (a step's own preset,
     * where the link's {@link #config} would take the exercise's defaults for them); {@code base} itself when the link
     * names none.
     */
    public ExperimentConfig over(ExperimentConfig base, Limits limits) {
        if (named.isEmpty() || config == null || config.exercise() != base.exercise()) return config != null ? config : base;
        Map<String, String> values = new LinkedHashMap<>(base.values());
        values.putAll(named);
        LinkCodec.Parsed parsed = LinkCodec.parse(LinkCodec.format(values), limits);
        // The named values passed alone; a combination the base cannot take (plot > n) falls back to the link's own config.
        return parsed.isValid() ? parsed.config() : config;
    }

    /**
     * @param exercise the page's exercise, which a link to it need not name; 0 for a page of any exercise (the
     *                 Playground), where the link's {@code exercise} (default 1) decides
     * @param steps    how many steps the page has (0: none, and {@code step} is not a key of the page)
     */
    public static PageLink parse(String query, int exercise, Limits limits, int steps) {
        return parse(query, exercise, limits, steps, Set.of());
    }

    /** @param stepKeys the keys some step of the page reads itself (a sweep step's {@code vary.g}, {@code seeds}) */
    public static PageLink parse(String query, int exercise, Limits limits, int steps, Set<String> stepKeys) {
        Set<String> keys = LinkState.keys(query);
        // A link to an exercise's own page need not say which exercise it is.
        String full = exercise == 0 || keys.contains("exercise") ? query : "exercise=" + exercise + (query.isEmpty() ? "" : "&" + query);
        Set<String> extraKeys = new LinkedHashSet<>(steps > 0 ? LinkState.GUIDED_PAGE_KEYS : LinkState.PAGE_KEYS);
        extraKeys.addAll(stepKeys);
        LinkCodec.Parsed parsed = LinkCodec.parse(full, limits, extraKeys);
        List<FieldError> errors = new ArrayList<>(parsed.errors());
        Map<String, String> extras = parsed.extras();
        ExperimentConfig config = parsed.config();
        if (exercise != 0 && config.exercise() != exercise) {
            errors.add(new FieldError("exercise", "this page is exercise " + exercise + "; the link's other values were read for it"));
            Map<String, String> values = new LinkedHashMap<>(config.values());
            values.put("exercise", Integer.toString(exercise));
            config = LinkCodec.parse(LinkCodec.format(values), limits).config();
        }
        boolean hasConfig = keys.contains("exercise") && exercise == 0
                || Schema.specs(config.exercise(), limits).stream().anyMatch(spec -> keys.contains(spec.key()));
        int step = -1;
        String s = extras.get("step");
        if (s != null) {
            s = s.strip();
            if (s.matches("\\d{1,3}") && Integer.parseInt(s) >= 1 && Integer.parseInt(s) <= steps) step = Integer.parseInt(s) - 1;
            else errors.add(new FieldError("step", "must be a whole number from 1 to " + steps + " (got '" + FieldError.abbreviate(s) + "')"));
        }
        String run = extras.get("run");
        if (run != null && !run.equals("1") && !run.equals("0")) errors.add(new FieldError("run", "must be 1 (start at once) or 0"));
        Set<String> locks = LinkState.locks(extras, config.exercise(), limits, errors);
        Map<String, String> pins = new LinkedHashMap<>();
        for (String key : org.rnnlab.ui.run.PinnedRuns.KEYS) {
            if (extras.containsKey(key)) pins.put(key, extras.get(key));
        }
        Map<String, String> sweep = new LinkedHashMap<>(extras);
        sweep.keySet().removeIf(LinkState.GUIDED_PAGE_KEYS::contains);
        Map<String, String> named = new LinkedHashMap<>();
        Map<String, String> read = config.values();
        for (ParamSpec spec : Schema.specs(config.exercise(), limits)) {
            String key = spec.key();
            if (keys.contains(key) && errors.stream().noneMatch(e -> e.field().equals(key))) named.put(key, read.getOrDefault(key, ""));
        }
        return new PageLink(hasConfig ? config : null, step, "1".equals(run), locks, pins, List.copyOf(errors), sweep, Map.copyOf(named));
    }

    /** The link of a page showing {@code config} (or only its step, when null), at {@code step} (0-based, or -1). */
    public static Map<String, String> values(@Nullable ExperimentConfig config, int step, Set<String> locks, Map<String, String> pins) {
        Map<String, String> values = new LinkedHashMap<>();
        if (config != null) values.putAll(config.values());
        else values.put("v", Integer.toString(LinkCodec.VERSION));
        if (step >= 0) values.put("step", Integer.toString(step + 1));
        if (!locks.isEmpty()) values.put("lock", String.join(",", locks));
        values.putAll(pins);
        return values;
    }
}
