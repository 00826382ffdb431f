/**
 * The encrypted keystore: secrets at rest in {@code secrets.enc}, in memory only while unlocked.
 *
 * <h2>At rest</h2>
 * {@code secrets.enc} (path {@code security.keystorePath}, default {@code <dataDir>/secrets.enc},
 * mode 0600 in a 0700 folder) is a versioned header followed by the AES-256-GCM ciphertext of
 * the entries, with the whole header as associated data. The key comes from the password through
 * Argon2id (Bouncy Castle; memory, iterations and parallelism stored in the header, defaults
 * {@link io.velocity.security.KdfParams#DEFAULT}) and HKDF-SHA256. Layout and checks:
 * {@code KeystoreHeader}. Every write draws a fresh random nonce, replaces the file atomically
 * and keeps {@code secrets.enc.bak} only until the new file has been read back and decrypted.
 * Read-modify-write holds an OS lock on {@code secrets.enc.lock}, so concurrent
 * {@code keytool set} runs never lose an entry.
 *
 * <h2>Failures</h2>
 * <ul>
 *   <li>wrong password: {@link io.velocity.core.LockedException}, exit 3, message exactly
 *       {@value io.velocity.security.KeystoreFile#WRONG_PASSWORD};</li>
 *   <li>any damaged byte (header, checksum, ciphertext, tag), truncation, trailing bytes:
 *       {@link io.velocity.core.IntegrityException}, exit 4, {@code integrity check failed: <file>: <what>};
 *       reading never writes, so the damaged file stays as it was;</li>
 *   <li>an intact file of an unknown format version: {@link io.velocity.security.UnsupportedKeystoreException},
 *       exit 2, naming the version (the file is not damaged, so it is not reported as an integrity failure).</li>
 * </ul>
 *
 * <h2>In memory</h2>
 * {@link io.velocity.security.KeystoreFile#unlock(char[])} returns a {@link io.velocity.security.Keystore}
 * whose {@link io.velocity.security.SecretEntry} values are byte arrays reachable only through
 * copying accessors; {@code close()} zeroes them, a shutdown hook closes any handle left open,
 * and while unlocked every value's printable forms are registered with
 * {@link io.velocity.telemetry.SecretRedactor}. Password arrays passed in are the caller's to
 * zero; every copy made here (UTF-8 bytes, Argon2 output, derived keys, plaintext) is zeroed.
 * What cannot be zeroed from Java: Bouncy Castle's AES key schedule and HMAC pad state, the
 * {@code BigInteger} used once to derive a wallet address, and the JVM's own copies of
 * {@code System.in} buffers.
 *
 * <h2>Entries</h2>
 * Names match {@code [a-z0-9][a-z0-9._-]{0,63}}. Velocity reads these (type fixed by the name):
 * {@code polygon-private-key} (private-key: 32 bytes, typed as 64 hex digits; its address is
 * shown, never the key), {@code clob-api-key} (api-key), {@code clob-api-secret} (api-secret),
 * {@code clob-api-passphrase} (api-passphrase), {@code allora-api-key} (api-key),
 * {@code postgres-password} and {@code rpc-url-*} (secret). See {@link io.velocity.security.SecretNames}.
 *
 * <h2>Entry points</h2>
 * {@code ./velocity keytool ...} ({@link io.velocity.security.KeytoolCommand}),
 * {@code ./velocity bench keystore} ({@link io.velocity.security.KeystoreBench}), the desktop's
 * password dialog and headless mode ({@link io.velocity.security.PasswordInput#unlock}), and the
 * start-up rule {@link io.velocity.security.LiveModeGuard}.
 */
package io.velocity.security;
