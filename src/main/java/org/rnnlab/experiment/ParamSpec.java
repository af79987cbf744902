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
 * @param read  the value of this key in a config, as link text
 * @param write sets this key in a builder from checked link text
 */
public record ParamSpec(String key, String label, Kind kind, double min, double max, List<String> choices, String help,
        Function<ExperimentConfig, String> read, BiConsumer<ExperimentConfig.Builder, String> write) {
    public enum Kind {
        INTEGER,
        REAL,
        CHOICE
    }

    static ParamSpec integer(String key, String label, long min, long max, String help, ToLongFunction<ExperimentConfig> read,
            BiConsumer<ExperimentConfig.Builder, Long> write) {
        return new ParamSpec(key, label, Kind.INTEGER, min, max, List.of(), help, c -> Long.toString(read.applyAsLong(c)),
                (b, text) -> write.accept(b, Long.parseLong(text.strip())));
    }

    static ParamSpec real(String key, String label, double min, double max, String help, ToDoubleFunction<ExperimentConfig> read,
            BiConsumer<ExperimentConfig.Builder, Double> write) {
        return new ParamSpec(key, label, Kind.REAL, min, max, List.of(), help, c -> Numbers.format(read.applyAsDouble(c)),
                (b, text) -> write.accept(b, Numbers.parse(text.strip())));
    }

    static ParamSpec choice(String key, String label, List<String> choices, String help, Function<ExperimentConfig, String> read,
            BiConsumer<ExperimentConfig.Builder, String> write) {
        return new ParamSpec(key, label, Kind.CHOICE, Double.NaN, Double.NaN, choices, help, read,
                (b, text) -> write.accept(b, text.strip()));
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
