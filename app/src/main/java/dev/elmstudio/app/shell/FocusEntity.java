package dev.elmstudio.app.shell;

/**
 * The entity the app was asked to show, e.g. the demo's featured film after the demo workspace opens. Panels that
 * show one entity (Explore) follow {@link MainViewModel#focusEntityProperty()}; the others ignore it.
 *
 * @param dataset dataset name in the open workspace
 * @param kind "movie" (the only kind so far)
 * @param id the entity's id in the dataset
 * @param label readable name, e.g. "Twister (1996)"
 * @param elmRunId the ELM run to describe it with, or null for none in particular
 * @param concept a concept to push it along first ("tag:masterpiece"), used when the run's concepts include it; or
 *     null for none
 */
public record FocusEntity(String dataset, String kind, int id, String label, Long elmRunId, String concept) {
    /** Without a concept. */
    public FocusEntity(String dataset, String kind, int id, String label, Long elmRunId) {
        this(dataset, kind, id, label, elmRunId, null);
    }
}
