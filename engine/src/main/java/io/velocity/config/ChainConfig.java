package io.velocity.config;

import io.velocity.config.schema.Doc;
import io.velocity.config.schema.Range;
import io.velocity.config.schema.Text;

import java.time.Duration;
import java.util.List;

/** Polygon chain access and contract addresses (POLYMARKET.md; defaults are Polygon mainnet). */
public record ChainConfig(
        @Doc("Expected chain id; an RPC URL reporting another id is refused") @Range(min = 1) long chainId,
        @Doc("JSON-RPC URLs in order of preference (failover); empty list in paper mode is fine")
        @Text(schemes = {"http", "https"}) List<String> rpcUrls,
        @Doc("Blocks to wait before acting on a log (reorg safety)") @Range(min = 0, max = 256) int confirmations,
        Contracts contracts,
        Redemption redemption) {

    private static final String ADDRESS = "0x[0-9a-fA-F]{40}";

    /** Contract addresses. */
    public record Contracts(
            @Doc("CTF Exchange V2") @Text(pattern = ADDRESS, patternHint = "a 0x address") String exchange,
            @Doc("Neg-risk CTF Exchange V2") @Text(pattern = ADDRESS, patternHint = "a 0x address") String negRiskExchange,
            @Doc("Protocol V2 exchange (EIP-712 domain version 3) used by some markets") @Text(pattern = ADDRESS, patternHint = "a 0x address") String exchangeV3,
            @Doc("Collateral token pUSD (6 decimals)") @Text(pattern = ADDRESS, patternHint = "a 0x address") String collateral,
            @Doc("USDC.e to pUSD on-ramp") @Text(pattern = ADDRESS, patternHint = "a 0x address") String collateralOnRamp,
            @Doc("Conditional Tokens (CTF)") @Text(pattern = ADDRESS, patternHint = "a 0x address") String conditionalTokens,
            @Doc("Neg-risk adapter (redeems neg-risk markets)") @Text(pattern = ADDRESS, patternHint = "a 0x address") String negRiskAdapter,
            @Doc("Collateral adapter used for V2 redemption; empty until verified on the venue's contract page")
            @Text(optional = true, pattern = ADDRESS, patternHint = "a 0x address") String collateralAdapter) {
    }

    /**
     * Resolution listening, redemption transactions and startup reconciliation (issue 9).
     */
    public record Redemption(
            @Doc("WebSocket JSON-RPC URL for eth_subscribe (newHeads, logs); empty polls with eth_getLogs only")
            @Text(optional = true, schemes = {"ws", "wss"}) String wsUrl,
            @Doc(value = "How often eth_getLogs looks for ConditionResolution events when no WebSocket is connected", unit = "duration")
            @Range(min = 100, max = 600_000) Duration pollInterval,
            @Doc(value = "Largest block range of one eth_getLogs call (public Polygon RPCs refuse wide ranges)", unit = "blocks")
            @Range(min = 1, max = 100_000) int maxBlockRange,
            @Doc(value = "Blocks before the confirmed head scanned at start-up (events while Velocity was stopped)", unit = "blocks")
            @Range(min = 0, max = 10_000_000) int startupLookbackBlocks,
            @Doc(value = "Gas limit = node estimate x this margin", unit = "x")
            @Range(min = 1.0, max = 3.0) double gasSafetyMargin,
            @Doc(value = "Wait before retrying a failed redemption; doubles per failure", unit = "duration")
            @Range(min = 10, max = 3_600_000) Duration retryBackoff,
            @Doc(value = "Longest wait between redemption retries", unit = "duration")
            @Range(min = 10, max = 86_400_000) Duration maxRetryBackoff,
            @Doc(value = "A transaction without a receipt this long is replaced with higher fees (RBF, same nonce)", unit = "duration")
            @Range(min = 100, max = 3_600_000) Duration replaceAfter,
            @Doc(value = "Fee increase per replacement; nodes refuse replacements below +10 %", unit = "%")
            @Range(min = 10, max = 300) int feeBumpPercent,
            @Doc(value = "Upper bound of maxFeePerGas, also for replacements", unit = "gwei")
            @Range(min = 1, max = 100_000) long maxFeePerGasGwei,
            @Doc(value = "How often a sent transaction's receipt is polled", unit = "duration")
            @Range(min = 10, max = 60_000) Duration receiptPollInterval,
            @Doc(value = "Longest wait for one transaction (replacements included) before the attempt is retried later", unit = "duration")
            @Range(min = 1_000, max = 86_400_000) Duration transactionTimeout) {
    }
}
