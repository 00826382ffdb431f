package io.velocity.config;

import io.velocity.config.schema.Doc;
import io.velocity.config.schema.Range;
import io.velocity.config.schema.Text;

import java.time.Duration;

/** Where Velocity keeps hot state and trade logs. Empty URLs start embedded servers. */
public record StorageConfig(
        @Doc("Redis URL, e.g. redis://127.0.0.1:6379/0; empty starts an embedded Redis")
        @Text(optional = true, schemes = {"redis", "rediss"}) String redisUrl,
        @Doc("PostgreSQL/TimescaleDB JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/velocity; empty starts an embedded PostgreSQL")
        @Text(optional = true, pattern = "jdbc:postgresql://.+", patternHint = "a jdbc:postgresql:// URL") String postgresUrl,
        @Doc("PostgreSQL user (the password comes from the keystore entry 'postgres-password' or VELOCITY_PG_PASSWORD)")
        String postgresUser,
        @Doc("Folder of the local trade journal; empty means <dataDir>/journal") @Text(optional = true) String journalDir,
        @Doc(value = "Longest time a journal record waits for fsync", unit = "duration") @Range(min = 1, max = 1_000) Duration journalFsyncInterval,
        @Doc(value = "Largest batch written to PostgreSQL at once", unit = "rows") @Range(min = 1, max = 100_000) int dbBatchSize) {
}
