package org.rnnlab.run;

/** Where a run is in its life, as the status line says it. */
public enum RunStatus {
    QUEUED("queued"),
    RUNNING("running"),
    PAUSED("paused"),
    DONE("done"),
    STOPPED("stopped"),
    FAILED("failed");

    private final String label;

    RunStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isFinal() {
        return this == DONE || this == STOPPED || this == FAILED;
    }
}
