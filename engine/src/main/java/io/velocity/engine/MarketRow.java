package io.velocity.engine;

/**
 * One market as the workstation shows it. Prices and probabilities in 0..1, money in micro-USD.
 *
 * @param conditionId      market id
 * @param slug             venue slug
 * @param asset            lower-case asset
 * @param duration         window length label
 * @param windowStartMillis window open
 * @param windowEndMillis  window close
 * @param spot             Binance price (NaN if unknown)
 * @param open             price at the window open (NaN if unknown)
 * @param volPerSqrtSecond realized volatility
 * @param fairUp           fair P(up)
 * @param bidUp            best bid of Up
 * @param askUp            best ask of Up
 * @param bidDown          best bid of Down
 * @param askDown          best ask of Down
 * @param outcome          outcome the analysis favours (UP/DOWN)
 * @param implied          depth-aware implied probability of that outcome
 * @param edge             fair − implied for that outcome
 * @param takerFee         taker fee per share
 * @param evPerDollar      expected value per dollar after fee and gas
 * @param decision         SNIPE, LADDER or NONE
 * @param reason           why (TRADE or the blocking reason)
 * @param upSharesMicros   Up shares held
 * @param downSharesMicros Down shares held
 * @param costMicros       money spent on this market (incl. fees)
 * @param unrealizedMicros value at fair minus cost
 * @param signalWeight     effective Allora weight used
 */
public record MarketRow(String conditionId, String slug, String asset, String duration, long windowStartMillis,
                        long windowEndMillis, double spot, double open, double volPerSqrtSecond, double fairUp,
                        double bidUp, double askUp, double bidDown, double askDown, String outcome, double implied,
                        double edge, double takerFee, double evPerDollar, String decision, String reason,
                        long upSharesMicros, long downSharesMicros, long costMicros, long unrealizedMicros,
                        double signalWeight) {

    /** Distance from open as a fraction of the open (NaN when unknown). */
    public double dfoPercent() {
        return open > 0 && spot > 0 ? (spot - open) / open : Double.NaN;
    }
}
