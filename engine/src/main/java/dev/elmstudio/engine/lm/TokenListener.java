package dev.elmstudio.engine.lm;

/** Receives generated tokens as they are decided, for streaming text into a view. */
@FunctionalInterface
public interface TokenListener {
    /**
     * @param tokenId the new token
     * @param textSoFar the generated text up to and including it (empty when no text decoder was given)
     * @return false to stop generating (a cancelled request)
     */
    boolean onToken(long tokenId, String textSoFar);
}
