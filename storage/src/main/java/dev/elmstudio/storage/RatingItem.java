package dev.elmstudio.storage;

/**
 * One item of a rater session: one output, or two side by side. {@code leftModel}/{@code rightModel} say which model
 * wrote each side; the rater view must never show them.
 */
public record RatingItem(long id, long sessionId, int position, String task, String inputJson, String leftText,
        String rightText, String leftModel, String rightModel) {

    /** An item before it has an id and a position. */
    public record Draft(String task, String inputJson, String leftText, String rightText, String leftModel,
            String rightModel) {}
}
