package io.velocity.chain;

/** Which contract a redemption is sent to (POLYMARKET.md, "Resolution and redemption"). */
public enum RedemptionRoute {
    /** {@code ConditionalTokens.redeemPositions(collateral, 0, conditionId, [1, 2])}, paid in the collateral. */
    CONDITIONAL_TOKENS,
    /**
     * The V2 collateral adapter: same call on the adapter, which redeems and pays pUSD. Needs
     * {@code setApprovalForAll(adapter)} on the Conditional Tokens contract first.
     */
    COLLATERAL_ADAPTER,
    /**
     * The neg-risk adapter's {@code redeemPositions(conditionId, amounts)}. Needs
     * {@code setApprovalForAll(adapter)} on the Conditional Tokens contract first.
     */
    NEG_RISK_ADAPTER
}
