package org.rnnlab.experiment;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Query string to {@link ExperimentConfig} and back (schema {@code v=1}, documented in the README).
 *
 * <p>Parsing is lenient on purpose: a link with a wrong value still opens, with the default for that key
 * and a {@link FieldError} naming the key and what is allowed. Callers that must not guess (the command
 * line) refuse a result with errors.
 */
public final class LinkCodec {
    public static final int VERSION = 1;
    /** Longer query strings are refused whole: no legitimate link comes near this. */
    public static final int MAX_LENGTH = 4096;

    private LinkCodec() {}

    /**
     * @param config the parsed config, with defaults where a value was wrong
     * @param errors one per wrong or unknown key, in the order of the link
     * @param extras values of the caller's own keys (e.g. a page's {@code step}), unchecked
     */
    public record Parsed(ExperimentConfig config, List<FieldError> errors, Map<String, String> extras) {
        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    public static Parsed parse(String query, Limits limits) {
        return parse(query, limits, Set.of());
    }

    /** Parses {@code query} (with or without a leading {@code ?}); {@code extraKeys} are the caller's own. */
    public static Parsed parse(String query, Limits limits, Set<String> extraKeys) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> raw = new LinkedHashMap<>();
        if (query.length() > MAX_LENGTH) {
            errors.add(new FieldError("link", "is longer than " + MAX_LENGTH + " characters; nothing was read"));
            query = "";
        }
        if (query.startsWith("?")) query = query.substring(1);
        for (String piece : query.split("&")) {
            if (piece.isEmpty()) continue;
            int eq = piece.indexOf('=');
            String key = decode(eq < 0 ? piece : piece.substring(0, eq));
            String value = eq < 0 ? "" : decode(piece.substring(eq + 1));
            if (key == null || value == null) {
                errors.add(new FieldError(FieldError.abbreviate(piece), "is not valid URL encoding"));
            } else if (key.isBlank()) {
                errors.add(new FieldError("link", "has a value without a key ('" + FieldError.abbreviate(piece) + "')"));
            } else if (raw.containsKey(key)) {
                errors.add(new FieldError(FieldError.abbreviate(key), "is given more than once; the first value is used"));
            } else {
                raw.put(key, value);
            }
        }
        return interpret(raw, limits, extraKeys, errors);
    }

    private static Parsed interpret(Map<String, String> raw, Limits limits, Set<String> extraKeys, List<FieldError> errors) {
        String version = raw.getOrDefault("v", Integer.toString(VERSION)).strip();
        if (!version.equals(Integer.toString(VERSION))) {
            String why = version.matches("\\d{1,9}") && Integer.parseInt(version) > VERSION
                    ? "this link is from a newer version of RNN Lab (schema v=" + version + "); this server reads v="
                            + VERSION + ", so some values may not be what the link meant"
                    : "must be " + VERSION + " (got '" + FieldError.abbreviate(version) + "')";
            errors.add(new FieldError("v", why));
        }
        int exercise = 1;
        if (raw.containsKey("exercise")) {
            String e = raw.get("exercise").strip();
            if (e.equals("1") || e.equals("2") || e.equals("3")) {
                exercise = Integer.parseInt(e);
            } else {
                errors.add(new FieldError("exercise", "must be one of 1, 2, 3 (got '" + FieldError.abbreviate(e) + "')"));
            }
        }
        List<ParamSpec> specs = Schema.specs(exercise, limits);
        Map<String, String> values = new LinkedHashMap<>();
        for (ParamSpec spec : specs) {
            String value = raw.get(spec.key());
            if (value == null) continue;
            FieldError error = spec.check(value);
            if (error == null) values.put(spec.key(), value.strip());
            else errors.add(error);
        }
        Set<String> known = new LinkedHashSet<>(List.of("v", "exercise"));
        specs.forEach(s -> known.add(s.key()));
        Map<String, String> extras = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            if (known.contains(e.getKey())) continue;
            if (extraKeys.contains(e.getKey())) {
                extras.put(e.getKey(), e.getValue());
            } else {
                Set<String> allowed = new LinkedHashSet<>(known);
                allowed.addAll(extraKeys);
                errors.add(new FieldError(FieldError.abbreviate(e.getKey()),
                        "is not a key of exercise " + exercise + "; allowed: " + String.join(", ", allowed)));
            }
        }
        ExperimentConfig config = ExperimentConfig.fromValues(exercise, values);
        // Cross-field rules: keep the user's n and tmax, repair what depends on them.
        if (config.plot() > config.n()) {
            errors.add(new FieldError("plot", "must be at most n = " + config.n()));
            values.put("plot", Integer.toString(Math.min(config.n(), ExperimentConfig.defaults(exercise).plot())));
            config = ExperimentConfig.fromValues(exercise, values);
        }
        if (config.isForce() && config.train() > config.tmax()) {
            errors.add(new FieldError("train", "must be at most tmax = " + Numbers.format(config.tmax())));
            values.put("train", Numbers.format(config.tmax()));
            config = ExperimentConfig.fromValues(exercise, values);
        }
        return new Parsed(config, List.copyOf(errors), Map.copyOf(extras));
    }

    /** The query string of {@code config} (no leading {@code ?}). */
    public static String format(ExperimentConfig config) {
        return format(config.values());
    }

    /** Encodes key-value pairs in their order. */
    public static String format(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /**
     * Form encoding, but commas and colons stay readable ({@code lock=n,g}, {@code pin1=g:1.2},
     * {@code vary.a=0.125:16:8:log}): both are legal in a query.
     */
    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("%2C", ",").replace("%3A", ":");
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
