package io.velocity.desktop.session;

import io.velocity.config.FeedSource;
import io.velocity.config.Mode;

import java.util.List;

/** The three ways a trader starts the workstation (DESIGN.md §3). */
public enum SessionMode {
    PAPER_SIM(Mode.PAPER, FeedSource.SIM, false, "Paper · simulated feeds",
            "Built-in venue simulator on loopback. Simulated fills, no keys, no network."),
    PAPER_LIVE(Mode.PAPER, FeedSource.LIVE, true, "Paper · live feeds",
            "Real Binance, Polymarket and Allora data; fills simulated against the real book. Needs the Allora key."),
    LIVE(Mode.LIVE, FeedSource.LIVE, true, "Live trading",
            "Real orders with real money on Rail A and Rail B. Needs the unlocked keystore.");

    private final Mode mode;
    private final FeedSource feeds;
    private final boolean needsKeystore;
    private final String title;
    private final String description;

    SessionMode(Mode mode, FeedSource feeds, boolean needsKeystore, String title, String description) {
        this.mode = mode;
        this.feeds = feeds;
        this.needsKeystore = needsKeystore;
        this.title = title;
        this.description = description;
    }

    public Mode mode() {
        return mode;
    }

    public FeedSource feeds() {
        return feeds;
    }

    /** True when the session needs secrets from the keystore (the Allora key, the wallet key). */
    public boolean needsKeystore() {
        return needsKeystore;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** Configuration overrides that select this mode. */
    public List<String> overrides() {
        return List.of("mode=" + mode.name().toLowerCase(java.util.Locale.ROOT),
                "feeds=" + feeds.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The mode a configuration asks for (replay starts as paper on simulated feeds). */
    public static SessionMode of(Mode mode, FeedSource feeds) {
        if (mode == Mode.LIVE) {
            return LIVE;
        }
        return feeds == FeedSource.LIVE ? PAPER_LIVE : PAPER_SIM;
    }
}
