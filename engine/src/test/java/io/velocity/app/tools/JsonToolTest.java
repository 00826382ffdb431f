package io.velocity.app.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonToolTest {

    @Test
    void unexpectedFailureExitsOneNamingOnlyTheExceptionClass() {
        ToolRun result = ToolRun.of((in, out, err) -> JsonTool.run("demo", List.of("secret"), request -> {
            throw new IllegalStateException("message that might quote " + request.secretText("secret"));
        }, in, out, err), "{\"secret\":\"hunter2-hunter2\"}");

        assertThat(result.exitCode()).isEqualTo(JsonTool.FAILED);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLine()).isEqualTo("demo: internal error (java.lang.IllegalStateException)");
    }

    @Test
    void libraryValidationErrorsAreBadInputAndScrubbedOfSecrets() {
        ToolRun result = ToolRun.of((in, out, err) -> JsonTool.run("demo", List.of("secret"), request -> {
            throw new IllegalArgumentException("other: got " + request.secretText("secret"));
        }, in, out, err), "{\"secret\":\"hunter2-hunter2\"}");

        assertThat(result.exitCode()).isEqualTo(JsonTool.BAD_INPUT);
        assertThat(result.errLine()).isEqualTo("other: got <redacted>");
    }

    @Test
    void successPrintsTheResultAsOneJsonLine() {
        ToolRun result = ToolRun.of((in, out, err) -> JsonTool.run("demo", List.of(),
                request -> JsonRequest.newObject().put("echo", request.text("a")), in, out, err), "{\"a\":\"b\"}");

        assertThat(result.exitCode()).isEqualTo(JsonTool.OK);
        assertThat(result.out()).isEqualTo("{\"echo\":\"b\"}" + System.lineSeparator());
        assertThat(result.err()).isEmpty();
    }
}
