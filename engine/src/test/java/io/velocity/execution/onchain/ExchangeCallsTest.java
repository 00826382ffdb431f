package io.velocity.execution.onchain;

import com.fasterxml.jackson.databind.JsonNode;
import io.velocity.chain.ContractArtifacts;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rail B's call data matches the checked-in exchange ABI ({@code abi/CTFExchange.json}). */
class ExchangeCallsTest {

    @Test
    void fillOrdersSignatureIsTheOneInTheExchangeAbi() {
        JsonNode abi = ContractArtifacts.load(ContractArtifacts.CTF_EXCHANGE).abi();

        assertThat(signatures(abi)).contains(ExchangeCalls.FILL_ORDERS_SIGNATURE);
        assertThat(signatures(abi)).anyMatch(s -> s.startsWith("matchOrders((uint256,address,address,uint256,uint256,uint256,uint8,uint8,uint256,bytes32,bytes32,bytes),"));
    }

    @Test
    void orderFilledTopicIsTheAbisEvent() {
        JsonNode abi = ContractArtifacts.load(ContractArtifacts.CTF_EXCHANGE).abi();
        for (JsonNode item : abi) {
            if (item.path("type").asText().equals("event") && item.path("name").asText().equals("OrderFilled")) {
                String signature = "OrderFilled(" + types(item.get("inputs")) + ")";
                assertThat(ExchangeCalls.ORDER_FILLED_TOPIC).isEqualTo(Hash.sha3String(signature));
                return;
            }
        }
        throw new AssertionError("OrderFilled not in the ABI");
    }

    private static List<String> signatures(JsonNode abi) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : abi) {
            if (item.path("type").asText().equals("function")) {
                out.add(item.get("name").asText() + "(" + types(item.get("inputs")) + ")");
            }
        }
        return out;
    }

    private static String types(JsonNode inputs) {
        List<String> parts = new ArrayList<>();
        for (JsonNode in : inputs) {
            String type = in.get("type").asText();
            if (type.startsWith("tuple")) {
                parts.add("(" + types(in.get("components")) + ")" + type.substring("tuple".length()));
            } else {
                parts.add(type);
            }
        }
        return String.join(",", parts);
    }

    @Test
    void fillOrdersCallDataStartsWithTheSelector() {
        String selector = org.web3j.utils.Numeric.toHexString(Hash.sha3(
                ExchangeCalls.FILL_ORDERS_SIGNATURE.getBytes(StandardCharsets.US_ASCII))).substring(0, 10);

        assertThat(selector).hasSize(10);
        assertThat(ExchangeCalls.ORDER_FILLED_TOPIC).startsWith("0x").hasSize(66);
    }
}
