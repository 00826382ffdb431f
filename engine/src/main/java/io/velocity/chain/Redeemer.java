package io.velocity.chain;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Redeems resolved positions of one account: plans from the chain's current state (resolution,
 * balances, approvals), sends through the right contract with a {@link TransactionSender}, and
 * reads the collateral received from the receipt.
 *
 * <p>Routes: the Conditional Tokens contract directly, the V2 collateral adapter when one is
 * configured, the neg-risk adapter for neg-risk markets ({@link RedemptionContracts#routeFor}).
 * Redeeming only losing tokens is valid and pays 0; it still clears them from the wallet.
 */
public final class Redeemer {

    private static final Logger LOG = LoggerFactory.getLogger(Redeemer.class);
    private static final Event TRANSFER = new Event("Transfer", List.of(
            new TypeReference<Address>(true) { }, new TypeReference<Address>(true) { },
            new TypeReference<Uint256>() { }));
    private static final String TRANSFER_TOPIC = EventEncoder.encode(TRANSFER);

    private final CtfClient ctf;
    private final RedemptionContracts contracts;
    private final TransactionSender sender;

    /**
     * @param ctf       the Conditional Tokens contract
     * @param contracts collateral and adapter addresses
     * @param sender    the holder's transaction sender (its account owns the positions)
     */
    public Redeemer(CtfClient ctf, RedemptionContracts contracts, TransactionSender sender) {
        this.ctf = Objects.requireNonNull(ctf, "ctf");
        this.contracts = Objects.requireNonNull(contracts, "contracts");
        this.sender = Objects.requireNonNull(sender, "sender");
    }

    /** @return the account whose positions are redeemed */
    public Address owner() {
        return sender.address();
    }

    /**
     * Reads what a redemption of {@code positions} would do now.
     *
     * @param positions the market's outcome tokens
     * @return the plan; only {@link RedemptionPlan.Status#READY} plans can be sent
     */
    public RedemptionPlan plan(OutcomePositions positions) {
        Address owner = owner();
        RedemptionRoute route = contracts.routeFor(positions);
        Address contract = switch (route) {
            case CONDITIONAL_TOKENS -> ctf.address();
            case COLLATERAL_ADAPTER -> contracts.collateralAdapter().orElseThrow();
            case NEG_RISK_ADAPTER -> contracts.negRiskAdapter();
        };
        List<BigInteger> balances = ctf.balanceOfBatch(List.of(owner, owner),
                List.of(positions.upTokenId(), positions.downTokenId()));
        BigInteger up = balances.get(0);
        BigInteger down = balances.get(1);
        BigInteger denominator = ctf.payoutDenominator(positions.conditionId());
        if (denominator.signum() == 0) {
            return new RedemptionPlan(positions, owner, route, contract, List.of(), up, down, BigInteger.ZERO,
                    RedemptionPlan.Status.NOT_RESOLVED, "condition " + positions.conditionId() + " is not resolved yet");
        }
        List<BigInteger> numerators = ctf.payoutNumerators(positions.conditionId());
        if (numerators.size() != 2) {
            throw new IllegalStateException("condition " + positions.conditionId() + " has " + numerators.size()
                    + " outcome slots; only binary markets are redeemed here");
        }
        // Per index set, rounded down, as the contract computes it.
        BigInteger expected = up.multiply(numerators.get(0)).divide(denominator)
                .add(down.multiply(numerators.get(1)).divide(denominator));
        if (up.signum() == 0 && down.signum() == 0) {
            return new RedemptionPlan(positions, owner, route, contract, numerators, up, down, BigInteger.ZERO,
                    RedemptionPlan.Status.NOTHING_HELD, owner + " holds no tokens of " + positions.conditionId());
        }
        if (route != RedemptionRoute.CONDITIONAL_TOKENS && !ctf.isApprovedForAll(owner, contract)) {
            return new RedemptionPlan(positions, owner, route, contract, numerators, up, down, expected,
                    RedemptionPlan.Status.APPROVAL_MISSING, "the " + route + " at " + contract
                    + " may not move the tokens of " + owner + ": send setApprovalForAll(" + contract
                    + ", true) to the Conditional Tokens contract " + ctf.address() + " first");
        }
        return new RedemptionPlan(positions, owner, route, contract, numerators, up, down, expected,
                RedemptionPlan.Status.READY, "");
    }

    /**
     * Broadcasts a ready plan.
     *
     * @param plan a {@link RedemptionPlan.Status#READY} plan
     * @return the pending transaction, for {@link #await}
     * @throws IllegalArgumentException if the plan is not ready
     */
    public PendingTransaction broadcast(RedemptionPlan plan) {
        if (plan.status() != RedemptionPlan.Status.READY) {
            throw new IllegalArgumentException("redemption of " + plan.conditionId() + " is not ready: " + plan.detail());
        }
        return sender.broadcast(TransactionRequest.call("redeem", plan.reference(), plan.contract(),
                plan.function(contracts.collateral())));
    }

    /**
     * Waits for a broadcast redemption (with replacements when it is stuck) and reads its payout.
     *
     * @param plan    the plan that was broadcast
     * @param pending its transaction
     * @return the result
     */
    public RedemptionResult await(RedemptionPlan plan, PendingTransaction pending) {
        MinedTransaction mined = sender.await(pending);
        BigInteger payout = collateralReceived(mined.receipt(), plan.owner());
        // A plan made after the transaction was mined (resumed after a restart) expects nothing: no comparison then.
        if (plan.status() == RedemptionPlan.Status.READY && payout.compareTo(plan.expectedPayout()) != 0) {
            // Not an error (state may have changed between plan and inclusion) but worth a trader's look.
            LOG.warn("Redemption of {} paid {} instead of the planned {}", plan.conditionId(), payout,
                    plan.expectedPayout());
        }
        crossCheck(plan, mined.receipt(), payout);
        return new RedemptionResult(plan, mined, payout);
    }

    /**
     * Plans, sends and waits.
     *
     * @param plan a ready plan
     * @return the result
     */
    public RedemptionResult redeem(RedemptionPlan plan) {
        return await(plan, broadcast(plan));
    }

    /** Sum of collateral transfers to the owner in the receipt: the same measure for every route. */
    private BigInteger collateralReceived(TransactionReceipt receipt, Address owner) {
        BigInteger total = BigInteger.ZERO;
        String collateral = contracts.collateral().getValue();
        for (Log log : receipt.getLogs()) {
            List<String> topics = log.getTopics();
            if (log.getAddress() != null && log.getAddress().equalsIgnoreCase(collateral) && topics != null
                    && topics.size() == 3 && TRANSFER_TOPIC.equalsIgnoreCase(topics.get(0))
                    && new Address(Numeric.toBigInt(topics.get(2))).equals(owner)) {
                total = total.add(Numeric.toBigInt(log.getData()));
            }
        }
        return total;
    }

    private void crossCheck(RedemptionPlan plan, TransactionReceipt receipt, BigInteger payout) {
        for (Log log : receipt.getLogs()) {
            Optional<BigInteger> reported = switch (plan.route()) {
                case CONDITIONAL_TOKENS -> CtfEvents.payoutRedemption(log)
                        .filter(e -> e.redeemer().equals(plan.owner())).map(PayoutRedemption::payout);
                case NEG_RISK_ADAPTER -> log.getAddress() != null
                        && log.getAddress().equalsIgnoreCase(plan.contract().getValue())
                        ? NegRiskAdapterFunctions.payout(log) : Optional.empty();
                case COLLATERAL_ADAPTER -> Optional.empty();
            };
            if (reported.isPresent() && reported.get().compareTo(payout) != 0) {
                LOG.warn("Redemption of {}: the contract reports a payout of {} but {} arrived in the wallet",
                        plan.conditionId(), reported.get(), payout);
            }
        }
    }
}
