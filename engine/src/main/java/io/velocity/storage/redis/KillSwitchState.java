package io.velocity.storage.redis;

/**
 * The kill switch as mirrored to Redis (so other processes and tools see it).
 *
 * @param engaged     true when trading is halted
 * @param source      the layer that acted: "manual", "risk:daily-loss", …
 * @param reason      why, in words
 * @param sinceMillis when it entered this state
 */
public record KillSwitchState(boolean engaged, String source, String reason, long sinceMillis) {
}
