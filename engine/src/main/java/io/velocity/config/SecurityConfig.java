package io.velocity.config;

import io.velocity.config.schema.Doc;
import io.velocity.config.schema.Text;

/** Secret storage. */
public record SecurityConfig(
        @Doc("Encrypted keystore file; empty means <dataDir>/secrets.enc") @Text(optional = true) String keystorePath) {
}
