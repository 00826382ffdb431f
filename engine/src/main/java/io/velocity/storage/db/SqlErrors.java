package io.velocity.storage.db;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientException;

/** Classifies database failures by SQLSTATE: is it the data, or is the server unavailable? */
final class SqlErrors {
    private SqlErrors() {
    }

    /**
     * True when the failure is about the rows themselves: SQLSTATE class 22 (data exception,
     * e.g. an invalid byte sequence) or 23 (integrity constraint, e.g. a CHECK). Retrying the
     * same rows cannot succeed. Schema problems (class 42) are not counted here: they are fixed
     * by a migration, after which the same rows succeed.
     */
    static boolean isDataError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                // a failed batch reports the statement's real error as the next exception
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    String state = s.getSQLState();
                    if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * One short line for logs: the SQLSTATE and the server's own first message line. A failed
     * JDBC batch's message repeats the whole statement with every row's values, so the batch's
     * next exception (the server error itself) is used instead.
     */
    static String describe(Throwable failure) {
        SQLException sql = null;
        for (Throwable t = failure; t != null && sql == null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                sql = s;
            }
        }
        if (sql == null) {
            return firstLine(String.valueOf(failure.getMessage()));
        }
        SQLException root = sql.getNextException() != null ? sql.getNextException() : sql;
        String state = root.getSQLState() != null ? root.getSQLState() : sql.getSQLState();
        return (state != null ? "SQLSTATE " + state + ": " : "") + firstLine(String.valueOf(root.getMessage()));
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        String line = (nl >= 0 ? text.substring(0, nl) : text).trim();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    /**
     * True when the server could not be reached or went away (connection refused, reset, timed
     * out, shutting down): SQLSTATE classes 08 and 57P, or a socket failure underneath.
     */
    static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof SocketException || t instanceof SocketTimeoutException
                    || t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
