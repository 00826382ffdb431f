package io.velocity.desktop.blotter;

import io.velocity.desktop.fx.Formats;
import io.velocity.desktop.table.ColumnSpec;
import io.velocity.engine.FillRow;
import io.velocity.engine.OrderRow;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Columns of the orders and fills tables. */
final class BlotterColumns {
    private BlotterColumns() {
    }

    private static ColumnSpec<OrderItem, OrderRow> o(String id, String title) {
        return ColumnSpec.of(id, title, OrderItem::rowProperty);
    }

    private static ColumnSpec<FillItem, FillRow> f(String id, String title) {
        return ColumnSpec.of(id, title, FillItem::rowProperty);
    }

    static String stateClass(String state) {
        return switch (state) {
            case "FILLED" -> "state-filled";
            case "PARTIALLY_FILLED" -> "state-partial";
            case "REJECTED", "EXPIRED" -> "state-rejected";
            case "CANCELLED" -> "state-cancelled";
            case "CANCEL_REQUESTED" -> "state-cancelling";
            default -> "state-working";
        };
    }

    static String settlementClass(String s) {
        return switch (s) {
            case "MATCHED" -> "settle-matched";
            case "MINED" -> "settle-mined";
            case "CONFIRMED" -> "settle-confirmed";
            case "RETRYING" -> "settle-retrying";
            case "FAILED" -> "settle-failed";
            default -> null;
        };
    }

    static List<ColumnSpec<OrderItem, ?>> orders() {
        return List.of(
                o("time", "Updated").width(104).text(r -> Formats.timeMillis(r.updatedMillis()))
                        .csv(r -> Formats.iso(r.updatedMillis())).sortBy(Comparator.comparingLong(OrderRow::updatedMillis)),
                o("id", "Order #").width(70).numeric().text(r -> Long.toString(r.clientOrderId()))
                        .sortBy(Comparator.comparingLong(OrderRow::clientOrderId)),
                o("market", "Market").width(212).text(OrderRow::slug).sortBy(Comparator.comparing(OrderRow::slug)),
                o("intent", "Intent").width(70).text(OrderRow::intent)
                        .style(r -> "intent-" + r.intent().toLowerCase(Locale.ROOT)).sortBy(Comparator.comparing(OrderRow::intent)),
                o("side", "Side").width(52).text(OrderRow::side).style(r -> "BUY".equals(r.side()) ? "pos" : "neg")
                        .sortBy(Comparator.comparing(OrderRow::side)),
                o("outcome", "Outcome").width(66).text(OrderRow::outcome)
                        .style(r -> "UP".equals(r.outcome()) ? "side-up" : "side-down").sortBy(Comparator.comparing(OrderRow::outcome)),
                o("tif", "TIF").width(46).text(OrderRow::tif).sortBy(Comparator.comparing(OrderRow::tif)),
                o("price", "Price").width(64).numeric().text(r -> Formats.centsE4(r.priceE4()))
                        .csv(r -> Double.toString(r.priceE4() / 1e4)).sortBy(Comparator.comparingLong(OrderRow::priceE4)),
                o("size", "Size").width(72).numeric().text(r -> Formats.shares(r.sizeMicros()))
                        .csv(r -> Double.toString(r.sizeMicros() / 1e6)).sortBy(Comparator.comparingLong(OrderRow::sizeMicros)),
                o("filled", "Filled").width(72).numeric().text(r -> Formats.shares(r.filledMicros()))
                        .csv(r -> Double.toString(r.filledMicros() / 1e6)).sortBy(Comparator.comparingLong(OrderRow::filledMicros)),
                o("avg", "Avg").width(60).numeric().text(r -> Formats.centsE4(r.avgPriceE4()))
                        .csv(r -> Double.toString(r.avgPriceE4() / 1e4)).sortBy(Comparator.comparingLong(OrderRow::avgPriceE4)),
                o("fees", "Fees").width(64).numeric().text(r -> r.feesMicros() == 0 ? Formats.NONE : Formats.usd(r.feesMicros()))
                        .csv(r -> Double.toString(r.feesMicros() / 1e6)).sortBy(Comparator.comparingLong(OrderRow::feesMicros)),
                o("state", "State").width(118).text(r -> r.state().replace('_', ' '))
                        .style(r -> stateClass(r.state())).sortBy(Comparator.comparing(OrderRow::state)),
                o("settlement", "Settlement").width(90).text(r -> "NONE".equals(r.settlement()) ? Formats.NONE : r.settlement())
                        .style(r -> settlementClass(r.settlement())).sortBy(Comparator.comparing(OrderRow::settlement)),
                o("rail", "Rail").width(64).text(OrderRow::rail).sortBy(Comparator.comparing(OrderRow::rail)),
                o("latency", "Ack latency").width(84).numeric().text(r -> Formats.latencyMicros(r.latencyMicros()))
                        .csv(r -> Long.toString(r.latencyMicros())).sortBy(Comparator.comparingLong(OrderRow::latencyMicros)),
                o("trace", "Trace id").width(196).text(OrderRow::traceId).style(r -> "mono")
                        .sortBy(Comparator.comparing(OrderRow::traceId)),
                o("venue", "Venue id").width(120).hidden().text(OrderRow::venueOrderId).sortBy(Comparator.comparing(OrderRow::venueOrderId)),
                o("detail", "Detail").width(260).text(OrderRow::detail).sortBy(Comparator.comparing(OrderRow::detail)));
    }

    static List<ColumnSpec<FillItem, ?>> fills() {
        return List.of(
                f("time", "Time").width(104).text(r -> Formats.timeMillis(r.timeMillis()))
                        .csv(r -> Formats.iso(r.timeMillis())).sortBy(Comparator.comparingLong(FillRow::timeMillis)),
                f("kind", "Kind").width(104).text(FillRow::kind)
                        .style(r -> "REDEMPTION".equals(r.kind()) ? "kind-redemption" : "kind-fill").sortBy(Comparator.comparing(FillRow::kind)),
                f("market", "Market").width(212).text(FillRow::slug).sortBy(Comparator.comparing(FillRow::slug)),
                f("outcome", "Outcome").width(66).text(FillRow::outcome)
                        .style(r -> "UP".equals(r.outcome()) ? "side-up" : "side-down").sortBy(Comparator.comparing(FillRow::outcome)),
                f("price", "Price").width(64).numeric().text(r -> Formats.centsE4(r.priceE4()))
                        .csv(r -> Double.toString(r.priceE4() / 1e4)).sortBy(Comparator.comparingLong(FillRow::priceE4)),
                f("shares", "Shares").width(76).numeric().text(r -> Formats.shares(r.sizeMicros()))
                        .csv(r -> Double.toString(r.sizeMicros() / 1e6)).sortBy(Comparator.comparingLong(FillRow::sizeMicros)),
                f("notional", "Notional").width(84).numeric().text(r -> Formats.usd(notional(r)))
                        .csv(r -> Double.toString(notional(r) / 1e6)).sortBy(Comparator.comparingLong(BlotterColumns::notional)),
                f("fee", "Fee").width(64).numeric().text(r -> r.feeMicros() == 0 ? Formats.NONE : Formats.usd(r.feeMicros()))
                        .csv(r -> Double.toString(r.feeMicros() / 1e6)).sortBy(Comparator.comparingLong(FillRow::feeMicros)),
                f("rail", "Rail").width(64).text(FillRow::rail).sortBy(Comparator.comparing(FillRow::rail)),
                f("order", "Order #").width(70).numeric().text(r -> r.clientOrderId() == 0 ? Formats.NONE : Long.toString(r.clientOrderId()))
                        .sortBy(Comparator.comparingLong(FillRow::clientOrderId)),
                f("trace", "Trace id").width(196).text(FillRow::traceId).style(r -> "mono")
                        .sortBy(Comparator.comparing(FillRow::traceId)));
    }

    /** Shares × price in micro-USD (a redemption pays $1 per winning share). */
    static long notional(FillRow r) {
        return r.sizeMicros() * r.priceE4() / 10_000;
    }
}
