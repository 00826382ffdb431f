package io.velocity.chain;

import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * ABI call builders for the Conditional Tokens contract. Building the {@link Function} apart from
 * sending it lets callers simulate or estimate exactly what they would send.
 */
public final class CtfFunctions {

    private CtfFunctions() {
    }

    /** {@code prepareCondition(address oracle, bytes32 questionId, uint256 outcomeSlotCount)}. */
    public static Function prepareCondition(Address oracle, Hash32 questionId, int outcomeSlotCount) {
        return call("prepareCondition", oracle, questionId.toAbi(), new Uint256(outcomeSlotCount));
    }

    /** {@code reportPayouts(bytes32 questionId, uint256[] payouts)}; the sender is the oracle. */
    public static Function reportPayouts(Hash32 questionId, List<BigInteger> payouts) {
        return call("reportPayouts", questionId.toAbi(), uintArray(payouts));
    }

    /**
     * {@code splitPosition(address collateralToken, bytes32 parentCollectionId, bytes32 conditionId,
     * uint256[] partition, uint256 amount)}.
     */
    public static Function splitPosition(Address collateralToken, Hash32 parentCollectionId, Hash32 conditionId,
            List<BigInteger> partition, BigInteger amount) {
        return call("splitPosition", collateralToken, parentCollectionId.toAbi(), conditionId.toAbi(),
                uintArray(partition), new Uint256(amount));
    }

    /** {@code mergePositions(...)}, same arguments as {@link #splitPosition}. */
    public static Function mergePositions(Address collateralToken, Hash32 parentCollectionId, Hash32 conditionId,
            List<BigInteger> partition, BigInteger amount) {
        return call("mergePositions", collateralToken, parentCollectionId.toAbi(), conditionId.toAbi(),
                uintArray(partition), new Uint256(amount));
    }

    /**
     * {@code redeemPositions(address collateralToken, bytes32 parentCollectionId, bytes32 conditionId,
     * uint256[] indexSets)}.
     */
    public static Function redeemPositions(Address collateralToken, Hash32 parentCollectionId, Hash32 conditionId,
            List<BigInteger> indexSets) {
        return call("redeemPositions", collateralToken, parentCollectionId.toAbi(), conditionId.toAbi(),
                uintArray(indexSets));
    }

    /** {@code setApprovalForAll(address operator, bool approved)}. */
    public static Function setApprovalForAll(Address operator, boolean approved) {
        return call("setApprovalForAll", operator, new Bool(approved));
    }

    /** {@code safeTransferFrom(address from, address to, uint256 id, uint256 value, bytes data)} with empty data. */
    public static Function safeTransferFrom(Address from, Address to, BigInteger positionId, BigInteger amount) {
        return call("safeTransferFrom", from, to, new Uint256(positionId), new Uint256(amount),
                new DynamicBytes(new byte[0]));
    }

    /** {@code balanceOf(address owner, uint256 id) returns (uint256)}. */
    public static Function balanceOf(Address owner, BigInteger positionId) {
        return view("balanceOf", List.of(owner, new Uint256(positionId)), new TypeReference<Uint256>() { });
    }

    /** {@code balanceOfBatch(address[] owners, uint256[] ids) returns (uint256[])}. */
    public static Function balanceOfBatch(List<Address> owners, List<BigInteger> positionIds) {
        return view("balanceOfBatch",
                List.of(new DynamicArray<>(Address.class, owners), uintArray(positionIds)),
                new TypeReference<DynamicArray<Uint256>>() { });
    }

    /** {@code isApprovedForAll(address owner, address operator) returns (bool)}. */
    public static Function isApprovedForAll(Address owner, Address operator) {
        return view("isApprovedForAll", List.of(owner, operator), new TypeReference<Bool>() { });
    }

    /** {@code payoutDenominator(bytes32 conditionId) returns (uint256)}: 0 until resolved. */
    public static Function payoutDenominator(Hash32 conditionId) {
        return view("payoutDenominator", List.of(conditionId.toAbi()), new TypeReference<Uint256>() { });
    }

    /** {@code payoutNumerators(bytes32 conditionId, uint256 index) returns (uint256)}. */
    public static Function payoutNumerator(Hash32 conditionId, int slot) {
        return view("payoutNumerators", List.of(conditionId.toAbi(), new Uint256(slot)),
                new TypeReference<Uint256>() { });
    }

    /** {@code getOutcomeSlotCount(bytes32 conditionId) returns (uint256)}: 0 when not prepared. */
    public static Function getOutcomeSlotCount(Hash32 conditionId) {
        return view("getOutcomeSlotCount", List.of(conditionId.toAbi()), new TypeReference<Uint256>() { });
    }

    /** {@code getConditionId(address oracle, bytes32 questionId, uint256 outcomeSlotCount) returns (bytes32)}. */
    public static Function getConditionId(Address oracle, Hash32 questionId, int outcomeSlotCount) {
        return view("getConditionId", List.of(oracle, questionId.toAbi(), new Uint256(outcomeSlotCount)),
                new TypeReference<Bytes32>() { });
    }

    /** {@code getCollectionId(bytes32 parentCollectionId, bytes32 conditionId, uint256 indexSet) returns (bytes32)}. */
    public static Function getCollectionId(Hash32 parentCollectionId, Hash32 conditionId, BigInteger indexSet) {
        return view("getCollectionId", List.of(parentCollectionId.toAbi(), conditionId.toAbi(), new Uint256(indexSet)),
                new TypeReference<Bytes32>() { });
    }

    /** {@code getPositionId(address collateralToken, bytes32 collectionId) returns (uint256)}. */
    public static Function getPositionId(Address collateralToken, Hash32 collectionId) {
        return view("getPositionId", List.of(collateralToken, collectionId.toAbi()),
                new TypeReference<Uint256>() { });
    }

    static DynamicArray<Uint256> uintArray(List<BigInteger> values) {
        return new DynamicArray<>(Uint256.class, values.stream().map(Uint256::new).toList());
    }

    private static Function call(String name, Type<?>... inputs) {
        return new Function(name, List.of(inputs), Collections.emptyList());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Function view(String name, List<? extends Type> inputs, TypeReference<?> output) {
        return new Function(name, (List<Type>) (List) inputs, List.of((TypeReference<Type>) (TypeReference) output));
    }
}
