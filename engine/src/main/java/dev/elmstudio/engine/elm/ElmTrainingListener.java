package dev.elmstudio.engine.elm;

import dev.elmstudio.engine.train.TrainingEvent;

/**
 * Progress of an ELM run, on the training thread: the shared {@link TrainingEvent}s (step, loss, lr, tokens/s,
 * ETA, validation, checkpoint, finished, cancelled) tagged with their stage, plus stage starts. Return quickly.
 * Step numbers in events count updates over the whole run (both stages).
 */
public interface ElmTrainingListener {
    ElmTrainingListener NONE = (stage, event) -> { };

    void onEvent(Stage stage, TrainingEvent event);

    /** A stage begins (or resumes) at run-wide update {@code step}; it ends after {@code stageSteps} updates. */
    default void onStageStarted(Stage stage, int step, int stageSteps) {}
}
