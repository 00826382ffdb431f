package io.velocity.chain;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * Test-only CLOB V2 order with the EIP-712 digest computed from first principles, independent of
 * the exchange contract and of web3j's typed-data encoder, so each can be checked against it.
 */
record TestOrder(
        BigInteger salt,
        Address maker,
        Address signer,
        BigInteger tokenId,
        BigInteger makerAmount,
        BigInteger takerAmount,
        int side,
        int signatureType,
        BigInteger timestamp,
        Hash32 metadata,
        Hash32 builder) {

    static final int BUY = 0;
    static final int SELL = 1;
    static final int EOA = 0;
    static final int POLY_PROXY = 1;

    static final byte[] DOMAIN_TYPEHASH = keccak(
            "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    static final byte[] ORDER_TYPEHASH = keccak("Order(uint256 salt,address maker,address signer,uint256 tokenId,"
            + "uint256 makerAmount,uint256 takerAmount,uint8 side,uint8 signatureType,uint256 timestamp,"
            + "bytes32 metadata,bytes32 builder)");

    /** An EOA order with zero metadata and builder. */
    static TestOrder eoa(long salt, Address maker, BigInteger tokenId, long makerAmount, long takerAmount, int side) {
        return new TestOrder(BigInteger.valueOf(salt), maker, maker, tokenId, BigInteger.valueOf(makerAmount),
                BigInteger.valueOf(takerAmount), side, EOA, BigInteger.valueOf(1_780_000_000_000L), Hash32.ZERO,
                Hash32.ZERO);
    }

    TestOrder withSigner(Address newSigner, int newSignatureType) {
        return new TestOrder(salt, maker, newSigner, tokenId, makerAmount, takerAmount, side, newSignatureType,
                timestamp, metadata, builder);
    }

    static byte[] domainSeparator(long chainId, Address exchange) {
        return keccak(concat(DOMAIN_TYPEHASH, keccak("Polymarket CTF Exchange"), keccak("2"),
                word(BigInteger.valueOf(chainId)), word(exchange.toUint().getValue())));
    }

    byte[] structHash() {
        return keccak(concat(ORDER_TYPEHASH, word(salt), word(maker.toUint().getValue()),
                word(signer.toUint().getValue()), word(tokenId), word(makerAmount), word(takerAmount),
                word(BigInteger.valueOf(side)), word(BigInteger.valueOf(signatureType)), word(timestamp),
                metadata.bytes(), builder.bytes()));
    }

    /** keccak256("\x19\x01" ‖ domainSeparator ‖ structHash). */
    Hash32 digest(long chainId, Address exchange) {
        return Hash32.of(keccak(concat(new byte[] {0x19, 0x01}, domainSeparator(chainId, exchange), structHash())));
    }

    /** 65-byte r ‖ s ‖ v signature (v = 27/28) over the digest. */
    byte[] sign(ECKeyPair key, long chainId, Address exchange) {
        Sign.SignatureData signature = Sign.signMessage(digest(chainId, exchange).bytes(), key, false);
        return concat(signature.getR(), signature.getS(), signature.getV());
    }

    /** The Solidity struct value, signature last, as the exchange's ABI expects. */
    DynamicStruct toAbi(byte[] signature) {
        return new DynamicStruct(new Uint256(salt), maker, signer, new Uint256(tokenId), new Uint256(makerAmount),
                new Uint256(takerAmount), new Uint8(side), new Uint8(signatureType), new Uint256(timestamp),
                metadata.toAbi(), builder.toAbi(), new DynamicBytes(signature));
    }

    static List<DynamicStruct> toAbi(List<TestOrder> orders, List<byte[]> signatures) {
        return java.util.stream.IntStream.range(0, orders.size())
                .mapToObj(i -> orders.get(i).toAbi(signatures.get(i))).toList();
    }

    private static byte[] keccak(String text) {
        return Hash.sha3(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] keccak(byte[] bytes) {
        return Hash.sha3(bytes);
    }

    private static byte[] word(BigInteger value) {
        return Numeric.toBytesPadded(value, 32);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
