package io.velocity.engine;

/**
 * A pre-allocated ring slot. Hot events (spot, book top) are copied into primitive fields and
 * arrays so the steady state allocates nothing on the engine side; rare events carry their
 * immutable record in {@link #payload}.
 */
final class EngineEvent {
    EventType type;
    long publishedNanos;
    Object payload;

    // SPOT
    String asset;
    double bid;
    double ask;
    double last;
    double vol;
    long exchangeMillis;

    // BOOK_TOP
    String tokenId;
    final long[] bidPrices;
    final long[] bidSizes;
    final long[] askPrices;
    final long[] askSizes;
    int bidDepth;
    int askDepth;
    int tickE4;
    long receivedNanos;

    EngineEvent(int levels) {
        bidPrices = new long[levels];
        bidSizes = new long[levels];
        askPrices = new long[levels];
        askSizes = new long[levels];
    }

    void clear() {
        payload = null;
        asset = null;
        tokenId = null;
    }
}
