package io.velocity.marketdata.gamma;

/**
 * One market as Gamma describes it, with the fields of its event that discovery needs.
 * Money in micro-USD, sizes in micro-shares, prices in 1e-4 units; -1 marks an absent number.
 *
 * @param conditionId        market id
 * @param slug               market slug
 * @param question           the market question
 * @param upTokenId          token of the "Up" outcome (null when clobTokenIds could not be read)
 * @param downTokenId        token of the "Down" outcome
 * @param eventStartMillis   {@code eventStartTime} (the window open), -1 when absent
 * @param startDateMillis    {@code startDate} (when the market was created: not the window open)
 * @param endMillis          {@code endDate}
 * @param liquidityMicros    {@code liquidityNum} or {@code liquidity}
 * @param active             market active
 * @param closed             market or its event closed
 * @param archived           market or its event archived
 * @param acceptingOrders    {@code acceptingOrders} (true when absent)
 * @param negRisk            {@code negRisk} of the market or event
 * @param negRiskAugmented   {@code negRiskAugmented} of the event
 * @param orderMinSizeMicros {@code orderMinSize}
 * @param tickE4             {@code orderPriceMinTickSize}
 * @param feesEnabled        {@code feesEnabled}
 * @param version            exchange version ({@code "2"} when absent)
 * @param problem            why the market could not be read completely, "" when fine
 */
public record GammaMarket(String conditionId, String slug, String question, String upTokenId, String downTokenId,
                          long eventStartMillis, long startDateMillis, long endMillis, long liquidityMicros,
                          boolean active, boolean closed, boolean archived, boolean acceptingOrders, boolean negRisk,
                          boolean negRiskAugmented, long orderMinSizeMicros, int tickE4, boolean feesEnabled,
                          String version, String problem) {
}
