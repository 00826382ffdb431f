package io.velocity.config;

import io.velocity.config.schema.Doc;
import io.velocity.config.schema.Range;
import io.velocity.config.schema.Text;

import java.time.Duration;
import java.util.Map;

/**
 * Live order execution: the acknowledgement deadline that triggers failover from Rail A (CLOB
 * API) to Rail B (direct exchange call), how orders are signed, and each rail's settings.
 * Endpoints come from {@code venues.clob} (Rail A) and {@code chain} (Rail B).
 */
public record ExecutionConfig(
        @Doc(value = "Rail A must acknowledge an order within this time, otherwise the intent fails over to Rail B",
                unit = "duration") @Range(min = 50, max = 10_000) Duration ackDeadline,
        @Doc("Fail over from Rail A to Rail B when Rail A fails or does not acknowledge in time "
                + "(marketable FOK/FAK intents only; resting orders have no on-chain equivalent)") boolean failoverEnabled,
        @Doc("How the exchange checks order signatures: EOA, POLY_PROXY (email/Magic wallet), "
                + "POLY_GNOSIS_SAFE or POLY_1271 (smart-contract wallet)") WalletType walletType,
        @Doc("The wallet holding the funds (proxy, safe or 1271 wallet); empty means the key's own address (EOA)")
        @Text(optional = true, pattern = "0x[0-9a-fA-F]{40}", patternHint = "a 0x address") String funderAddress,
        @Doc(value = "Lifetime of GTD orders; the venue's 60 s expiry margin is added on top", unit = "duration")
        @Range(min = 1_000) Duration gtdLifetime,
        RailA railA,
        RailB railB) {

    /** The order's {@code signatureType}, as the venue names it. */
    public enum WalletType { EOA, POLY_PROXY, POLY_GNOSIS_SAFE, POLY_1271 }

    /** Rail A: the CLOB REST API ({@code venues.clob.restUrl}). */
    public record RailA(
            @Doc("Connections opened at start and kept warm, so an order never waits for a TCP/TLS handshake")
            @Range(min = 1, max = 32) int warmConnections,
            @Doc(value = "How often idle connections are refreshed with a cheap request", unit = "duration")
            @Range(min = 1_000) Duration keepWarmInterval,
            @Doc("Send heartbeats (every venues.clob.heartbeatInterval) while orders rest; the venue cancels "
                    + "open orders when they stop") boolean heartbeats,
            @Doc("Consecutive failed heartbeats after which resting orders are cancelled and reported")
            @Range(min = 1, max = 20) int maxMissedHeartbeats,
            @Doc(value = "Resting orders' status is polled this often (catches fills the user channel missed)",
                    unit = "duration") @Range(min = 100) Duration orderPollInterval,
            @Doc("Largest POST /orders batch (the venue accepts at most 15)") @Range(min = 1, max = 15) int maxBatch) {
    }

    /** Rail B: EIP-1559 transactions calling the exchange's {@code fillOrders} through {@code chain.rpcUrls}. */
    public record RailB(
            @Doc("Use Rail B as the failover rail") boolean enabled,
            @Doc("Keystore entry holding the key that sends Rail B transactions (must be an exchange operator)")
            String senderKey,
            @Doc("Private relay accepting eth_sendRawTransaction (Flashbots-style); empty sends through chain.rpcUrls")
            @Text(optional = true, schemes = {"http", "https"}) String privateRelayUrl,
            @Doc("Extra HTTP headers sent with every private-relay request (no secrets: this file is plain text)")
            Map<String, String> privateRelayHeaders,
            @Doc(value = "Largest gas limit of one Rail B transaction", unit = "gas") @Range(min = 21_000) long maxGasLimit,
            @Doc(value = "Highest max fee per gas ever offered, replacements included", unit = "gwei")
            @Range(min = 1) long maxFeePerGasGwei,
            @Doc(value = "Lowest priority fee (tip) per gas offered (Polygon needs about 25-30)", unit = "gwei")
            @Range(min = 0) long minPriorityFeeGwei,
            @Doc(value = "A transaction not mined within this time is replaced: same nonce, higher fees", unit = "duration")
            @Range(min = 200) Duration replaceAfter,
            @Doc(value = "Fee increase per replacement; nodes refuse replacements below 12.5 %", unit = "percent")
            @Range(min = 12.5, max = 300) double feeBumpPercent,
            @Doc("Replacements per transaction; past this the transaction is reported as stuck")
            @Range(min = 0, max = 50) int maxFeeBumps,
            @Doc(value = "How often pending transactions' receipts are checked", unit = "duration")
            @Range(min = 20) Duration receiptPollInterval) {
    }
}
