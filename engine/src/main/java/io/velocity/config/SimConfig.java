package io.velocity.config;

import io.velocity.config.schema.Doc;
import io.velocity.config.schema.Money;
import io.velocity.config.schema.Range;
import io.velocity.config.schema.Text;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The built-in venue simulator: a seeded price world and loopback Binance, Gamma, CLOB and
 * Allora servers. Chain id and exchange addresses come from {@code chain}, Binance symbols from
 * {@code venues.binance.symbols} and Allora topic ids from {@code venues.allora.topics}.
 */
public record SimConfig(
        @Doc("Random seed: the same seed gives the same prices, markets and fills") long seed,
        @Doc(value = "Time compression: window lengths are divided by this (10 turns a 5-minute window into 30 s); "
                + "volatility, jumps and regimes are rescaled so a compressed window looks like a real one", unit = "x")
        @Range(min = 1, max = 600) double timeCompression,
        @Doc(value = "World step: prices move, trades print and liquidity providers act on this grid", unit = "duration")
        @Range(min = 10, max = 1_000) Duration step,
        @Doc(value = "Price history generated before start so klines and volatility estimates have data", unit = "duration")
        @Range(min = 0, max = 86_400_000) Duration warmup,
        @Doc("Window lengths with Up/Down markets")
        @Text(pattern = "5m|15m|1h", patternHint = "one of 5m, 15m, 1h") List<String> windows,
        @Doc("Price model per asset (btc, eth, sol, xrp)") Map<String, Asset> assets,
        Regimes regimes,
        Markets markets,
        Liquidity liquidity,
        Settlement settlement,
        Clob clob,
        Binance binance,
        Allora allora,
        Ports ports,
        @Doc("Simulator-only CLOB accounts accepted without L1 key creation; never put real credentials here")
        List<Account> accounts) {

    public SimConfig {
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("windows: list at least one window length");
        }
        if (assets.isEmpty()) {
            throw new IllegalArgumentException("assets: configure at least one asset");
        }
        if (step.toMillis() > 0 && 1_000 % step.toMillis() != 0) {
            throw new IllegalArgumentException("step must divide one second (e.g. 50ms, 100ms, 250ms), was " + step.toMillis() + "ms");
        }
    }

    /** Jump-diffusion parameters of one asset. */
    public record Asset(
            @Doc(value = "Price at the start of the warm-up", unit = "USD") @Range(min = 0, minExclusive = true) double startPrice,
            @Doc(value = "Annualised volatility of the diffusion in the normal regime", unit = "ratio")
            @Range(min = 0, max = 10) double annualVolatility,
            @Doc(value = "Average number of price jumps per day", unit = "1/day") @Range(min = 0, max = 10_000) double jumpsPerDay,
            @Doc(value = "Standard deviation of one jump's log-return", unit = "ratio") @Range(min = 0, max = 1) double jumpStdev,
            @Doc(value = "Binance price tick", unit = "USD") @Range(min = 0, minExclusive = true) double tickSize,
            @Doc(value = "Binance spread in ticks", unit = "ticks") @Range(min = 1, max = 1_000) int spreadTicks,
            @Doc(value = "Average aggregated trades per second", unit = "1/s") @Range(min = 0, max = 1_000) double tradesPerSecond,
            @Doc(value = "Average trade size in base units", unit = "coins") @Range(min = 0, minExclusive = true) double meanTradeSize) {
    }

    /** Volatility regimes and the hidden trend the Allora signal partly reveals. */
    public record Regimes(
            @Doc(value = "Volatility multiplier of the calm regime", unit = "x") @Range(min = 0, max = 10) double calmMultiplier,
            @Doc(value = "Volatility multiplier of the stormy regime", unit = "x") @Range(min = 0, max = 20) double stormMultiplier,
            @Doc(value = "Average time spent in one regime (real-time; divided by the compression)", unit = "duration")
            @Range(min = 1_000) Duration meanDuration,
            @Doc(value = "Chance that a regime switch lands in the stormy regime", unit = "probability")
            @Range(min = 0, max = 1) double stormShare,
            @Doc(value = "Half-life of the hidden trend (real-time; divided by the compression)", unit = "duration")
            @Range(min = 1_000) Duration trendHalfLife,
            @Doc(value = "Strength of the hidden trend: 1 means that over one half-life the trend moves the price as much "
                    + "as one standard deviation of noise", unit = "x") @Range(min = 0, max = 10) double trendStrength) {
    }

    /** Gamma markets the simulator lists. */
    public record Markets(
            @Doc(value = "Initial tick size of every market", unit = "price") @Range(min = 0.0001, max = 0.1) double tickSize,
            @Doc(value = "Once the book trades this close to 0 or 1 the tick shrinks to a tenth (tick_size_change)", unit = "price")
            @Range(min = 0, max = 0.5) double fineTickBand,
            @Doc(value = "Minimum resting order size (orderMinSize)", unit = "shares") @Range(min = 0) double minOrderSize,
            @Doc(value = "Minimum notional of a marketable order", unit = "USD") @Money @Range(min = 0) long minMarketableUsd,
            @Doc("Markets charge taker fees (feesEnabled)") boolean feesEnabled,
            @Doc(value = "Taker fee rate r in fee = shares x r x (p(1-p))^e", unit = "ratio") @Range(min = 0, max = 1) double feeRate,
            @Doc(value = "Taker fee exponent e in fee = shares x r x (p(1-p))^e") @Range(min = 0, max = 4) double feeExponent,
            @Doc(value = "Typical listed liquidity (liquidityNum)", unit = "USD") @Range(min = 0) double liquidityUsd,
            @Doc(value = "Share of windows listed with too little liquidity (discovery must skip them)", unit = "probability")
            @Range(min = 0, max = 1) double lowLiquidityShare,
            @Doc(value = "Listed liquidity of a low-liquidity market", unit = "USD") @Range(min = 0) double lowLiquidityUsd,
            @Doc("Also list neg-risk augmented decoy events that discovery must filter out") boolean decoys,
            @Doc(value = "How far ahead markets are listed (the venue lists about a day ahead); real time, divided by the compression",
                    unit = "duration")
            @Range(min = 0) Duration lookahead,
            @Doc(value = "How long closed markets stay listed; real time, divided by the compression", unit = "duration") @Range(min = 0) Duration retention,
            @Doc(value = "Time from a window's end to its resolution", unit = "duration") @Range(min = 0) Duration resolutionDelay) {
    }

    /** Simulated market makers quoting around a lagged, noisy fair value. */
    public record Liquidity(
            @Doc("Number of independent liquidity providers") @Range(min = 0, max = 50) int providers,
            @Doc(value = "Half spread of each provider around its fair value", unit = "ticks") @Range(min = 1, max = 50) int halfSpreadTicks,
            @Doc("Price levels each provider quotes per side") @Range(min = 1, max = 20) int levels,
            @Doc(value = "Average size per level", unit = "shares") @Range(min = 1) double sharesPerLevel,
            @Doc(value = "Shortest price lag of a provider", unit = "duration") @Range(min = 0) Duration minLag,
            @Doc(value = "Longest price lag of a provider", unit = "duration") @Range(min = 0) Duration maxLag,
            @Doc(value = "Standard deviation of a provider's fair-value error", unit = "probability") @Range(min = 0, max = 0.5) double noise,
            @Doc(value = "Time between a provider's requotes", unit = "duration") @Range(min = 10) Duration refresh) {

        public Liquidity {
            if (maxLag.compareTo(minLag) < 0) {
                throw new IllegalArgumentException("maxLag must be >= minLag");
            }
        }
    }

    /** On-chain settlement of matched trades (user-channel trade statuses). */
    public record Settlement(
            @Doc(value = "Time from MATCHED to MINED", unit = "duration") @Range(min = 0) Duration minedAfter,
            @Doc(value = "Time from MINED to CONFIRMED", unit = "duration") @Range(min = 0) Duration confirmedAfter,
            @Doc(value = "Chance that a trade goes RETRYING instead of MINED", unit = "probability") @Range(min = 0, max = 1) double retryShare,
            @Doc(value = "Chance that a RETRYING trade ends FAILED (its fill is reversed)", unit = "probability")
            @Range(min = 0, max = 1) double failShare) {
    }

    /** CLOB server rules. */
    public record Clob(
            @Doc(value = "Starting pUSD balance of a new account", unit = "USD") @Money @Range(min = 0) long startingBalanceUsd,
            @Doc(value = "Largest accepted difference between POLY_TIMESTAMP and server time", unit = "duration")
            @Range(min = 1_000) Duration authMaxSkew,
            @Doc(value = "Largest accepted age (or lead) of a signed order's timestamp", unit = "duration") @Range(min = 1_000) Duration orderMaxAge,
            @Doc(value = "A GTD expiration must be at least this far in the future", unit = "duration") @Range(min = 0) Duration gtdMinLead,
            @Doc(value = "After the first heartbeat, orders are cancelled when heartbeats stop for this long", unit = "duration")
            @Range(min = 500) Duration heartbeatTimeout,
            @Doc("Largest batch of POST /orders") @Range(min = 1, max = 1_000) int maxBatch,
            @Doc("POST /order requests per 10 s and API key (burst bucket)") @Range(min = 1) int orderBurstPer10s,
            @Doc("POST /order requests per 10 min and API key (sustained bucket)") @Range(min = 1) int orderSustainedPer10m,
            @Doc("POST /orders requests per 10 s and API key") @Range(min = 1) int batchBurstPer10s,
            @Doc("DELETE /cancel-all requests per 10 s and API key") @Range(min = 1) int cancelAllPer10s,
            @Doc("Public market-data requests per 10 s (all clients together)") @Range(min = 1) int publicPer10s) {
    }

    /** Binance stream behaviour. */
    public record Binance(
            @Doc(value = "Server ping interval (a connection silent for 1.5 intervals is closed)", unit = "duration")
            @Range(min = 1_000) Duration pingInterval,
            @Doc(value = "Connections are closed at this age (Binance: 24 h)", unit = "duration") @Range(min = 1_000) Duration maxConnectionAge) {
    }

    /** Allora consumer API behaviour. */
    public record Allora(
            @Doc("Accepted x-api-key; empty accepts any non-empty key") @Text(optional = true) String apiKey,
            @Doc(value = "Time between new network inferences", unit = "duration") @Range(min = 100) Duration cadence,
            @Doc(value = "Chance that an update is skipped so the served inference grows stale", unit = "probability")
            @Range(min = 0, max = 1) double staleShare,
            @Doc(value = "How much of the hidden trend the inference reveals (0 = pure noise, 1 = exact)", unit = "ratio")
            @Range(min = 0, max = 1) double skill) {
    }

    /** Fixed ports; 0 picks a free port. */
    public record Ports(
            @Doc("Binance REST port") @Range(min = 0, max = 65_535) int binanceRest,
            @Doc("Binance WebSocket port") @Range(min = 0, max = 65_535) int binanceWs,
            @Doc("Gamma port") @Range(min = 0, max = 65_535) int gamma,
            @Doc("CLOB REST port") @Range(min = 0, max = 65_535) int clobRest,
            @Doc("CLOB WebSocket port (market and user channels)") @Range(min = 0, max = 65_535) int clobWs,
            @Doc("Allora port") @Range(min = 0, max = 65_535) int allora,
            @Doc("Simulator control port (faults, state)") @Range(min = 0, max = 65_535) int control) {
    }

    /** A pre-configured simulator account. */
    public record Account(
            @Doc("API key (owner)") String apiKey,
            @Doc("API secret, URL-safe base64") String secret,
            @Doc("API passphrase") String passphrase,
            @Doc("Address of the key") @Text(pattern = "0x[0-9a-fA-F]{40}", patternHint = "a 0x address") String address)
            implements io.velocity.core.Sensitive {

        @Override
        public String toString() {
            return "Account[apiKey=" + apiKey + ", address=" + address + ", secret=" + io.velocity.core.Sensitive.REDACTED + "]";
        }
    }
}
