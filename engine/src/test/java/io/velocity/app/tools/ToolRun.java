package io.velocity.app.tools;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Captures one in-process tool run: exit code, stdout and stderr. */
record ToolRun(int exitCode, String out, String err) {

    interface Tool {
        int run(InputStream in, PrintStream out, PrintStream err);
    }

    static ToolRun of(Tool tool, String stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = tool.run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new ToolRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The single stderr line without its terminator. */
    String errLine() {
        return err.strip();
    }
}
