package io.velocity.app.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/**
 * The contract every stdin-JSON tool shares: one request in, one JSON line out; exit 0 on success,
 * 2 with one stderr line naming the field on bad input, 1 with the exception class only on an
 * unexpected failure. Secret fields are registered before anything can fail, so every error line
 * is scrubbed of them.
 */
final class JsonTool {

    /** Exit code: the result was printed. */
    static final int OK = 0;
    /** Exit code: something unexpected failed (a bug, not the input). */
    static final int FAILED = 1;
    /** Exit code: the request is invalid; stderr names the field. */
    static final int BAD_INPUT = 2;

    private JsonTool() {
    }

    static int run(String toolName, List<String> secretFields, Function<JsonRequest, ObjectNode> handler,
                   InputStream in, PrintStream out, PrintStream err) {
        JsonRequest request = null;
        try {
            request = JsonRequest.read(in);
            for (String field : secretFields) {
                request.registerSecret(field);
            }
            ObjectNode result = handler.apply(request);
            out.println(JsonRequest.MAPPER.writeValueAsString(result));
            out.flush();
            return OK;
        } catch (BadInputException | IllegalArgumentException badInput) {
            // Library validation messages name the field too ("order.signer: ..."): same treatment.
            err.println(request == null ? badInput.getMessage() : request.redact(badInput.getMessage()));
            err.flush();
            return BAD_INPUT;
        } catch (RuntimeException | JsonProcessingException unexpected) {
            // The class name only: an unexpected message is not known to be free of input text.
            err.println(toolName + ": internal error (" + unexpected.getClass().getName() + ")");
            err.flush();
            return FAILED;
        }
    }
}
