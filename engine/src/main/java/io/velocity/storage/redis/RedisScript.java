package io.velocity.storage.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A Lua script shipped as a resource beside this class, run with {@code EVALSHA} (the script
 * body crosses the network once). When Redis does not know the script (a restarted or flushed
 * server) it is run once with {@code EVAL}, which also caches it again.
 */
final class RedisScript {
    private final String name;
    private final String source;
    private final String sha1;

    private RedisScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sha1 = sha1(source);
    }

    static RedisScript resource(String fileName) {
        try (InputStream in = RedisScript.class.getResourceAsStream(fileName)) {
            if (in == null) {
                throw new IllegalStateException("redis script " + fileName + " is missing from the engine jar");
            }
            return new RedisScript(fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("reading redis script " + fileName, e);
        }
    }

    String name() {
        return name;
    }

    String sha1() {
        return sha1;
    }

    String source() {
        return source;
    }

    /**
     * Runs the script by digest on {@code commands}; on NOSCRIPT runs it by source on
     * {@code fallback} (a connection that flushes every command, so the retry is not held back
     * by a pipelining connection's manual flush).
     */
    <T> CompletableFuture<T> run(RedisAsyncCommands<String, String> commands, RedisAsyncCommands<String, String> fallback,
                                 ScriptOutputType type, String[] keys, String... args) {
        CompletableFuture<T> bySha = commands.<T>evalsha(sha1, type, keys, args).toCompletableFuture();
        return bySha.exceptionallyCompose(e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof RedisNoScriptException) {
                return fallback.<T>eval(source, type, keys, args).toCompletableFuture();
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}
