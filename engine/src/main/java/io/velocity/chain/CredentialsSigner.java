package io.velocity.chain;

import java.util.Objects;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/** A {@link TransactionSigner} over web3j {@link Credentials}; {@link #toString()} shows the address only. */
public final class CredentialsSigner implements TransactionSigner {

    private final Credentials credentials;
    private final Address address;

    /** @param credentials the signing key (never logged) */
    public CredentialsSigner(Credentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.address = new Address(credentials.getAddress());
    }

    @Override
    public Address address() {
        return address;
    }

    @Override
    public String sign(RawTransaction transaction) {
        return Numeric.toHexString(TransactionEncoder.signMessage(transaction, credentials));
    }

    @Override
    public String toString() {
        return "CredentialsSigner[" + address + "]";
    }
}
