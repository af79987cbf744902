package org.rnnlab.experiment;

/** One bad value: which field (the link key) and why, in words a student understands. */
public record FieldError(String field, String message) {
    /** A user's text as quoted in a message: at most 24 characters. */
    public static String abbreviate(String s) {
        return s.length() <= 24 ? s : s.substring(0, 21) + "...";
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
