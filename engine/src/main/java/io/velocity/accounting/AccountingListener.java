package io.velocity.accounting;

/**
 * What accounting tells the trading side: a market resolved, the bankroll changed. The app
 * forwards these to the engine as {@code EngineCommand.Resolve} and {@code EngineCommand.SetBankroll};
 * accounting itself never depends on the engine. Calls come from accounting's threads and must
 * not block.
 */
public interface AccountingListener {

    /** Ignores everything. */
    AccountingListener NONE = new AccountingListener() {
        @Override
        public void onMarketResolved(String conditionId, int winningSlot, String source) {
        }

        @Override
        public void onBankroll(long micros, String source) {
        }
    };

    /**
     * A market's resolution is confirmed on chain.
     *
     * @param conditionId the market's condition id ({@code 0x}-hex)
     * @param winningSlot 0 when Up won, 1 when Down won, -1 when the payout is split
     * @param source      where it was learned ("chain: tx 0x…", "recovery")
     */
    void onMarketResolved(String conditionId, int winningSlot, String source);

    /**
     * The cash balance is now {@code micros} according to the chain.
     *
     * @param micros collateral held, micro-USD
     * @param source why it changed ("redemption 0x…", "reconciliation")
     */
    void onBankroll(long micros, String source);
}
