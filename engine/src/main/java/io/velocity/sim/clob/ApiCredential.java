package io.velocity.sim.clob;

import io.velocity.core.Sensitive;

/** API credentials of a simulated CLOB account (L2 auth). */
public record ApiCredential(String apiKey, String secret, String passphrase, String address) implements Sensitive {
    @Override
    public String toString() {
        return "ApiCredential[apiKey=" + apiKey + ", address=" + address + ", secret=" + REDACTED + ", passphrase=" + REDACTED + "]";
    }
}
