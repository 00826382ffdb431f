package io.velocity.chain;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start a local anvil node.
 *
 * @param binary         explicit anvil binary; empty = look in the project's {@code tools/chain}
 * @param chainId        chain id the node reports (137 mimics Polygon so signatures carry the real id)
 * @param port           TCP port on 127.0.0.1; 0 = let the OS pick a free one (race-free)
 * @param mnemonic       BIP-39 mnemonic the funded dev accounts derive from. It appears on anvil's
 *                       command line, so use only throw-away development mnemonics here
 * @param accounts       number of funded dev accounts
 * @param forkUrl        optional {@code --fork-url} (an RPC URL to fork state from)
 * @param startupTimeout how long to wait for the node to answer JSON-RPC
 */
public record AnvilOptions(
        Optional<Path> binary,
        long chainId,
        int port,
        String mnemonic,
        int accounts,
        Optional<String> forkUrl,
        Duration startupTimeout) {

    /** anvil's own default development mnemonic: its accounts are public knowledge and hold nothing real. */
    public static final String DEVELOPMENT_MNEMONIC = "test test test test test test test test test test test junk";

    /** @throws IllegalArgumentException naming the first invalid setting */
    public AnvilOptions {
        Objects.requireNonNull(binary, "binary");
        Objects.requireNonNull(mnemonic, "mnemonic");
        Objects.requireNonNull(forkUrl, "forkUrl");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        if (chainId <= 0) {
            throw new IllegalArgumentException("chainId must be positive: " + chainId);
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (accounts < 1 || accounts > 1_000) {
            throw new IllegalArgumentException("accounts must be 1..1000: " + accounts);
        }
        if (mnemonic.isBlank()) {
            throw new IllegalArgumentException("mnemonic must not be blank");
        }
        if (startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("startupTimeout must be positive");
        }
    }

    /** @return chain id 137, any free port, the development mnemonic, 10 accounts, no fork, 30 s startup */
    public static AnvilOptions defaults() {
        return new AnvilOptions(Optional.empty(), 137, 0, DEVELOPMENT_MNEMONIC, 10, Optional.empty(),
                Duration.ofSeconds(30));
    }

    /** @return a copy with another chain id */
    public AnvilOptions withChainId(long id) {
        return new AnvilOptions(binary, id, port, mnemonic, accounts, forkUrl, startupTimeout);
    }

    /** @return a copy using this binary */
    public AnvilOptions withBinary(Path path) {
        return new AnvilOptions(Optional.of(path), chainId, port, mnemonic, accounts, forkUrl, startupTimeout);
    }

    /** @return a copy forking from {@code url} */
    public AnvilOptions withForkUrl(String url) {
        return new AnvilOptions(binary, chainId, port, mnemonic, accounts, Optional.of(url), startupTimeout);
    }

    /** Hides a custom mnemonic and any API key in the fork URL, so logging the options leaks neither. */
    @Override
    public String toString() {
        return "AnvilOptions[binary=" + binary.map(Path::toString).orElse("<tools/chain>")
                + ", chainId=" + chainId + ", port=" + port
                + ", mnemonic=" + (DEVELOPMENT_MNEMONIC.equals(mnemonic) ? "<development>" : "<custom, hidden>")
                + ", accounts=" + accounts
                + ", forkUrl=" + forkUrl.map(AnvilOptions::redactUrl).orElse("<none>")
                + ", startupTimeout=" + startupTimeout + "]";
    }

    private static String redactUrl(String url) {
        try {
            return RpcEndpoint.of(url).displayName();
        } catch (IllegalArgumentException e) {
            return "<unparseable>";
        }
    }

    /** @return a copy on a fixed port */
    public AnvilOptions withPort(int fixedPort) {
        return new AnvilOptions(binary, chainId, fixedPort, mnemonic, accounts, forkUrl, startupTimeout);
    }
}
