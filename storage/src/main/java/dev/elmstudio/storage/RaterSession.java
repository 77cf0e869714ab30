package dev.elmstudio.storage;

import java.time.Instant;

/**
 * One row of {@code rater_sessions}.
 *
 * @param pinHash the researcher's PIN as stored (salted hash); needed to leave rater mode
 * @param configJson how the session was built (sources, tasks, seed), for the researcher
 */
public record RaterSession(long id, String name, String pinHash, String configJson, Instant createdAt) {}
