package io.velocity.execution.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrderSignerTest {

    private static final EthAddress EXCHANGE = EthAddress.parse("0xE111180000d2663C0091e4f400237545B87B996B");
    private static final EthAddress NEG_RISK_EXCHANGE = EthAddress.parse("0xe2222d279d744050d28e00520010520000310F59");
    private static final EthAddress PROXY = EthAddress.parse("0xb9bc2f0b4bab0cd64306db4edcc91042dc1fd2e3");

    private final Secp256k1Signer key = Secp256k1Signer.fromPrivateKey(
            Hex.decode("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", 32, "key"));

    @AfterEach
    void closeKey() {
        key.close();
    }

    private ClobOrder.Builder order() {
        return ClobOrder.newBuilder()
                .salt(123456789L)
                .maker(key.address())
                .signer(key.address())
                .tokenId(new BigInteger("33385515518749661419849882077334344956555522502691934259076322980335353098136"))
                .amounts(OrderAmounts.limit(TickSize.HUNDREDTH, Side.BUY, new BigDecimal("0.57"), new BigDecimal("10")))
                .signatureType(SignatureType.EOA)
                .timestamp(1_780_000_000_000L);
    }

    @Test
    void signedOrderRecoversToTheKeyAddress() {
        OrderSigner signer = new OrderSigner(137, EXCHANGE, key);
        ClobOrder order = order().build();

        SignedOrder signed = signer.sign(order);

        assertThat(signed.order()).isEqualTo(order);
        assertThat(signed.orderHash()).isEqualTo(signer.orderHash(order));
        assertThat(new OrderHasher(137, EXCHANGE).recoverSigner(order, signed.signature())).contains(key.address());
        assertThat(signer.signerAddress()).isEqualTo(key.address());
    }

    @Test
    void orderHashMatchesAStraightforwardEip712Encoding() {
        ClobOrder order = order()
                .salt(BigInteger.ONE.shiftLeft(200).add(BigInteger.TEN)) // wider than a long
                .tokenId(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)) // uint256 max
                .metadata(filled(0xab))
                .builderCode(filled(0x01))
                .side(Side.SELL)
                .build();

        assertThat(new OrderHasher(80002, NEG_RISK_EXCHANGE).orderHash(order))
                .isEqualTo(referenceOrderHash(80002, NEG_RISK_EXCHANGE, order));
    }

    @Test
    void reusedHasherGivesEachOrderItsOwnHash() {
        OrderHasher hasher = new OrderHasher(137, EXCHANGE);
        ClobOrder a = order().build();
        ClobOrder b = order().salt(BigInteger.ONE.shiftLeft(100)).metadata(filled(0x11)).build();

        byte[] first = hasher.orderHash(a);
        byte[] other = hasher.orderHash(b);
        byte[] again = hasher.orderHash(a);

        assertThat(again).isEqualTo(first).isEqualTo(referenceOrderHash(137, EXCHANGE, a));
        assertThat(other).isNotEqualTo(first).isEqualTo(referenceOrderHash(137, EXCHANGE, b));
        byte[] out = new byte[40];
        hasher.orderHash(a, out, 8);
        assertThat(java.util.Arrays.copyOfRange(out, 8, 40)).isEqualTo(first);
    }

    @Test
    void sameOrderHashesDifferentlyPerExchangeAndChain() {
        ClobOrder order = order().build();

        byte[] ctf = new OrderHasher(137, EXCHANGE).orderHash(order);
        byte[] negRisk = new OrderHasher(137, NEG_RISK_EXCHANGE).orderHash(order);
        byte[] amoy = new OrderHasher(80002, EXCHANGE).orderHash(order);

        assertThat(ctf).isNotEqualTo(negRisk).isNotEqualTo(amoy);
        assertThat(new OrderHasher(137, EXCHANGE).structHash(order))
                .isEqualTo(new OrderHasher(80002, NEG_RISK_EXCHANGE).structHash(order));
    }

    @Test
    void refusesAnOrderWhoseSignerIsNotTheKeyAddress() {
        ClobOrder order = order().maker(PROXY).signer(PROXY).signatureType(SignatureType.POLY_PROXY).build();

        assertThatThrownBy(() -> new OrderSigner(137, EXCHANGE, key).sign(order))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("order.signer: ")
                .hasMessageContaining(key.address().toChecksumHex());
    }

    @Test
    void refusesAnEoaOrderWhoseMakerDiffersFromSigner() {
        ClobOrder order = order().maker(PROXY).build();

        assertThatThrownBy(() -> new OrderSigner(137, EXCHANGE, key).sign(order))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("order.maker: must equal order.signer for signatureType EOA");
    }

    @Test
    void signsProxyAndSafeOrdersWithMakerAsTheWallet() {
        OrderSigner signer = new OrderSigner(137, EXCHANGE, key);
        for (SignatureType type : new SignatureType[] {SignatureType.POLY_PROXY, SignatureType.POLY_GNOSIS_SAFE}) {
            ClobOrder order = order().maker(PROXY).signatureType(type).build();

            assertThat(new OrderHasher(137, EXCHANGE).recoverSigner(order, signer.sign(order).signature()))
                    .contains(key.address());
        }
    }

    @Test
    void signs1271OrdersWhoseSignerIsTheWalletContract() {
        ClobOrder order = order().maker(PROXY).signer(PROXY).signatureType(SignatureType.POLY_1271).build();

        SignedOrder signed = new OrderSigner(137, EXCHANGE, key).sign(order);

        // the wallet contract validates it (ERC-1271); ecrecover yields the owner key, not the wallet
        assertThat(new OrderHasher(137, EXCHANGE).recoverSigner(order, signed.signature())).contains(key.address());
    }

    @Test
    void refusesToSignWithAClosedKey() {
        OrderSigner signer = new OrderSigner(137, EXCHANGE, key);
        key.close();

        assertThatThrownBy(() -> signer.sign(order().build())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsNonPositiveChainIdAndMissingExchange() {
        assertThatThrownBy(() -> new OrderHasher(0, EXCHANGE)).hasMessageStartingWith("chainId: must be positive");
        assertThatThrownBy(() -> new OrderHasher(137, null)).hasMessageStartingWith("exchange: required");
        assertThatThrownBy(() -> new OrderSigner(137, EXCHANGE, null)).hasMessageStartingWith("key: required");
    }

    private static byte[] filled(int value) {
        byte[] b = new byte[32];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }

    // EIP-712 by the book: every piece concatenated afresh, numbers via BigInteger.
    static byte[] referenceOrderHash(long chainId, EthAddress exchange, ClobOrder o) {
        ByteArrayOutputStream domain = new ByteArrayOutputStream();
        domain.writeBytes(Keccak256.hash("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"));
        domain.writeBytes(Keccak256.hash("Polymarket CTF Exchange"));
        domain.writeBytes(Keccak256.hash("2"));
        domain.writeBytes(word(BigInteger.valueOf(chainId)));
        domain.writeBytes(word(new BigInteger(1, exchange.toBytes())));

        ByteArrayOutputStream struct = new ByteArrayOutputStream();
        struct.writeBytes(Keccak256.hash("Order(uint256 salt,address maker,address signer,uint256 tokenId,"
                + "uint256 makerAmount,uint256 takerAmount,uint8 side,uint8 signatureType,uint256 timestamp,"
                + "bytes32 metadata,bytes32 builder)"));
        struct.writeBytes(word(o.salt()));
        struct.writeBytes(word(new BigInteger(1, o.maker().toBytes())));
        struct.writeBytes(word(new BigInteger(1, o.signer().toBytes())));
        struct.writeBytes(word(o.tokenId()));
        struct.writeBytes(word(BigInteger.valueOf(o.makerAmount())));
        struct.writeBytes(word(BigInteger.valueOf(o.takerAmount())));
        struct.writeBytes(word(BigInteger.valueOf(o.side().code())));
        struct.writeBytes(word(BigInteger.valueOf(o.signatureType().code())));
        struct.writeBytes(word(BigInteger.valueOf(o.timestamp())));
        struct.writeBytes(o.metadata());
        struct.writeBytes(o.builder());

        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.write(0x19);
        message.write(0x01);
        message.writeBytes(Keccak256.hash(domain.toByteArray()));
        message.writeBytes(Keccak256.hash(struct.toByteArray()));
        return Keccak256.hash(message.toByteArray());
    }

    private static byte[] word(BigInteger value) {
        byte[] out = new byte[32];
        byte[] raw = value.toByteArray();
        int len = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - len, out, 32 - len, len);
        return out;
    }
}
