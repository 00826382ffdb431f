package io.velocity.security;

import io.velocity.core.ExitCode;
import io.velocity.core.InputException;
import io.velocity.core.IntegrityException;
import io.velocity.core.LockedException;
import io.velocity.core.Sensitive;
import io.velocity.telemetry.LogCapture;
import io.velocity.telemetry.SecretRedactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;

import static io.velocity.security.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(NoSecretsLogged.class)
class KeystoreFileTest {
    @TempDir
    Path dir;

    @Test
    void everyEntryTypeRoundTrips() {
        KeystoreFile file = fullKeystore(dir);
        try (Keystore k = file.unlock(password())) {
            assertThat(k.size()).isEqualTo(7);
            assertThat(k.get(SecretNames.POLYGON_PRIVATE_KEY).type()).isEqualTo(SecretType.PRIVATE_KEY);
            assertThat(k.get(SecretNames.POLYGON_PRIVATE_KEY).copyBytes()).isEqualTo(privateKey());
            assertThat(k.get(SecretNames.CLOB_API_KEY).copyChars()).isEqualTo(CLOB_KEY.toCharArray());
            assertThat(k.get(SecretNames.CLOB_API_SECRET).type()).isEqualTo(SecretType.API_SECRET);
            assertThat(k.get(SecretNames.CLOB_API_SECRET).copyChars()).isEqualTo(CLOB_SECRET.toCharArray());
            assertThat(k.get(SecretNames.CLOB_API_PASSPHRASE).type()).isEqualTo(SecretType.API_PASSPHRASE);
            assertThat(k.get(SecretNames.CLOB_API_PASSPHRASE).copyBytes()).isEqualTo(utf8(CLOB_PASSPHRASE));
            assertThat(k.get(SecretNames.ALLORA_API_KEY).copyChars()).isEqualTo(ALLORA_KEY.toCharArray());
            assertThat(k.get("rpc-url-alchemy").type()).isEqualTo(SecretType.PLAIN_SECRET);
            assertThat(k.get("rpc-url-alchemy").copyChars()).isEqualTo(RPC_URL.toCharArray());
            assertThat(k.get(SecretNames.POSTGRES_PASSWORD).copyChars()).isEqualTo(PG_PASSWORD.toCharArray());
            assertThat(k.address()).contains(ADDRESS);
            assertThat(k.entries()).extracting(SecretEntry::name).isSorted();
        }
    }

    @Test
    void copiesAreIndependentOfTheLiveValue() {
        KeystoreFile file = fullKeystore(dir);
        try (Keystore k = file.unlock(password())) {
            byte[] copy = k.get(SecretNames.POLYGON_PRIVATE_KEY).copyBytes();
            Arrays.fill(copy, (byte) 0);
            assertThat(k.get(SecretNames.POLYGON_PRIVATE_KEY).copyBytes()).isEqualTo(privateKey());
            assertThatThrownBy(() -> k.get(SecretNames.POLYGON_PRIVATE_KEY).copyChars()).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void secretObjectsPrintRedactedAndShowOnlyTheAddress() {
        KeystoreFile file = fullKeystore(dir);
        try (Keystore k = file.unlock(password())) {
            String printed = k + " " + k.entries();
            assertThat(printed).contains(Sensitive.REDACTED).contains(ADDRESS);
            SECRET_FORMS.forEach(s -> assertThat(printed).doesNotContainIgnoringCase(s));
        }
    }

    @Test
    void aWrongPasswordIsLockedWithTheExactMessage() {
        KeystoreFile file = fullKeystore(dir);
        assertThatThrownBy(() -> file.unlock("not the password".toCharArray()))
                .isInstanceOf(LockedException.class)
                .hasMessage("wrong password or corrupted keystore")
                .satisfies(e -> assertThat(((LockedException) e).exitCode()).isEqualTo(ExitCode.LOCKED));
    }

    @Test
    void flippingAnyByteIsAnIntegrityFailureAndLeavesTheFileUntouched() throws IOException {
        KeystoreFile small = newKeystore(dir);
        small.put(password(), SecretNames.CLOB_API_KEY, SecretType.API_KEY, utf8(CLOB_KEY));
        byte[] original = Files.readAllBytes(small.path());
        Path victim = dir.resolve("flipped.enc");
        KeystoreFile file = KeystoreFile.open(victim, CHEAP);
        for (int i = 0; i < original.length; i++) {
            for (int mask : new int[]{0x01, 0x80, 0xFF}) {
                byte[] flipped = original.clone();
                flipped[i] ^= (byte) mask;
                Files.write(victim, flipped);
                assertThatThrownBy(() -> file.unlock(password()))
                        .as("byte %d xor 0x%02x", i, mask)
                        .isInstanceOf(IntegrityException.class)
                        .hasMessageStartingWith("integrity check failed: " + victim);
                assertThat(Files.readAllBytes(victim)).as("byte %d left as it was", i).isEqualTo(flipped);
            }
        }
    }

    @Test
    void aTruncatedFileIsAnIntegrityFailureAtEveryLength() throws IOException {
        KeystoreFile file = fullKeystore(dir);
        byte[] original = Files.readAllBytes(file.path());
        for (int n = 0; n < original.length; n++) {
            Files.write(file.path(), Arrays.copyOf(original, n));
            assertThatThrownBy(() -> file.unlock(password())).as("%d bytes", n).isInstanceOf(IntegrityException.class);
        }
    }

    @Test
    void bytesAfterTheCiphertextAreAnIntegrityFailure() throws IOException {
        KeystoreFile file = newKeystore(dir);
        Files.write(file.path(), new byte[]{0}, java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> file.unlock(password())).isInstanceOf(IntegrityException.class)
                .hasMessageContaining("1 unexpected bytes after the ciphertext");
    }

    @Test
    void anIntactFileOfAnUnknownVersionIsBadInputNamingTheVersion() throws IOException {
        KeystoreFile file = newKeystore(dir);
        byte[] bytes = Files.readAllBytes(file.path());
        ByteBuffer.wrap(bytes).putShort(8, (short) 7);
        Files.write(file.path(), withValidChecksum(bytes));
        assertThatThrownBy(() -> file.unlock(password()))
                .isInstanceOf(UnsupportedKeystoreException.class)
                .hasMessage(file.path() + " uses keystore format version 7; this Velocity reads only version 1 (upgrade Velocity to open it)")
                .satisfies(e -> assertThat(((UnsupportedKeystoreException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
    }

    @Test
    void aForgedHeaderWithARecomputedChecksumNeverOpens() throws IOException {
        KeystoreFile file = fullKeystore(dir);
        byte[] forgedSalt = Files.readAllBytes(file.path());
        forgedSalt[30] ^= 1;
        Files.write(file.path(), withValidChecksum(forgedSalt));
        assertThatThrownBy(() -> file.unlock(password())).isInstanceOf(LockedException.class)
                .hasMessage(KeystoreFile.WRONG_PASSWORD);

        KeystoreFile other = fullKeystore(dir.resolve("b"));
        byte[] forgedNonce = Files.readAllBytes(other.path());
        forgedNonce[75] ^= 1;
        Files.write(other.path(), withValidChecksum(forgedNonce));
        assertThatThrownBy(() -> other.unlock(password())).isInstanceOf(IntegrityException.class)
                .hasMessageContaining("authentication tag mismatch");
    }

    @Test
    void headerKdfParametersBeyondTheBoundsAreRefusedBeforeAnyArgon2Work() throws IOException {
        KeystoreFile file = newKeystore(dir);
        byte[] bytes = Files.readAllBytes(file.path());
        ByteBuffer.wrap(bytes).putInt(13, Integer.MAX_VALUE);
        Files.write(file.path(), withValidChecksum(bytes));
        assertThatThrownBy(() -> file.unlock(password())).isInstanceOf(IntegrityException.class)
                .hasMessageContaining("KDF parameters out of range");
    }

    @Test
    void aFileThatIsNotAKeystoreIsAnIntegrityFailure() throws IOException {
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "PRIVATE_KEY=whatever\n");
        assertThatThrownBy(() -> KeystoreFile.open(notes, CHEAP).unlock(password()))
                .isInstanceOf(IntegrityException.class).hasMessageContaining("not a Velocity keystore");
    }

    @Test
    void aMissingKeystoreIsBadInputSayingHowToCreateOne() {
        assertThatThrownBy(() -> KeystoreFile.open(dir.resolve("none.enc"), CHEAP).unlock(password()))
                .isInstanceOf(InputException.class).hasMessageContaining("keytool init");
    }

    @Test
    void everyWriteUsesAFreshNonce() throws IOException {
        KeystoreFile file = newKeystore(dir);
        file.put(password(), "a-secret", SecretType.PLAIN_SECRET, utf8("same value always"));
        byte[] first = Files.readAllBytes(file.path());
        file.put(password(), "a-secret", SecretType.PLAIN_SECRET, utf8("same value always"));
        byte[] second = Files.readAllBytes(file.path());
        assertThat(Arrays.copyOfRange(second, 70, 82)).isNotEqualTo(Arrays.copyOfRange(first, 70, 82));
        assertThat(Arrays.copyOfRange(second, 118, second.length)).isNotEqualTo(Arrays.copyOfRange(first, 118, first.length));
    }

    @Test
    void writesLeaveOneOwnerOnlyFileAndDropTheBackupOnceVerified() throws IOException {
        KeystoreFile file = fullKeystore(dir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(KeystoreLock.lockFileOf(file.path()))))
                .isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("secrets.enc", "secrets.enc.lock");
        }
    }

    @Test
    void aNewKeystoreLivesInAnOwnerOnlyFolder() throws IOException {
        KeystoreFile file = newKeystore(dir.resolve("data/velocity"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path().getParent()))).isEqualTo("rwx------");
    }

    @Test
    void createRefusesToReplaceAKeystoreUnlessAsked() {
        KeystoreFile file = fullKeystore(dir);
        assertThatThrownBy(() -> file.create(password(), false)).isInstanceOf(InputException.class)
                .hasMessageContaining("already exists");
        try (Keystore k = file.unlock(password())) {
            assertThat(k.size()).isEqualTo(7);
        }
        file.create("another password".toCharArray(), true);
        try (Keystore k = file.unlock("another password".toCharArray())) {
            assertThat(k.size()).isZero();
        }
        assertThat(file.backupPath()).doesNotExist();
    }

    @Test
    void shortPasswordsAreRefusedForNewKeystores() {
        KeystoreFile file = KeystoreFile.open(dir.resolve("secrets.enc"), CHEAP);
        assertThatThrownBy(() -> file.create("short".toCharArray(), false)).isInstanceOf(InputException.class)
                .hasMessageContaining("at least 8 characters");
        assertThat(file.exists()).isFalse();
    }

    @Test
    void changingThePasswordUsesANewSaltAndTheOldPasswordStopsWorking() throws IOException {
        KeystoreFile file = fullKeystore(dir);
        byte[] before = Files.readAllBytes(file.path());
        char[] fresh = "a brand new passphrase".toCharArray();
        file.changePassword(password(), fresh);
        byte[] after = Files.readAllBytes(file.path());
        assertThat(Arrays.copyOfRange(after, 22, 38)).isNotEqualTo(Arrays.copyOfRange(before, 22, 38));
        assertThatThrownBy(() -> file.unlock(password())).isInstanceOf(LockedException.class);
        try (Keystore k = file.unlock(fresh)) {
            assertThat(k.size()).isEqualTo(7);
            assertThat(k.get(SecretNames.CLOB_API_SECRET).copyChars()).isEqualTo(CLOB_SECRET.toCharArray());
        }
        assertThat(fresh).isEqualTo("a brand new passphrase".toCharArray());
        assertThat(file.backupPath()).doesNotExist();
    }

    @Test
    void changingThePasswordAdoptsTheConfiguredKdfParameters() {
        newKeystore(dir);
        KeystoreFile stronger = KeystoreFile.open(dir.resolve("secrets.enc"), new KdfParams(2048, 2, 1));
        stronger.changePassword(password(), password());
        try (Keystore k = stronger.unlock(password())) {
            assertThat(k.kdf()).isEqualTo(new KdfParams(2048, 2, 1));
        }
    }

    @Test
    void removeDeletesOneEntryAndAnUnknownNameIsBadInput() {
        KeystoreFile file = fullKeystore(dir);
        file.remove(password(), SecretNames.ALLORA_API_KEY);
        try (Keystore k = file.unlock(password())) {
            assertThat(k.find(SecretNames.ALLORA_API_KEY)).isEmpty();
            assertThat(k.size()).isEqualTo(6);
        }
        assertThatThrownBy(() -> file.remove(password(), SecretNames.ALLORA_API_KEY)).isInstanceOf(InputException.class)
                .hasMessageContaining("no entry 'allora-api-key'");
    }

    @Test
    void invalidValuesAreRefusedWithoutQuotingThem() {
        KeystoreFile file = newKeystore(dir);
        byte[] zero = new byte[32];
        byte[] aboveOrder = new byte[32];
        Arrays.fill(aboveOrder, (byte) 0xFF);
        assertThatThrownBy(() -> file.put(password(), "k-private-key", SecretType.PRIVATE_KEY, new byte[31]))
                .isInstanceOf(InputException.class).hasMessageContaining("32 bytes, got 31");
        assertThatThrownBy(() -> file.put(password(), "k-private-key", SecretType.PRIVATE_KEY, zero))
                .isInstanceOf(InputException.class).hasMessageContaining("not a valid secp256k1 private key");
        assertThatThrownBy(() -> file.put(password(), "k-private-key", SecretType.PRIVATE_KEY, aboveOrder))
                .isInstanceOf(InputException.class).hasMessageContaining("not a valid secp256k1 private key");
        assertThatThrownBy(() -> file.put(password(), "api", SecretType.API_SECRET, utf8(CLOB_SECRET + "\n")))
                .isInstanceOf(InputException.class).hasMessageContaining("control character")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(CLOB_SECRET));
        assertThatThrownBy(() -> file.put(password(), "Bad Name", SecretType.PLAIN_SECRET, utf8("x")))
                .isInstanceOf(InputException.class).hasMessageContaining("invalid entry name 'Bad Name'");
        try (Keystore k = file.unlock(password())) {
            assertThat(k.size()).isZero();
        }
    }

    @Test
    void closingZeroesEveryValueAndRefusesFurtherReads() {
        KeystoreFile file = fullKeystore(dir);
        Keystore k = file.unlock(password());
        List<SecretEntry> entries = k.entries();
        assertThat(entries).allSatisfy(e -> assertThat(isZero(e.value)).as(e.name()).isFalse());
        k.close();
        assertThat(entries).allSatisfy(e -> {
            assertThat(isZero(e.value)).as(e.name() + " zeroed").isTrue();
            assertThat(e.isLive()).isFalse();
            assertThatThrownBy(e::copyBytes).isInstanceOf(LockedException.class);
        });
        assertThat(k.isOpen()).isFalse();
        assertThatThrownBy(() -> k.find(SecretNames.CLOB_API_KEY)).isInstanceOf(LockedException.class);
        k.close();
    }

    @Test
    void theShutdownHookLocksEveryOpenKeystore() {
        KeystoreFile file = fullKeystore(dir);
        Keystore a = file.unlock(password());
        Keystore b = file.unlock(password());
        byte[] live = a.get(SecretNames.POLYGON_PRIVATE_KEY).value;
        assertThat(OpenKeystores.openCount()).isGreaterThanOrEqualTo(2);
        OpenKeystores.hook().run();
        assertThat(a.isOpen()).isFalse();
        assertThat(b.isOpen()).isFalse();
        assertThat(isZero(live)).isTrue();
        assertThat(OpenKeystores.openCount()).isZero();
    }

    @Test
    void unlockedSecretsAreScrubbedFromLogLinesUntilLocked() {
        KeystoreFile file = fullKeystore(dir);
        var log = LoggerFactory.getLogger("leaky.component");
        try (LogCapture capture = new LogCapture()) {
            try (Keystore k = file.unlock(password())) {
                assertThat(k.isOpen()).isTrue();
                log.info("oops {} {} {}", "0x" + PRIVATE_KEY_HEX.toUpperCase(), CLOB_SECRET, RPC_URL);
                assertThat(SecretRedactor.scrub("key " + PRIVATE_KEY_HEX)).isEqualTo("key " + Sensitive.REDACTED);
            }
            String text = capture.text();
            assertThat(text).contains(Sensitive.REDACTED).contains("keystore unlocked").contains(ADDRESS);
            SECRET_FORMS.forEach(s -> assertThat(text).doesNotContainIgnoringCase(s));
        }
        assertThat(SecretRedactor.scrub(CLOB_SECRET)).isEqualTo(CLOB_SECRET);
    }

    @Test
    void theShippedDefaultParametersRoundTrip() {
        KeystoreFile file = KeystoreFile.open(dir.resolve("secrets.enc"));
        assertThat(file.kdfForNewPasswords()).isEqualTo(KdfParams.DEFAULT);
        file.create(password(), false);
        file.put(password(), SecretNames.POLYGON_PRIVATE_KEY, SecretType.PRIVATE_KEY, privateKey());
        try (Keystore k = file.unlock(password())) {
            assertThat(k.kdf()).isEqualTo(KdfParams.DEFAULT);
            assertThat(k.address()).contains(ADDRESS);
        }
    }

    /** Recomputes the header checksum, as someone editing the header on purpose would. */
    static byte[] withValidChecksum(byte[] file) {
        byte[] sum = KeystoreHeader.sha256(file, 0, KeystoreHeader.LENGTH - KeystoreHeader.CHECKSUM_LENGTH);
        System.arraycopy(sum, 0, file, KeystoreHeader.LENGTH - KeystoreHeader.CHECKSUM_LENGTH, sum.length);
        return file;
    }

    static boolean isZero(byte[] a) {
        for (byte b : a) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
