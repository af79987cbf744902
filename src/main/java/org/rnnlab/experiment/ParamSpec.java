package org.rnnlab.experiment;

import java.util.List;

/**
 * One parameter of the link schema: its key (also the field's name in forms and messages), a label, and
 * what values it takes. The same table drives the link codec, the forms and the README's schema.
 */
public record ParamSpec(String key, String label, Kind kind, double min, double max, List<String> choices, String help) {
    public enum Kind {
        INTEGER,
        REAL,
        CHOICE
    }

    static ParamSpec integer(String key, String label, long min, long max, String help) {
        return new ParamSpec(key, label, Kind.INTEGER, min, max, List.of(), help);
    }

    static ParamSpec real(String key, String label, double min, double max, String help) {
        return new ParamSpec(key, label, Kind.REAL, min, max, List.of(), help);
    }

    static ParamSpec choice(String key, String label, List<String> choices, String help) {
        return new ParamSpec(key, label, Kind.CHOICE, Double.NaN, Double.NaN, choices, help);
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
