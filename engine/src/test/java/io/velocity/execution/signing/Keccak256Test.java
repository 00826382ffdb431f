package io.velocity.execution.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Keccak256Test {

    @Test
    void hashesEmptyInputToTheEthereumKeccakConstant() {
        // Keccak-256(""), the well-known empty-code hash; SHA3-256("") would be a7ffc6f8...
        assertThat(Hex.encode(Keccak256.hash(new byte[0])))
                .isEqualTo("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    }

    @Test
    void hashesEip712DomainTypeToItsKnownTypeHash() {
        assertThat(Hex.encode(Keccak256.hash("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)")))
                .isEqualTo("0x8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f");
    }

    @Test
    void reusedInstanceGivesSameHashAsFreshOneAfterEachDigest() {
        Keccak256 keccak = new Keccak256();
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        byte[] first = keccak.update(abc).digest();
        byte[] second = keccak.update(abc).digest();

        assertThat(first).isEqualTo(second).isEqualTo(Keccak256.hash("abc"));
    }

    @Test
    void updateWithOffsetHashesOnlyTheSlice() {
        byte[] buffer = "xxabcxx".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[40];

        new Keccak256().update(buffer, 2, 3).digestInto(out, 8);

        byte[] slice = new byte[32];
        System.arraycopy(out, 8, slice, 0, 32);
        assertThat(slice).isEqualTo(Keccak256.hash("abc"));
    }
}
