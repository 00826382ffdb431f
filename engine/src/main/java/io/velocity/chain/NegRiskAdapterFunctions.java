package io.velocity.chain;

import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Calls and events of Polymarket's neg-risk adapter used for redemption.
 */
@SuppressWarnings("rawtypes") // web3j's log decoder returns raw List<Type>
public final class NegRiskAdapterFunctions {

    /** {@code PayoutRedemption(address indexed redeemer, bytes32 indexed conditionId, uint256[] amounts, uint256 payout)}. */
    public static final Event PAYOUT_REDEMPTION = new Event("PayoutRedemption", List.of(
            new TypeReference<Address>(true) { },
            new TypeReference<org.web3j.abi.datatypes.generated.Bytes32>(true) { },
            new TypeReference<DynamicArray<Uint256>>() { },
            new TypeReference<Uint256>() { }));

    /** topic0 of {@link #PAYOUT_REDEMPTION}. */
    public static final String PAYOUT_REDEMPTION_TOPIC = EventEncoder.encode(PAYOUT_REDEMPTION);

    private NegRiskAdapterFunctions() {
    }

    /**
     * {@code redeemPositions(bytes32 conditionId, uint256[] amounts)}: {@code amounts[i]} is the
     * balance of outcome {@code i} to redeem (Up, Down).
     *
     * @param conditionId the condition
     * @param amounts     amounts per outcome slot
     * @return the call
     */
    public static Function redeemPositions(Hash32 conditionId, List<BigInteger> amounts) {
        return new Function("redeemPositions", List.of(conditionId.toAbi(), CtfFunctions.uintArray(amounts)),
                Collections.emptyList());
    }

    /**
     * @param log any log
     * @return the payout of an adapter {@code PayoutRedemption} log, empty for other logs
     */
    public static Optional<BigInteger> payout(Log log) {
        List<String> topics = log.getTopics();
        if (topics == null || topics.isEmpty() || !PAYOUT_REDEMPTION_TOPIC.equalsIgnoreCase(topics.get(0))) {
            return Optional.empty();
        }
        List<Type> data = FunctionReturnDecoder.decode(log.getData(), PAYOUT_REDEMPTION.getNonIndexedParameters());
        if (data.size() != 2) {
            throw new IllegalArgumentException("neg-risk PayoutRedemption log data does not decode (tx "
                    + log.getTransactionHash() + ")");
        }
        return Optional.of(((Uint256) data.get(1)).getValue());
    }
}
