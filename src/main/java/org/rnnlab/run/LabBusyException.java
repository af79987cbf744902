package org.rnnlab.run;

/** A run was refused for a reason the user can act on; the message says it in their words. */
public final class LabBusyException extends Exception {
    public LabBusyException(String message) {
        super(message);
    }
}
