package io.velocity.security;

import io.velocity.telemetry.LogCapture;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Captures everything logged during each test of a keystore test class and fails the test if
 * any of the {@link Fixtures#SECRET_FORMS} (password, key hex, API secrets, URLs) appears in it,
 * whatever the test itself checks.
 */
final class NoSecretsLogged implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(NoSecretsLogged.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("capture", new LogCapture());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try (LogCapture capture = context.getStore(NS).remove("capture", LogCapture.class)) {
            String logged = capture.text();
            for (String secret : Fixtures.SECRET_FORMS) {
                assertThat(logged).as("log output of %s", context.getDisplayName()).doesNotContainIgnoringCase(secret);
            }
        }
    }
}
