package io.velocity.accounting;

import io.velocity.accounting.records.ChainTransactionRecords;
import io.velocity.accounting.records.OrderRecords;
import io.velocity.accounting.records.PositionRecords;
import io.velocity.accounting.records.RedemptionRecords;
import io.velocity.accounting.recovery.Approvals;
import io.velocity.accounting.recovery.OpenOrdersSource;
import io.velocity.accounting.recovery.ReconciliationReport;
import io.velocity.accounting.recovery.RequiredApproval;
import io.velocity.accounting.recovery.StartupReconciler;
import io.velocity.accounting.redemption.RedemptionService;
import io.velocity.chain.CtfClient;
import io.velocity.chain.Erc20Client;
import io.velocity.chain.MinedTransaction;
import io.velocity.chain.NodeNonceSource;
import io.velocity.chain.OutcomePositions;
import io.velocity.chain.Redeemer;
import io.velocity.chain.ResolutionListener;
import io.velocity.chain.RpcClient;
import io.velocity.chain.RpcClientConfig;
import io.velocity.chain.TransactionSender;
import io.velocity.chain.TransactionSigner;
import io.velocity.config.ChainConfig;
import io.velocity.core.Clock;
import io.velocity.risk.KillSwitch;
import io.velocity.storage.StorageRuntime;
import io.velocity.telemetry.HealthRegistry;
import java.util.List;
import java.util.Objects;
import org.web3j.abi.datatypes.Address;

/**
 * The settlement side of a live run, built from the {@code chain} configuration: RPC client,
 * the wallet's transaction sender, redeemer, redemption service, resolution listener and startup
 * reconciler, over the stores of a {@link StorageRuntime}.
 *
 * <p>{@link #start} blocks trading ({@code RECONCILIATION} layer) at once; the app then calls
 * {@link #reconcile} (retrying until it succeeds) before the engine may trade, {@link #track}
 * whenever a position is opened in a new market, and {@link #sendApprovals} once the trader has
 * confirmed the approvals the report lists.
 */
public final class SettlementRuntime implements AutoCloseable {

    private final RpcClient rpc;
    private final TransactionSender sender;
    private final RedemptionService redemptions;
    private final ResolutionListener resolutions;
    private final StartupReconciler reconciler;
    private final AuditTrail audit;

    private SettlementRuntime(RpcClient rpc, TransactionSender sender, RedemptionService redemptions,
            ResolutionListener resolutions, StartupReconciler reconciler, AuditTrail audit) {
        this.rpc = rpc;
        this.sender = sender;
        this.redemptions = redemptions;
        this.resolutions = resolutions;
        this.reconciler = reconciler;
        this.audit = audit;
    }

    /**
     * Builds and starts the settlement side; trading is blocked until {@link #reconcile} succeeds.
     *
     * @param chain      the {@code chain} configuration
     * @param wallet     signs the wallet's own transactions (redemptions, approvals)
     * @param storage    the running stores
     * @param killSwitch whose reconciliation layer gates trading
     * @param health     where components report
     * @param listener   forwards resolutions and bankroll changes to the engine
     * @param venue      the venue's open orders for this account
     * @param clock      time source
     * @return the running settlement side
     */
    public static SettlementRuntime start(ChainConfig chain, TransactionSigner wallet, StorageRuntime storage,
            KillSwitch killSwitch, HealthRegistry health, AccountingListener listener, OpenOrdersSource venue,
            Clock clock) {
        Objects.requireNonNull(chain, "chain");
        RpcClient rpc = RpcClient.connect(RpcClientConfig.defaults(chain.chainId(), chain.rpcUrls()));
        try {
            ChainConfig.Contracts contracts = chain.contracts();
            CtfClient ctf = new CtfClient(rpc, new Address(contracts.conditionalTokens()));
            Erc20Client collateral = new Erc20Client(rpc, new Address(contracts.collateral()));
            ChainTransactionRecords transactions = new ChainTransactionRecords(storage.database(), clock);
            PositionRecords positions = new PositionRecords(storage.database(), clock);
            AuditTrail audit = new AuditTrail(storage.journal(), clock);
            TransactionSender sender = new TransactionSender(rpc, wallet, new NodeNonceSource(rpc),
                    ChainSettings.transactionPolicy(chain.redemption()), transactions);
            RedemptionService redemptions = new RedemptionService(
                    new Redeemer(ctf, ChainSettings.redemptionContracts(contracts), sender), collateral,
                    storage.redis(), new RedemptionRecords(storage.database(), clock), positions, audit, health,
                    listener, ChainSettings.backoff(chain.redemption()));
            ResolutionListener resolutions = new ResolutionListener(rpc, ctf, ChainSettings.listenerSettings(chain),
                    redemptions, health);
            redemptions.attach(resolutions);
            StartupReconciler reconciler = new StartupReconciler(killSwitch, venue,
                    new StartupReconciler.ChainAccess(rpc, ctf, collateral, wallet.address()),
                    new StartupReconciler.LocalState(storage.redis(), new OrderRecords(storage.database(), clock),
                            positions, transactions, audit),
                    new Approvals(ctf, collateral, ChainSettings.approvalTargets(contracts)), redemptions, health,
                    listener);
            reconciler.blockTrading();
            redemptions.start();
            resolutions.start();
            return new SettlementRuntime(rpc, sender, redemptions, resolutions, reconciler, audit);
        } catch (RuntimeException e) {
            rpc.close();
            throw e;
        }
    }

    /**
     * Reconciles with venue and chain; on success trading is unblocked.
     *
     * @param knownMarkets markets the wallet may hold positions in
     * @return what was found and done (show it to the trader)
     */
    public ReconciliationReport reconcile(List<OutcomePositions> knownMarkets) {
        return reconciler.reconcile(knownMarkets);
    }

    /** @param market a market a position was opened in: its resolution is watched and redeemed */
    public void track(OutcomePositions market) {
        redemptions.track(market);
    }

    /**
     * Sends approvals the trader confirmed.
     *
     * @param confirmed approvals from the reconciliation report
     * @return the mined transactions
     */
    public List<MinedTransaction> sendApprovals(List<RequiredApproval> confirmed) {
        return Approvals.send(confirmed, sender, audit);
    }

    /** @return the redemption service (counts, failures) */
    public RedemptionService redemptions() {
        return redemptions;
    }

    /** @return the resolution listener */
    public ResolutionListener resolutions() {
        return resolutions;
    }

    /** @return the RPC client (endpoint health) */
    public RpcClient rpc() {
        return rpc;
    }

    @Override
    public void close() {
        resolutions.close();
        redemptions.close();
        rpc.close();
    }
}
