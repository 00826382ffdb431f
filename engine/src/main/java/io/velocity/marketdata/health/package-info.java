/**
 * Feed health: the per-feed state machine (connecting, live, stale, frozen, down), its monitor,
 * reconnect backoff, and counting of malformed messages with rate-limited logging.
 */
package io.velocity.marketdata.health;
