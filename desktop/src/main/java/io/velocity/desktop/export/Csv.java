package io.velocity.desktop.export;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled; CRLF line ends. */
public final class Csv {
    private Csv() {
    }

    public static String field(String s) {
        if (s == null) {
            return "";
        }
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    public static String format(List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(field(row.get(i)));
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }

    public static byte[] bytes(List<List<String>> rows) {
        return format(rows).getBytes(StandardCharsets.UTF_8);
    }
}
