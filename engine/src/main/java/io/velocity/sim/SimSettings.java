package io.velocity.sim;

import io.velocity.config.AppConfig;
import io.velocity.config.ChainConfig;
import io.velocity.config.SimConfig;

import java.util.Map;

/**
 * The configuration slices the simulator reads: its own section, the chain (chain id and exchange
 * addresses signatures are checked against), Binance symbols and Allora topics and chain slug.
 */
public record SimSettings(SimConfig sim, ChainConfig chain, Map<String, String> binanceSymbols, Map<String, Integer> alloraTopics,
                          String alloraChainSlug) {

    public static SimSettings from(AppConfig c) {
        return new SimSettings(c.sim(), c.chain(), c.venues().binance().symbols(), c.venues().allora().topics(),
                c.venues().allora().chainSlug());
    }

    /** The same settings with another simulator section (tests, command-line overrides). */
    public SimSettings withSim(SimConfig other) {
        return new SimSettings(other, chain, binanceSymbols, alloraTopics, alloraChainSlug);
    }
}
