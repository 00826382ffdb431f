/**
 * The venue simulator: a seeded, deterministic price world and loopback servers that speak the
 * real Binance, Gamma, Polymarket CLOB and Allora protocols, so the production clients run
 * against it unchanged (only base URLs differ).
 *
 * <p>Start one with {@link io.velocity.sim.VenueSimulator#start(SimSettings, io.velocity.core.Clock, boolean)}:
 * in real-time mode a ticker steps the world as the clock moves ({@code ./velocity sim}, the
 * default paper run); in manual mode nothing moves until {@code advanceTo(epochMillis)}, which
 * tests drive with a {@code ManualClock} and compressed windows ({@code sim.timeCompression}).
 * {@link io.velocity.sim.SimEndpoints} lists the URLs ({@code applyTo(VenuesConfig)} points the
 * venue settings at them), {@link io.velocity.sim.fault.FaultInjector} injects failures, and
 * {@code inspect(...)} reads the simulated state on its owner thread.
 *
 * <p>Sub-packages, one concern each: {@code world} (price paths, regimes, one-second bars),
 * {@code market} (Gamma's events and markets, ids from the seed), {@code clob} (books, matching,
 * ledger, liquidity providers, REST and both channels, signature checks), {@code binance},
 * {@code gamma}, {@code allora}, {@code fault}, {@code control}, and the small HTTP/WebSocket
 * toolkits {@code http} and {@code ws}. Recorded wire examples the tests compare against live
 * under {@code src/test/resources/sim/examples}.
 */
package io.velocity.sim;
