package io.velocity.config;

import io.velocity.config.schema.Doc;
import io.velocity.config.schema.Range;
import io.velocity.config.schema.Text;

/**
 * Secret storage. The KDF settings apply to keystores written from now on ({@code keytool init}
 * and {@code passwd}); an existing keystore keeps the parameters stored in its header until
 * its password is changed.
 */
public record SecurityConfig(
        @Doc("Encrypted keystore file; empty means <dataDir>/secrets.enc") @Text(optional = true) String keystorePath,
        @Doc(value = "Argon2id memory cost for new keystores; lower values make a stolen file cheaper to brute-force",
                unit = "KiB") @Range(min = 1024, max = 4_194_304) int kdfMemoryKiB,
        @Doc(value = "Argon2id passes over memory for new keystores", unit = "iterations") @Range(min = 1, max = 64) int kdfIterations,
        @Doc(value = "Argon2id lanes for new keystores (Bouncy Castle computes them on one thread)", unit = "lanes")
        @Range(min = 1, max = 16) int kdfParallelism) {
}
