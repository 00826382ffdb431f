package io.velocity.chain;

import java.util.Objects;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;

/**
 * A funded development account of a local anvil node. {@link #toString()} shows the address only,
 * so an account printed by accident never shows its key.
 */
public final class DevAccount {

    private final int index;
    private final Credentials credentials;

    DevAccount(int index, Credentials credentials) {
        this.index = index;
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /** @return the account's index in the mnemonic's derivation path {@code m/44'/60'/0'/0/index} */
    public int index() {
        return index;
    }

    /** @return the account address */
    public Address address() {
        return new Address(credentials.getAddress());
    }

    /** @return the signing credentials (holds the private key: never log) */
    public Credentials credentials() {
        return credentials;
    }

    @Override
    public String toString() {
        return "DevAccount[" + index + ", " + credentials.getAddress() + "]";
    }
}
