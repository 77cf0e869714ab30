package dev.elmstudio.storage;

import java.util.Locale;

/**
 * Where a run stands. INTERRUPTED means the process died while the run was RUNNING; resuming it
 * from its last checkpoint sets it RUNNING again.
 */
public enum RunStatus {
    RUNNING,
    FINISHED,
    FAILED,
    CANCELLED,
    INTERRUPTED;

    /** The value stored in {@code runs.status}. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RunStatus fromDb(String value) {
        for (RunStatus status : values()) {
            if (status.dbValue().equals(value)) {
                return status;
            }
        }
        throw new StorageException("runs.status '" + value + "' is not a known run status"
                + " (expected running, finished, failed, cancelled, interrupted)");
    }
}
