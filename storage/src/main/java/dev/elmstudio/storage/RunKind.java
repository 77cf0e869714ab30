package dev.elmstudio.storage;

import java.util.Locale;

/** What a run trains: a base language model from scratch, or an ELM adapter on top of one. */
public enum RunKind {
    PRETRAIN,
    ELM;

    /** The value stored in {@code runs.kind}. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RunKind fromDb(String value) {
        for (RunKind kind : values()) {
            if (kind.dbValue().equals(value)) {
                return kind;
            }
        }
        throw new StorageException("runs.kind '" + value + "' is not a known run kind (expected pretrain, elm)");
    }
}
