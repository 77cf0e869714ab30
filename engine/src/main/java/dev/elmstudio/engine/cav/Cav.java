package dev.elmstudio.engine.cav;

/**
 * A concept activation vector for one attribute, with the evidence that it is real.
 *
 * @param attribute               the attribute's name ("funny", "action filled")
 * @param direction               the classifier's normal w/‖w‖, a unit vector in embedding space
 * @param classifier              the fitted classifier (its logit is the attribute score)
 * @param heldOutAccuracy         fraction of held-out items classified correctly
 * @param heldOutBalancedAccuracy mean of the held-out per-class recalls; 0.5 is chance
 * @param randomBalancedAccuracies held-out balanced accuracy of each random direction
 * @param pValue                  (1 + #{random ≥ CAV}) / (1 + #random), see {@link CavTrainer}
 * @param trainItems              items the classifier was fitted on
 * @param testItems               held-out items
 */
public record Cav(
        String attribute,
        float[] direction,
        LogisticModel classifier,
        double heldOutAccuracy,
        double heldOutBalancedAccuracy,
        double[] randomBalancedAccuracies,
        double pValue,
        int trainItems,
        int testItems) {

    /** The attribute score of a vector in the embedding space: the classifier's logit. */
    public double score(float[] embedding) {
        return classifier.logit(embedding);
    }
}
