package io.velocity.core;

/** Process exit codes shared by every entry point (DESIGN.md §6). */
public enum ExitCode {
    OK(0),
    FAILURE(1),
    BAD_INPUT(2),
    LOCKED(3),
    INTEGRITY(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
