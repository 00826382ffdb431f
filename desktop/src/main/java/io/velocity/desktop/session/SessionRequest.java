package io.velocity.desktop.session;

import io.velocity.config.ConfigService;
import io.velocity.telemetry.HealthRegistry;

/**
 * What the launch screen hands to the {@link SessionFactory}.
 *
 * @param mode     chosen mode
 * @param config   configuration loaded for that mode (already validated)
 * @param health   the process health model
 * @param keystore unlocked keystore, or null when the mode needs none
 */
public record SessionRequest(SessionMode mode, ConfigService config, HealthRegistry health, UnlockedKeystore keystore) {
}
