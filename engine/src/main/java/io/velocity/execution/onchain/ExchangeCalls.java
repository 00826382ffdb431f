package io.velocity.execution.onchain;

import io.velocity.execution.signing.ClobOrder;
import io.velocity.execution.signing.SignedOrder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * ABI encoding of the CTF exchange calls Rail B makes ({@code abi/CTFExchange.json}): the V2
 * {@code Order} struct (the eleven signed fields, then {@code bytes signature}) inside
 * {@code fillOrders(Order[], uint256[])} and {@code matchOrders(Order, Order[], uint256, uint256[])},
 * plus the {@code OrderFilled} event Rail B reads its fill amounts from.
 */
public final class ExchangeCalls {
    /** The exact Solidity signature of the fill call; {@code ExchangeCallsTest} checks it against the ABI file. */
    public static final String FILL_ORDERS_SIGNATURE = "fillOrders((uint256,address,address,uint256,uint256,uint256,uint8,"
            + "uint8,uint256,bytes32,bytes32,bytes)[],uint256[])";
    /** {@code OrderFilled(bytes32,address,address,uint8,uint256,uint256,uint256,uint256,bytes32,bytes32)} topic 0. */
    public static final String ORDER_FILLED_TOPIC = Numeric.toHexString(Hash.sha3(
            "OrderFilled(bytes32,address,address,uint8,uint256,uint256,uint256,uint256,bytes32,bytes32)".getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII)));

    private ExchangeCalls() {
    }

    /** Call data of {@code fillOrders(orders, fillAmounts)}; amounts are in each order's maker-amount units. */
    public static String fillOrders(List<SignedOrder> orders, List<Long> fillAmounts) {
        if (orders.isEmpty() || orders.size() != fillAmounts.size()) {
            throw new IllegalArgumentException("fillOrders: one fill amount per order, at least one order");
        }
        List<DynamicStruct> structs = new ArrayList<>(orders.size());
        List<Uint256> amounts = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            structs.add(struct(orders.get(i)));
            amounts.add(new Uint256(BigInteger.valueOf(fillAmounts.get(i))));
        }
        return FunctionEncoder.encode(new Function("fillOrders",
                List.of(new DynamicArray<>(DynamicStruct.class, structs), new DynamicArray<>(Uint256.class, amounts)),
                List.of()));
    }

    /**
     * Call data of {@code matchOrders(taker, makers, takerFillAmount, makerFillAmounts)}: a
     * complementary match of one taker order against makers on the same token.
     */
    public static String matchOrders(SignedOrder taker, List<SignedOrder> makers, long takerFillAmount,
                                     List<Long> makerFillAmounts) {
        if (makers.isEmpty() || makers.size() != makerFillAmounts.size()) {
            throw new IllegalArgumentException("matchOrders: one fill amount per maker order, at least one maker");
        }
        List<DynamicStruct> structs = makers.stream().map(ExchangeCalls::struct).toList();
        List<Uint256> amounts = makerFillAmounts.stream().map(a -> new Uint256(BigInteger.valueOf(a))).toList();
        return FunctionEncoder.encode(new Function("matchOrders",
                List.of(struct(taker), new DynamicArray<>(DynamicStruct.class, structs),
                        new Uint256(BigInteger.valueOf(takerFillAmount)), new DynamicArray<>(Uint256.class, amounts)),
                List.of()));
    }

    /** The Solidity {@code Order} struct value, signature last. */
    static DynamicStruct struct(SignedOrder signed) {
        ClobOrder o = signed.order();
        return new DynamicStruct(new Uint256(o.salt()), new Address(o.maker().toLowerHex()),
                new Address(o.signer().toLowerHex()), new Uint256(o.tokenId()),
                new Uint256(BigInteger.valueOf(o.makerAmount())), new Uint256(BigInteger.valueOf(o.takerAmount())),
                new Uint8(o.side().code()), new Uint8(o.signatureType().code()),
                new Uint256(BigInteger.valueOf(o.timestamp())), new Bytes32(o.metadata()), new Bytes32(o.builder()),
                new DynamicBytes(signed.signature()));
    }
}
