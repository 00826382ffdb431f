package io.velocity.telemetry;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;

import java.net.URL;
import java.nio.file.Path;

/**
 * Points the JSON log file at the folder the configuration names. Logback starts before the
 * configuration is read (with the launcher's default folder); when the configured folder differs,
 * the logging configuration is reloaded once with the new folder.
 */
public final class LoggingSetup {
    /** System property read by {@code logback.xml} for the log folder. */
    public static final String LOG_DIR_PROPERTY = "velocity.logDir";

    private LoggingSetup() {
    }

    /** Uses {@code logDir} for the JSON log files from now on. */
    public static void useLogDirectory(Path logDir) {
        String wanted = logDir.toAbsolutePath().toString();
        if (wanted.equals(System.getProperty(LOG_DIR_PROPERTY))) {
            return;
        }
        System.setProperty(LOG_DIR_PROPERTY, wanted);
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return;
        }
        URL config = LoggingSetup.class.getResource("/logback.xml");
        if (config == null || LoggingSetup.class.getResource("/logback-test.xml") != null) {
            return; // tests keep their own console-only configuration
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(ctx);
        ctx.reset();
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            LoggerFactory.getLogger(LoggingSetup.class).error("logging reconfiguration failed; console only", e);
        }
    }
}
