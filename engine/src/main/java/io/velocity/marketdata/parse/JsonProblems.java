package io.velocity.marketdata.parse;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.IOException;

/** One-line descriptions of JSON syntax errors, without Jackson's source-location suffix. */
public final class JsonProblems {
    private JsonProblems() {
    }

    /** e.g. {@code "not JSON: Unexpected end-of-input: expected close marker for Object"}. */
    public static String notJson(IOException e) {
        String m = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        if (m == null) {
            return "not JSON";
        }
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        int marker = m.indexOf(" (start marker at");
        if (marker >= 0) {
            m = m.substring(0, marker);
        }
        return "not JSON: " + m.strip();
    }
}
