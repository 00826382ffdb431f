package io.velocity.desktop.fx;

/** The status line at the bottom of the workstation. FX thread only. */
public interface StatusSink {
    void info(String message);

    void error(String message);

    /** A sink that drops everything (for views shown outside the workstation). */
    StatusSink NONE = new StatusSink() {
        @Override
        public void info(String message) {
        }

        @Override
        public void error(String message) {
        }
    };
}
