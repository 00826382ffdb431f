package io.velocity.config;

import io.velocity.config.schema.Doc;
import io.velocity.config.schema.Range;
import io.velocity.config.schema.Text;

import java.util.List;

/** Polygon chain access and contract addresses (POLYMARKET.md; defaults are Polygon mainnet). */
public record ChainConfig(
        @Doc("Expected chain id; an RPC URL reporting another id is refused") @Range(min = 1) long chainId,
        @Doc("JSON-RPC URLs in order of preference (failover); empty list in paper mode is fine")
        @Text(schemes = {"http", "https"}) List<String> rpcUrls,
        @Doc("Blocks to wait before acting on a log (reorg safety)") @Range(min = 0, max = 256) int confirmations,
        Contracts contracts) {

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
}
