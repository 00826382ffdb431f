package io.velocity.sim.world;

/** Receives spot market data as the world steps; called on the simulator loop thread. */
public interface MarketDataListener {
    void onTrade(AssetPath asset, AggTrade trade);

    void onBookTop(AssetPath asset, BookTop top);
}
