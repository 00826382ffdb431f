package io.velocity.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Typed access to one Conditional Tokens contract: condition lifecycle, splitting, redemption,
 * ERC-1155 balances, gas estimates and {@code eth_call} simulations.
 *
 * <p>Writes take the {@link TransactionSubmitter} that signs and pays for them, so one client
 * serves several wallets. Amounts are collateral base units (micro-units for 6-decimal pUSD).
 * Thread-safe as far as the {@link RpcClient} and submitters are.
 */
public final class CtfClient {

    private final RpcClient rpc;
    private final Address ctf;
    private final ContractReader reader;

    /**
     * @param rpc client for the chain the contract lives on
     * @param ctf the Conditional Tokens contract address (config)
     */
    public CtfClient(RpcClient rpc, Address ctf) {
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.ctf = Objects.requireNonNull(ctf, "ctf");
        this.reader = new ContractReader(rpc, ctf);
    }

    /** @return the contract address */
    public Address address() {
        return ctf;
    }

    // ------------------------------------------------------------------ writes

    /** Prepares a condition; anyone may call, only {@code oracle} can later resolve it. */
    public TransactionReceipt prepareCondition(TransactionSubmitter sender, Address oracle, Hash32 questionId,
            int outcomeSlotCount) {
        return send(sender, CtfFunctions.prepareCondition(oracle, questionId, outcomeSlotCount));
    }

    /** Resolves the sender's condition for {@code questionId}; the sender must be its oracle. */
    public TransactionReceipt reportPayouts(TransactionSubmitter oracle, Hash32 questionId, List<BigInteger> payouts) {
        return send(oracle, CtfFunctions.reportPayouts(questionId, payouts));
    }

    /**
     * Splits collateral (top level) into one position per index set. The sender must have approved
     * the CTF to pull {@code amount} of the collateral token.
     */
    public TransactionReceipt splitPosition(TransactionSubmitter holder, Address collateralToken,
            Hash32 parentCollectionId, Hash32 conditionId, List<BigInteger> partition, BigInteger amount) {
        return send(holder, CtfFunctions.splitPosition(collateralToken, parentCollectionId, conditionId, partition,
                amount));
    }

    /** Merges a full set of positions back into collateral (or the parent position). */
    public TransactionReceipt mergePositions(TransactionSubmitter holder, Address collateralToken,
            Hash32 parentCollectionId, Hash32 conditionId, List<BigInteger> partition, BigInteger amount) {
        return send(holder, CtfFunctions.mergePositions(collateralToken, parentCollectionId, conditionId, partition,
                amount));
    }

    /**
     * Redeems the sender's whole balance of each index set of a resolved condition. Losing
     * positions are burned for 0; the {@link PayoutRedemption} log in the receipt states the payout.
     */
    public TransactionReceipt redeemPositions(TransactionSubmitter holder, Address collateralToken,
            Hash32 parentCollectionId, Hash32 conditionId, List<BigInteger> indexSets) {
        return send(holder, CtfFunctions.redeemPositions(collateralToken, parentCollectionId, conditionId, indexSets));
    }

    /** Grants or revokes {@code operator}'s right to move all of the sender's positions. */
    public TransactionReceipt setApprovalForAll(TransactionSubmitter owner, Address operator, boolean approved) {
        return send(owner, CtfFunctions.setApprovalForAll(operator, approved));
    }

    /** Transfers {@code amount} of a position from the sender to {@code to}. */
    public TransactionReceipt transfer(TransactionSubmitter owner, Address to, BigInteger positionId,
            BigInteger amount) {
        return send(owner, CtfFunctions.safeTransferFrom(new Address(owner.address()), to, positionId, amount));
    }

    // ------------------------------------------------------------------ reads

    /** @return {@code owner}'s balance of a position */
    public BigInteger balanceOf(Address owner, BigInteger positionId) {
        return reader.readSingle(CtfFunctions.balanceOf(owner, positionId));
    }

    /** @return balances for each (owner, position) pair, in order */
    public List<BigInteger> balanceOfBatch(List<Address> owners, List<BigInteger> positionIds) {
        if (owners.size() != positionIds.size()) {
            throw new IllegalArgumentException("owners and positionIds differ in length");
        }
        List<Uint256> values = reader.readSingle(CtfFunctions.balanceOfBatch(owners, positionIds));
        return values.stream().map(Uint256::getValue).toList();
    }

    /** @return whether {@code operator} may move all of {@code owner}'s positions */
    public boolean isApprovedForAll(Address owner, Address operator) {
        return reader.readSingle(CtfFunctions.isApprovedForAll(owner, operator));
    }

    /** @return the payout denominator: 0 while unresolved */
    public BigInteger payoutDenominator(Hash32 conditionId) {
        return reader.readSingle(CtfFunctions.payoutDenominator(conditionId));
    }

    /**
     * @param conditionId the condition
     * @param block       the block to read at (a confirmed block, for reorg safety)
     * @return the payout denominator as of that block: 0 while unresolved
     */
    public BigInteger payoutDenominator(Hash32 conditionId, DefaultBlockParameter block) {
        return reader.readSingle(CtfFunctions.payoutDenominator(conditionId), block);
    }

    /**
     * @param conditionId the condition
     * @param slots       its outcome slot count
     * @param block       the block to read at
     * @return the payout numerators per slot as of that block
     */
    public List<BigInteger> payoutNumerators(Hash32 conditionId, int slots, DefaultBlockParameter block) {
        List<BigInteger> numerators = new ArrayList<>(slots);
        for (int slot = 0; slot < slots; slot++) {
            numerators.add(reader.readSingle(CtfFunctions.payoutNumerator(conditionId, slot), block));
        }
        return List.copyOf(numerators);
    }

    /** @return true once the oracle has reported payouts */
    public boolean isResolved(Hash32 conditionId) {
        return payoutDenominator(conditionId).signum() > 0;
    }

    /** @return the number of outcome slots, 0 when the condition was never prepared */
    public int outcomeSlotCount(Hash32 conditionId) {
        BigInteger count = reader.readSingle(CtfFunctions.getOutcomeSlotCount(conditionId));
        return count.intValueExact();
    }

    /** @return the payout numerators per slot (all 0 while unresolved, empty when not prepared) */
    public List<BigInteger> payoutNumerators(Hash32 conditionId) {
        int slots = outcomeSlotCount(conditionId);
        List<BigInteger> numerators = new ArrayList<>(slots);
        for (int slot = 0; slot < slots; slot++) {
            numerators.add(reader.readSingle(CtfFunctions.payoutNumerator(conditionId, slot)));
        }
        return List.copyOf(numerators);
    }

    /** @return the contract's own condition id derivation (for cross-checking {@link CtfPositionIds}) */
    public Hash32 conditionIdOnChain(Address oracle, Hash32 questionId, int outcomeSlotCount) {
        byte[] value = reader.readSingle(CtfFunctions.getConditionId(oracle, questionId, outcomeSlotCount));
        return Hash32.of(value);
    }

    /** @return the contract's own collection id derivation */
    public Hash32 collectionIdOnChain(Hash32 parentCollectionId, Hash32 conditionId, BigInteger indexSet) {
        byte[] value = reader.readSingle(CtfFunctions.getCollectionId(parentCollectionId, conditionId, indexSet));
        return Hash32.of(value);
    }

    /** @return the contract's own position id derivation */
    public BigInteger positionIdOnChain(Address collateralToken, Hash32 collectionId) {
        return reader.readSingle(CtfFunctions.getPositionId(collateralToken, collectionId));
    }

    /**
     * Token id of a top-level outcome position, derived locally (no RPC).
     *
     * @see CtfPositionIds#outcomePositionId(Address, Hash32, BigInteger)
     */
    public static BigInteger outcomePositionId(Address collateralToken, Hash32 conditionId, BigInteger indexSet) {
        return CtfPositionIds.outcomePositionId(collateralToken, conditionId, indexSet);
    }

    // ------------------------------------------------------------------ dry runs

    /**
     * @param from     the would-be sender
     * @param function a call built with {@link CtfFunctions}
     * @return the gas the node estimates
     * @throws ExecutionRevertedException if it would revert
     */
    public BigInteger estimateGas(Address from, Function function) {
        return rpc.estimateGas(from.getValue(), ctf.getValue(), FunctionEncoder.encode(function), BigInteger.ZERO);
    }

    /**
     * @param from     the would-be sender
     * @param function a call built with {@link CtfFunctions}
     * @return the return data or the revert reason, without sending anything
     */
    public Simulation simulate(Address from, Function function) {
        return rpc.simulate(from.getValue(), ctf.getValue(), FunctionEncoder.encode(function));
    }

    private TransactionReceipt send(TransactionSubmitter sender, Function function) {
        return sender.execute(ctf.getValue(), FunctionEncoder.encode(function));
    }
}
