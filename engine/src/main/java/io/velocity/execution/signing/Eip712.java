package io.velocity.execution.signing;

/** EIP-712 pieces shared by the order and ClobAuth domains. */
final class Eip712 {

    /** Type of a domain with a verifying contract (the exchanges). */
    static final String DOMAIN_TYPE_WITH_CONTRACT =
            "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)";

    /** Type of a domain without one (ClobAuth). */
    static final String DOMAIN_TYPE_WITHOUT_CONTRACT = "EIP712Domain(string name,string version,uint256 chainId)";

    /** Where the struct hash goes in a {@link #messageBuffer(byte[])}. */
    static final int STRUCT_HASH_OFFSET = 2 + Words.WORD;

    private Eip712() {
    }

    /**
     * {@code hashStruct(EIP712Domain)} for the given fields; {@code verifyingContract} null means the
     * domain type has no such field (it is omitted, not zero).
     */
    static byte[] domainSeparator(String name, String version, long chainId, EthAddress verifyingContract) {
        boolean hasContract = verifyingContract != null;
        byte[] domain = new byte[(hasContract ? 5 : 4) * Words.WORD];
        String type = hasContract ? DOMAIN_TYPE_WITH_CONTRACT : DOMAIN_TYPE_WITHOUT_CONTRACT;
        System.arraycopy(Keccak256.hash(type), 0, domain, 0, Words.WORD);
        System.arraycopy(Keccak256.hash(name), 0, domain, Words.WORD, Words.WORD);
        System.arraycopy(Keccak256.hash(version), 0, domain, 2 * Words.WORD, Words.WORD);
        Words.putUint(chainId, domain, 3 * Words.WORD);
        if (hasContract) {
            Words.putAddress(verifyingContract, domain, 4 * Words.WORD);
        }
        return Keccak256.hash(domain);
    }

    /**
     * A 66-byte buffer {@code 0x19 0x01 || domainSeparator || <struct hash slot>}: the signed message
     * is its Keccak-256 once the caller writes the struct hash at {@link #STRUCT_HASH_OFFSET}.
     */
    static byte[] messageBuffer(byte[] domainSeparator) {
        byte[] message = new byte[2 + 2 * Words.WORD];
        message[0] = 0x19;
        message[1] = 0x01;
        System.arraycopy(domainSeparator, 0, message, 2, Words.WORD);
        return message;
    }
}
