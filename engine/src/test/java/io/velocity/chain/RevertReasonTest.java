package io.velocity.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RevertReasonTest {

    /** Error("NotOperator") as solc encodes it. */
    private static final String NOT_OPERATOR = "0x08c379a0"
            + "0000000000000000000000000000000000000000000000000000000000000020"
            + "000000000000000000000000000000000000000000000000000000000000000b"
            + "4e6f744f70657261746f72000000000000000000000000000000000000000000";

    @Test
    void decodesErrorString() {
        RevertReason reason = RevertReason.decode(NOT_OPERATOR, "execution reverted: NotOperator");

        assertThat(reason.message()).isEqualTo("NotOperator");
        assertThat(reason.kind()).isEqualTo(RevertReason.Kind.ERROR_STRING);
        assertThat(reason.data()).isEqualTo(NOT_OPERATOR);
    }

    @Test
    void decodesDataKeptAsRawJsonByWeb3j() {
        assertThat(RevertReason.decode("\"" + NOT_OPERATOR + "\"", null).message()).isEqualTo("NotOperator");
        assertThat(RevertReason.decode("{\"message\":\"revert\",\"data\":\"" + NOT_OPERATOR + "\"}", null)
                .message()).isEqualTo("NotOperator");
    }

    @Test
    void decodesPanicCode() {
        String overflow = "0x4e487b71" + "0".repeat(62) + "11";

        RevertReason reason = RevertReason.decode(overflow, null);

        assertThat(reason.message()).isEqualTo("panic 0x11");
        assertThat(reason.kind()).isEqualTo(RevertReason.Kind.PANIC);
    }

    @Test
    void reportsCustomErrorSelector() {
        RevertReason reason = RevertReason.decode("0x3f6cc768", "execution reverted");

        assertThat(reason.message()).isEqualTo("custom error 0x3f6cc768");
        assertThat(reason.kind()).isEqualTo(RevertReason.Kind.CUSTOM_ERROR);
    }

    @Test
    void fallsBackToNodeMessageWithoutData() {
        assertThat(RevertReason.decode(null, "execution reverted").message()).isEqualTo("execution reverted");
        assertThat(RevertReason.decode("0x", null).kind()).isEqualTo(RevertReason.Kind.NO_DATA);
        assertThat(RevertReason.decode("not hex", "out of gas").message()).isEqualTo("out of gas");
    }

    @Test
    void truncatedErrorStringIsReportedAsCustomErrorNotGarbage() {
        String truncated = NOT_OPERATOR.substring(0, 10 + 64 + 10);

        RevertReason reason = RevertReason.decode(truncated, null);

        assertThat(reason.kind()).isEqualTo(RevertReason.Kind.CUSTOM_ERROR);
        assertThat(reason.message()).isEqualTo("custom error 0x08c379a0");
    }
}
