package io.velocity.security;

import io.velocity.config.SecurityConfig;
import io.velocity.core.InputException;

/**
 * Argon2id cost parameters. Stored in every keystore header, so a file always opens with the
 * parameters it was written with; new files use the configured ones ({@code security.kdf*}).
 *
 * @param memoryKiB   memory cost in KiB (the attacker's cost per guess scales with it)
 * @param iterations  passes over that memory
 * @param parallelism lanes (Bouncy Castle computes them on one thread, so more lanes do not speed up unlock)
 */
public record KdfParams(int memoryKiB, int iterations, int parallelism) {
    /** Smallest memory cost accepted (tests use it; real keystores use far more). */
    public static final int MIN_MEMORY_KIB = 1024;
    /** Largest memory cost accepted, so a crafted header cannot make unlock allocate without bound. */
    public static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
    public static final int MAX_ITERATIONS = 64;
    public static final int MAX_PARALLELISM = 16;
    /** Below this memory cost {@code keytool} warns that the file is cheap to brute-force (OWASP's Argon2id floor). */
    public static final int RECOMMENDED_MIN_MEMORY_KIB = 19 * 1024;

    /**
     * Defaults, tuned so one unlock takes about half a second on a 2-core machine (see
     * {@code ./velocity bench keystore}); they equal the shipped {@code config/config.json}.
     */
    public static final KdfParams DEFAULT = new KdfParams(131_072, 3, 1);

    /** @throws InputException when a parameter is outside the accepted bounds */
    public KdfParams {
        if (memoryKiB < MIN_MEMORY_KIB || memoryKiB > MAX_MEMORY_KIB) {
            throw new InputException("Argon2 memory must be " + MIN_MEMORY_KIB + ".." + MAX_MEMORY_KIB + " KiB, was " + memoryKiB);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new InputException("Argon2 iterations must be 1.." + MAX_ITERATIONS + ", was " + iterations);
        }
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new InputException("Argon2 parallelism must be 1.." + MAX_PARALLELISM + ", was " + parallelism);
        }
    }

    /** The parameters configured for new keystores. */
    public static KdfParams from(SecurityConfig security) {
        return new KdfParams(security.kdfMemoryKiB(), security.kdfIterations(), security.kdfParallelism());
    }

    /** Memory cost in MiB. */
    public double memoryMiB() {
        return memoryKiB / 1024.0;
    }

    @Override
    public String toString() {
        String mem = memoryKiB % 1024 == 0 ? (memoryKiB / 1024) + " MiB" : memoryKiB + " KiB";
        return "Argon2id " + mem + ", " + iterations + (iterations == 1 ? " iteration" : " iterations")
                + ", parallelism " + parallelism;
    }
}
