package dev.elmstudio.storage;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One row of {@code base_models}: a language model an ELM can be trained on.
 *
 * @param id row id
 * @param name unique label shown to users
 * @param path absolute path of the model folder (config.json, weights, tokenizer.json)
 * @param configJson the model's config.json content
 * @param createdAt when it was registered
 */
public record BaseModel(long id, String name, Path path, String configJson, Instant createdAt) {}
