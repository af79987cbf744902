package org.rnnlab.experiment;

/** One bad value: which field (the link key) and why, in words a student understands. */
public record FieldError(String field, String message) {
    @Override
    public String toString() {
        return field + ": " + message;
    }
}
