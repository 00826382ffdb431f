package io.velocity.accounting;

import io.velocity.accounting.recovery.ApprovalTargets;
import io.velocity.accounting.redemption.RedemptionService;
import io.velocity.chain.RedemptionContracts;
import io.velocity.chain.ResolutionListenerSettings;
import io.velocity.chain.TransactionPolicy;
import io.velocity.config.ChainConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.datatypes.Address;

/**
 * Turns the {@code chain} section of the configuration into the settings objects of the chain and
 * accounting classes, so each component receives only the slice it needs.
 */
public final class ChainSettings {

    private ChainSettings() {
    }

    /** @return gas margin, fee cap, replacement and timeout for the wallet's own transactions */
    public static TransactionPolicy transactionPolicy(ChainConfig.Redemption redemption) {
        return new TransactionPolicy(redemption.gasSafetyMargin(), redemption.receiptPollInterval(),
                redemption.replaceAfter(), redemption.feeBumpPercent(),
                TransactionPolicy.gwei(redemption.maxFeePerGasGwei()), redemption.transactionTimeout());
    }

    /** @return confirmations, polling, ranges and WebSocket of the resolution listener */
    public static ResolutionListenerSettings listenerSettings(ChainConfig chain) {
        ChainConfig.Redemption r = chain.redemption();
        return new ResolutionListenerSettings(chain.confirmations(), r.pollInterval(), r.maxBlockRange(),
                r.startupLookbackBlocks(), r.wsUrl().isEmpty() ? Optional.empty() : Optional.of(URI.create(r.wsUrl())));
    }

    /** @return retry spacing of failed redemptions */
    public static RedemptionService.Backoff backoff(ChainConfig.Redemption redemption) {
        return new RedemptionService.Backoff(redemption.retryBackoff(), redemption.maxRetryBackoff());
    }

    /** @return collateral and adapters a redemption may go to */
    public static RedemptionContracts redemptionContracts(ChainConfig.Contracts contracts) {
        return new RedemptionContracts(new Address(contracts.collateral()),
                contracts.collateralAdapter().isEmpty() ? Optional.empty()
                        : Optional.of(new Address(contracts.collateralAdapter())),
                new Address(contracts.negRiskAdapter()));
    }

    /**
     * Who must be approved: the exchanges and the neg-risk adapter spend collateral and move
     * outcome tokens; the collateral adapter (when configured) moves outcome tokens to redeem.
     *
     * @param contracts configured addresses
     * @return the approval targets
     */
    public static ApprovalTargets approvalTargets(ChainConfig.Contracts contracts) {
        List<ApprovalTargets.Named> spenders = new ArrayList<>();
        spenders.add(named("CTF Exchange V2", contracts.exchange()));
        spenders.add(named("Neg-risk CTF Exchange V2", contracts.negRiskExchange()));
        spenders.add(named("Protocol V2 exchange", contracts.exchangeV3()));
        spenders.add(named("Neg-risk adapter", contracts.negRiskAdapter()));
        List<ApprovalTargets.Named> operators = new ArrayList<>(spenders);
        if (!contracts.collateralAdapter().isEmpty()) {
            operators.add(named("Collateral adapter", contracts.collateralAdapter()));
        }
        return new ApprovalTargets(spenders, operators);
    }

    private static ApprovalTargets.Named named(String name, String address) {
        return new ApprovalTargets.Named(name, new Address(address));
    }
}
