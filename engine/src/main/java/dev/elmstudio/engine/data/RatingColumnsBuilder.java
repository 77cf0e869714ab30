package dev.elmstudio.engine.data;

/** Collects ratings row by row into compact columns while mapping raw ids to dense indices. */
final class RatingColumnsBuilder {
    private final IdIndex users = new IdIndex(1 << 12);
    private final IdIndex movies = new IdIndex(1 << 12);
    private final IntList userColumn;
    private final IntList movieColumn;
    private final FloatList valueColumn;
    private final IntList timeColumn;

    /** @param expectedRows a guess from the file size, so the columns rarely need to grow */
    RatingColumnsBuilder(long expectedRows) {
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(1024, expectedRows));
        userColumn = new IntList(capacity);
        movieColumn = new IntList(capacity);
        valueColumn = new FloatList(capacity);
        timeColumn = new IntList(capacity);
    }

    void add(int userId, int movieId, float value, int timestamp) {
        userColumn.add(users.indexOrAdd(userId));
        movieColumn.add(movies.indexOrAdd(movieId));
        valueColumn.add(value);
        timeColumn.add(timestamp);
    }

    Ratings build() {
        return new Ratings(userColumn.toArray(), movieColumn.toArray(), valueColumn.toArray(), timeColumn.toArray(),
                users.ids(), movies.ids());
    }
}
