package dev.elmstudio.app.compare;

/**
 * One model's answer in a comparison, with what exactly it was given.
 *
 * @param received the prompt as the model got it ("⟨vector⟩" where the ELM's slot takes an embedding)
 * @param note what differs from the other model's input, or ""
 * @param scoredAgainst what SC/BC compare the text with
 */
public record Answer(String model, String received, String note, String text, ConsistencyScorer.Scores scores,
        String scoredAgainst) {}
