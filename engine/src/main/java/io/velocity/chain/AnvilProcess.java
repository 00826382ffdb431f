package io.velocity.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;

/**
 * A local anvil node on 127.0.0.1, for tests and {@code --chain local}.
 *
 * <p>{@link #start(AnvilOptions)} launches the binary (see {@link ChainTools}), learns the port
 * from anvil's {@code Listening on} line (so port 0 is race-free), waits until JSON-RPC answers
 * with the configured chain id, and derives the funded dev accounts from the mnemonic. Anvil
 * prints the dev private keys at startup: those lines are read and dropped, never logged.
 * {@link #close()} destroys the process and its children.
 */
public final class AnvilProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AnvilProcess.class);
    private static final Logger NODE_LOG = LoggerFactory.getLogger(AnvilProcess.class.getName() + ".node");

    private static final Pattern LISTENING = Pattern.compile("Listening on ([0-9.]+):(\\d+)");
    private static final int HARDENED = 0x8000_0000;
    private static final int STDERR_TAIL_LINES = 20;
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final URI rpcUri;
    private final long chainId;
    private final List<DevAccount> accounts;

    private AnvilProcess(Process process, URI rpcUri, long chainId, List<DevAccount> accounts) {
        this.process = process;
        this.rpcUri = rpcUri;
        this.chainId = chainId;
        this.accounts = accounts;
    }

    /**
     * Starts anvil and waits until it serves JSON-RPC.
     *
     * @param options how to start it
     * @return the running node
     * @throws IllegalStateException if the binary is missing, anvil exits, or it does not answer in time
     */
    public static AnvilProcess start(AnvilOptions options) {
        Path binary = ChainTools.locateAnvil(options.binary());
        List<String> command = new ArrayList<>(List.of(binary.toString(),
                "--host", "127.0.0.1",
                "--port", Integer.toString(options.port()),
                "--chain-id", Long.toString(options.chainId()),
                "--accounts", Integer.toString(options.accounts()),
                "--mnemonic", options.mnemonic()));
        options.forkUrl().ifPresent(url -> {
            command.add("--fork-url");
            command.add(url);
        });

        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start anvil at " + binary + ": " + e.getMessage(), e);
        }
        try {
            return awaitReady(process, options);
        } catch (RuntimeException e) {
            destroy(process);
            throw e;
        }
    }

    private static AnvilProcess awaitReady(Process process, AnvilOptions options) {
        long deadline = System.nanoTime() + options.startupTimeout().toNanos();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Deque<String> stderrTail = new ArrayDeque<>();
        drain(process.getInputStream(), "anvil-stdout-" + process.pid(), line -> {
            if (port.isDone()) {
                NODE_LOG.debug("{}", line);
                return;
            }
            // Everything before "Listening on" is the banner with the dev private keys: dropped unread.
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                port.complete(Integer.parseInt(matcher.group(2)));
            }
        });
        drain(process.getErrorStream(), "anvil-stderr-" + process.pid(), line -> {
            synchronized (stderrTail) {
                if (stderrTail.size() == STDERR_TAIL_LINES) {
                    stderrTail.removeFirst();
                }
                stderrTail.addLast(line);
            }
            NODE_LOG.warn("{}", line);
        });
        process.onExit().thenRun(() -> port.completeExceptionally(
                new IllegalStateException("anvil exited with code " + process.exitValue())));

        int boundPort;
        try {
            boundPort = port.get(remainingNanos(deadline), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("anvil did not report its port within " + options.startupTimeout()
                    + tail(stderrTail));
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage() + tail(stderrTail), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting anvil", e);
        }

        URI uri = URI.create("http://127.0.0.1:" + boundPort);
        List<String> nodeAccounts = awaitJsonRpc(uri, options.chainId(), deadline, process);
        List<DevAccount> accounts = deriveAccounts(options.mnemonic(), options.accounts());
        // A mismatch would mean tests sign with keys the node does not fund: fail here, not later.
        if (nodeAccounts.isEmpty()
                || !nodeAccounts.get(0).equalsIgnoreCase(accounts.get(0).credentials().getAddress())) {
            throw new IllegalStateException("anvil's first account " + nodeAccounts
                    + " does not match the account derived from the mnemonic");
        }
        LOG.info("anvil (pid {}) serving chain id {} at {}{}", process.pid(), options.chainId(), uri,
                options.forkUrl().isPresent() ? " (forked)" : "");
        return new AnvilProcess(process, uri, options.chainId(), accounts);
    }

    /** @return the JSON-RPC URL, {@code http://127.0.0.1:<port>} */
    public String rpcUrl() {
        return rpcUri.toString();
    }

    /** @return the chain id the node reports */
    public long chainId() {
        return chainId;
    }

    /** @return the funded dev accounts, index 0 first */
    public List<DevAccount> accounts() {
        return accounts;
    }

    /** @return dev account {@code index} */
    public DevAccount account(int index) {
        return accounts.get(index);
    }

    /** @return true while the process runs */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** @return the operating-system process id */
    public long pid() {
        return process.pid();
    }

    /** Stops the node and any child processes; waits up to 5 s before killing forcibly. */
    @Override
    public void close() {
        destroy(process);
        LOG.info("anvil (pid {}) stopped", process.pid());
    }

    // ------------------------------------------------------------------ internals

    private static List<String> awaitJsonRpc(URI uri, long expectedChainId, long deadline, Process process) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            return pollJsonRpc(http, uri, expectedChainId, deadline, process);
        }
    }

    private static List<String> pollJsonRpc(HttpClient http, URI uri, long expectedChainId, long deadline,
            Process process) {
        String lastProblem = "no answer";
        while (System.nanoTime() - deadline < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException("anvil exited with code " + process.exitValue() + " during startup");
            }
            try {
                JsonNode chainId = rpc(http, uri, "eth_chainId");
                long reported = new BigInteger(chainId.asText().substring(2), 16).longValueExact();
                if (reported != expectedChainId) {
                    throw new IllegalStateException("anvil reports chain id " + reported + ", expected "
                            + expectedChainId);
                }
                List<String> accounts = new ArrayList<>();
                rpc(http, uri, "eth_accounts").forEach(node -> accounts.add(node.asText()));
                return accounts;
            } catch (IOException | UncheckedIOException e) {
                lastProblem = e.toString();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for anvil", e);
            }
        }
        throw new IllegalStateException("anvil at " + uri + " did not answer JSON-RPC in time: " + lastProblem);
    }

    private static JsonNode rpc(HttpClient http, URI uri, String method) throws IOException {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[]}";
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(2))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode result = JSON.readTree(response.body()).get("result");
            if (response.statusCode() != 200 || result == null) {
                throw new IOException(method + " answered HTTP " + response.statusCode());
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Standard Ethereum derivation {@code m/44'/60'/0'/0/i}, as anvil uses. */
    private static List<DevAccount> deriveAccounts(String mnemonic, int count) {
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(mnemonic, ""));
        List<DevAccount> accounts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int[] path = {44 | HARDENED, 60 | HARDENED, HARDENED, 0, i};
            accounts.add(new DevAccount(i, Credentials.create(Bip32ECKeyPair.deriveKeyPair(master, path))));
        }
        return List.copyOf(accounts);
    }

    private static void drain(InputStream stream, String threadName, Consumer<String> onLine) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    onLine.accept(line);
                }
            } catch (IOException e) {
                // The stream closes when the process dies; nothing left to read.
                LOG.trace("{} closed: {}", threadName, e.getMessage());
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private static void destroy(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("anvil (pid {}) ignored SIGTERM for {}; killing it", process.pid(), STOP_GRACE);
                process.destroyForcibly();
                process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static long remainingNanos(long deadline) {
        return Math.max(1, deadline - System.nanoTime());
    }

    private static String tail(Deque<String> stderrTail) {
        synchronized (stderrTail) {
            return stderrTail.isEmpty() ? "" : "; anvil stderr: " + String.join(" | ", stderrTail);
        }
    }
}
