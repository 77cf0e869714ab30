package dev.elmstudio.storage;

import java.time.Instant;

/**
 * One row of {@code runs}.
 *
 * @param id row id, also the run's number shown to users
 * @param kind pretraining or ELM training
 * @param name the user's label for the run
 * @param configJson the full training configuration, as JSON, so the run can be repeated
 * @param status where the run stands
 * @param stage ELM training stage (1 = adapter only, 2 = fine-tune); null for pretraining
 * @param createdAt when the run was created
 * @param updatedAt when its status or stage last changed
 */
public record Run(
        long id,
        RunKind kind,
        String name,
        String configJson,
        RunStatus status,
        Integer stage,
        Instant createdAt,
        Instant updatedAt) {}
