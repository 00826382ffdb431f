package io.velocity.chain;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Event signatures and decoders of the Conditional Tokens contract (identical for the production
 * CTF and the local contract). Topic constants are for {@code eth_getLogs} filters.
 */
@SuppressWarnings("rawtypes") // web3j's log decoder returns raw List<Type>
public final class CtfEvents {

    /**
     * {@code ConditionResolution(bytes32 indexed conditionId, address indexed oracle,
     * bytes32 indexed questionId, uint256 outcomeSlotCount, uint256[] payoutNumerators)}.
     */
    public static final Event CONDITION_RESOLUTION = new Event("ConditionResolution", List.of(
            new TypeReference<Bytes32>(true) { },
            new TypeReference<Address>(true) { },
            new TypeReference<Bytes32>(true) { },
            new TypeReference<Uint256>() { },
            new TypeReference<DynamicArray<Uint256>>() { }));

    /**
     * {@code PayoutRedemption(address indexed redeemer, address indexed collateralToken,
     * bytes32 indexed parentCollectionId, bytes32 conditionId, uint256[] indexSets, uint256 payout)}.
     */
    public static final Event PAYOUT_REDEMPTION = new Event("PayoutRedemption", List.of(
            new TypeReference<Address>(true) { },
            new TypeReference<Address>(true) { },
            new TypeReference<Bytes32>(true) { },
            new TypeReference<Bytes32>() { },
            new TypeReference<DynamicArray<Uint256>>() { },
            new TypeReference<Uint256>() { }));

    /** topic0 of {@link #CONDITION_RESOLUTION}. */
    public static final String CONDITION_RESOLUTION_TOPIC = EventEncoder.encode(CONDITION_RESOLUTION);
    /** topic0 of {@link #PAYOUT_REDEMPTION}. */
    public static final String PAYOUT_REDEMPTION_TOPIC = EventEncoder.encode(PAYOUT_REDEMPTION);

    private CtfEvents() {
    }

    /**
     * @param log any log
     * @return the decoded event, or empty when the log is another event
     * @throws IllegalArgumentException when topic0 matches but the log is malformed
     */
    public static Optional<ConditionResolution> conditionResolution(Log log) {
        if (!hasTopic0(log, CONDITION_RESOLUTION_TOPIC)) {
            return Optional.empty();
        }
        requireTopics(log, 4, "ConditionResolution");
        List<Type> data = decodeData(log, CONDITION_RESOLUTION);
        return Optional.of(new ConditionResolution(
                Hash32.of(log.getTopics().get(1)),
                topicAddress(log.getTopics().get(2)),
                Hash32.of(log.getTopics().get(3)),
                ((Uint256) data.get(0)).getValue().intValueExact(),
                uints(data.get(1)),
                LogLocation.of(log)));
    }

    /**
     * @param log any log
     * @return the decoded event, or empty when the log is another event
     * @throws IllegalArgumentException when topic0 matches but the log is malformed
     */
    public static Optional<PayoutRedemption> payoutRedemption(Log log) {
        if (!hasTopic0(log, PAYOUT_REDEMPTION_TOPIC)) {
            return Optional.empty();
        }
        requireTopics(log, 4, "PayoutRedemption");
        List<Type> data = decodeData(log, PAYOUT_REDEMPTION);
        return Optional.of(new PayoutRedemption(
                topicAddress(log.getTopics().get(1)),
                topicAddress(log.getTopics().get(2)),
                Hash32.of(log.getTopics().get(3)),
                Hash32.of(((Bytes32) data.get(0)).getValue()),
                uints(data.get(1)),
                ((Uint256) data.get(2)).getValue(),
                LogLocation.of(log)));
    }

    private static boolean hasTopic0(Log log, String topic) {
        List<String> topics = log.getTopics();
        return topics != null && !topics.isEmpty() && topic.equalsIgnoreCase(topics.get(0));
    }

    private static void requireTopics(Log log, int count, String event) {
        if (log.getTopics().size() != count) {
            throw new IllegalArgumentException(event + " log with " + log.getTopics().size() + " topics, expected "
                    + count + " (tx " + log.getTransactionHash() + ")");
        }
    }

    private static List<Type> decodeData(Log log, Event event) {
        List<Type> decoded = FunctionReturnDecoder.decode(log.getData(), event.getNonIndexedParameters());
        if (decoded.size() != event.getNonIndexedParameters().size()) {
            throw new IllegalArgumentException(event.getName() + " log data does not decode (tx "
                    + log.getTransactionHash() + ")");
        }
        return decoded;
    }

    private static Address topicAddress(String topic) {
        // An indexed address is left-padded to 32 bytes; the address is the low 20 bytes.
        return new Address(new BigInteger(1, Hash32.of(topic).bytes()));
    }

    @SuppressWarnings("unchecked")
    private static List<BigInteger> uints(Type array) {
        return ((DynamicArray<Uint256>) array).getValue().stream().map(Uint256::getValue).toList();
    }
}
