package io.velocity.app;

import io.velocity.accounting.AccountingListener;
import io.velocity.engine.EngineCommand;
import io.velocity.engine.EngineRuntime;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards accounting's news to the engine as commands on its ring: a confirmed resolution becomes
 * {@link EngineCommand.Resolve}, the chain's bankroll {@link EngineCommand.SetBankroll}. Accounting
 * stays independent of the engine; this class is the glue the app wires in.
 */
public final class EngineAccountingBridge implements AccountingListener {

    private static final Logger LOG = LoggerFactory.getLogger(EngineAccountingBridge.class);

    private final EngineRuntime engine;

    /** @param engine the running engine */
    public EngineAccountingBridge(EngineRuntime engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    @Override
    public void onMarketResolved(String conditionId, int winningSlot, String source) {
        if (winningSlot < 0) {
            // Resolve carries Up or Down only. A split payout settles through the redemption, whose
            // bankroll update follows as SetBankroll.
            LOG.info("Market {} resolved with a split payout ({}); the bankroll follows from its redemption",
                    conditionId, source);
            return;
        }
        engine.command(new EngineCommand.Resolve(conditionId, winningSlot == 0, source));
    }

    @Override
    public void onBankroll(long micros, String source) {
        engine.command(new EngineCommand.SetBankroll(micros, source));
    }
}
