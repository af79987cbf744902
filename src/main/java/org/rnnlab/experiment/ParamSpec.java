package org.rnnlab.experiment;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * One parameter of the link schema: its key (also the field's name in forms and messages), a label, what
 * values it takes, and how it reads its value from a config and writes it into one. The same table
 * ({@link Schema}) drives the link codec, the configs' text form, the forms and the README's schema: a key is
 * named in one place.
 *
 * @param optional empty text means "the default", which links leave out (keys added after schema v=1 began, so
 *                 that older links keep their numbers and their text)
 * @param read     the value of this key in a config, as link text ({@code ""} for an optional key at its default)
 * @param write    sets this key in a builder from checked link text
 */
public record ParamSpec(String key, String label, Kind kind, double min, double max, List<String> choices, String help,
        boolean optional, Function<ExperimentConfig, String> read, BiConsumer<ExperimentConfig.Builder, String> write) {
    public enum Kind {
        INTEGER,
        REAL,
        CHOICE
    }

    static ParamSpec integer(String key, String label, long min, long max, String help, ToLongFunction<ExperimentConfig> read,
            BiConsumer<ExperimentConfig.Builder, Long> write) {
        return new ParamSpec(key, label, Kind.INTEGER, min, max, List.of(), help, false, c -> Long.toString(read.applyAsLong(c)),
                (b, text) -> write.accept(b, Long.parseLong(text.strip())));
    }

    /** A whole number that may be left empty: {@code unset} stands for "not given" in the config. */
    static ParamSpec optionalInteger(String key, String label, long min, long max, String help, long unset,
            ToLongFunction<ExperimentConfig> read, BiConsumer<ExperimentConfig.Builder, Long> write) {
        return new ParamSpec(key, label, Kind.INTEGER, min, max, List.of(), help, true, c -> {
            long v = read.applyAsLong(c);
            return v == unset ? "" : Long.toString(v);
        }, (b, text) -> write.accept(b, text.isBlank() ? unset : Long.parseLong(text.strip())));
    }

    /** A number that may be left empty, meaning {@code fallback}; a value equal to it is left out of links too. */
    static ParamSpec optionalReal(String key, String label, double min, double max, String help, double fallback,
            ToDoubleFunction<ExperimentConfig> read, BiConsumer<ExperimentConfig.Builder, Double> write) {
        return new ParamSpec(key, label, Kind.REAL, min, max, List.of(), help, true, c -> {
            double v = read.applyAsDouble(c);
            return v == fallback ? "" : Numbers.format(v);
        }, (b, text) -> write.accept(b, text.isBlank() ? fallback : Numbers.parse(text.strip())));
    }

    static ParamSpec real(String key, String label, double min, double max, String help, ToDoubleFunction<ExperimentConfig> read,
            BiConsumer<ExperimentConfig.Builder, Double> write) {
        return new ParamSpec(key, label, Kind.REAL, min, max, List.of(), help, false, c -> Numbers.format(read.applyAsDouble(c)),
                (b, text) -> write.accept(b, Numbers.parse(text.strip())));
    }

    static ParamSpec choice(String key, String label, List<String> choices, String help, Function<ExperimentConfig, String> read,
            BiConsumer<ExperimentConfig.Builder, String> write) {
        return new ParamSpec(key, label, Kind.CHOICE, Double.NaN, Double.NaN, choices, help, false, read,
                (b, text) -> write.accept(b, text.strip()));
    }

    /** A choice that may be left empty, meaning {@code choices.get(0)}; that value is left out of links too. */
    static ParamSpec optionalChoice(String key, String label, List<String> choices, String help, Function<ExperimentConfig, String> read,
            BiConsumer<ExperimentConfig.Builder, String> write) {
        String fallback = choices.get(0);
        return new ParamSpec(key, label, Kind.CHOICE, Double.NaN, Double.NaN, choices, help, true, c -> {
            String v = read.apply(c);
            return v.equals(fallback) ? "" : v;
        }, (b, text) -> write.accept(b, text.isBlank() ? fallback : text.strip()));
    }

    /** What the field accepts, for messages: "a whole number from 1 to 2000", "one of notebook, continuous". */
    public String allowed() {
        return switch (kind) {
            case INTEGER -> "a whole number from " + Numbers.format(min) + " to " + Numbers.format(max);
            case REAL -> "a number from " + Numbers.format(min) + " to " + Numbers.format(max);
            case CHOICE -> "one of " + String.join(", ", choices);
        };
    }

    /**
     * Checks one raw value.
     *
     * @return the error, or null when {@code raw} is allowed
     */
    FieldError check(String raw) {
        String value = raw.strip();
        if (optional && value.isEmpty()) return null;
        boolean ok = switch (kind) {
            case INTEGER -> {
                try {
                    long v = Long.parseLong(value);
                    yield v >= min && v <= max;
                } catch (NumberFormatException e) {
                    yield false;
                }
            }
            case REAL -> {
                double v = Numbers.parse(value);
                yield !Double.isNaN(v) && v >= min && v <= max;
            }
            case CHOICE -> choices.contains(value);
        };
        if (ok) return null;
        return new FieldError(key, "must be " + allowed() + " (got '" + FieldError.abbreviate(value) + "')");
    }
}
