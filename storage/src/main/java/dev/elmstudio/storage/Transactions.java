package dev.elmstudio.storage;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs a unit of work in one transaction: all of it is committed, or none of it. */
final class Transactions {

    /** Work that needs a connection and may throw {@link SQLException}. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private Transactions() {}

    /**
     * Runs {@code work} between BEGIN and COMMIT, rolls back on any failure and restores
     * auto-commit. Readers on other connections see either none or all of the work's rows.
     */
    static <T> T inTransaction(Connection connection, SqlWork<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            rollbackQuietly(connection, e);
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            // The original failure is what the user needs to see; keep this one beside it.
            failure.addSuppressed(rollbackFailure);
        }
    }
}
