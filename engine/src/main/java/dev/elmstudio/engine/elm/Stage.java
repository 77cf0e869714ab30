package dev.elmstudio.engine.elm;

/** The two stages of ELM training (the paper's section on training). */
public enum Stage {
    /** Stage 1: only the adapters learn; every LM weight stays bit-identical. */
    ADAPTER_ONLY,
    /** Stage 2: the adapters and the whole LM learn. */
    FULL
}
