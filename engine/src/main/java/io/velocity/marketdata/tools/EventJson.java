package io.velocity.marketdata.tools;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.velocity.marketdata.AlloraSignal;
import io.velocity.marketdata.BookTop;
import io.velocity.marketdata.FeedStatus;
import io.velocity.marketdata.LastTrade;
import io.velocity.marketdata.MarketDataSink;
import io.velocity.marketdata.MarketInfo;
import io.velocity.marketdata.SpotUpdate;
import io.velocity.marketdata.UserOrderEvent;
import io.velocity.marketdata.UserTradeEvent;
import io.velocity.marketdata.WindowOpen;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Prints engine events as JSON lines, one object per event with a {@code type} first. Field
 * names follow the record components; NaN prints as null; {@code receivedNanos} is left out
 * (it is the decoding machine's clock, not part of the message).
 */
public final class EventJson implements MarketDataSink {
    private static final JsonFactory JSON = new JsonFactory();
    private final PrintStream out;

    public EventJson(PrintStream out) {
        this.out = out;
    }

    /** Writes one event: {@code body} fills the object after its {@code type}. */
    public void write(String type, Body body) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("type", type);
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println(w);
    }

    /** Fills an event object. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    static void num(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(name, v);
        } else if (Double.isInfinite(v)) {
            g.writeStringField(name, v > 0 ? "Infinity" : "-Infinity");
        } else {
            g.writeNullField(name);
        }
    }

    @Override
    public void onSpot(SpotUpdate u) {
        write("spot", g -> {
            g.writeStringField("asset", u.asset());
            num(g, "bid", u.bid());
            num(g, "ask", u.ask());
            num(g, "mid", u.mid());
            num(g, "lastTradePrice", u.lastTradePrice());
            num(g, "volPerSqrtSecond", u.volPerSqrtSecond());
            g.writeNumberField("exchangeTimeMillis", u.exchangeTimeMillis());
        });
    }

    @Override
    public void onBookTop(BookTop t) {
        write("bookTop", g -> {
            g.writeStringField("tokenId", t.tokenId());
            g.writeStringField("conditionId", t.conditionId());
            g.writeArrayFieldStart("bids");
            for (int i = 0; i < t.bidDepth(); i++) {
                g.writeStartArray();
                g.writeNumber(t.bidPrices()[i]);
                g.writeNumber(t.bidSizes()[i]);
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("asks");
            for (int i = 0; i < t.askDepth(); i++) {
                g.writeStartArray();
                g.writeNumber(t.askPrices()[i]);
                g.writeNumber(t.askSizes()[i]);
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeNumberField("tickE4", t.tickE4());
            g.writeNumberField("venueTimeMillis", t.venueTimeMillis());
        });
    }

    @Override
    public void onWindowOpen(WindowOpen o) {
        write("windowOpen", g -> {
            g.writeStringField("asset", o.asset());
            g.writeNumberField("windowStartMillis", o.windowStartMillis());
            num(g, "openPrice", o.openPrice());
            g.writeStringField("source", o.source());
        });
    }

    @Override
    public void onSignal(AlloraSignal s) {
        write("signal", g -> {
            g.writeStringField("asset", s.asset());
            g.writeNumberField("topicId", s.topicId());
            g.writeStringField("horizon", s.horizon());
            num(g, "value", s.value());
            num(g, "lower", s.lower());
            num(g, "upper", s.upper());
            g.writeNumberField("signalTimeMillis", s.signalTimeMillis());
            num(g, "stalenessRatio", s.stalenessRatio());
            g.writeBooleanField("accepted", s.accepted());
            g.writeStringField("rejectReason", s.rejectReason());
        });
    }

    @Override
    public void onMarket(MarketInfo m) {
        write("market", g -> {
            g.writeStringField("conditionId", m.conditionId());
            g.writeStringField("slug", m.slug());
            g.writeStringField("asset", m.asset());
            g.writeStringField("duration", m.duration());
            g.writeStringField("upTokenId", m.upTokenId());
            g.writeStringField("downTokenId", m.downTokenId());
            g.writeNumberField("windowStartMillis", m.windowStartMillis());
            g.writeNumberField("windowEndMillis", m.windowEndMillis());
            g.writeNumberField("tickE4", m.tickE4());
            g.writeNumberField("minOrderSizeMicros", m.minOrderSizeMicros());
            num(g, "feeRate", m.feeRate());
            num(g, "feeExponent", m.feeExponent());
            g.writeNumberField("feeRateBps", m.feeRateBps());
            g.writeBooleanField("negRisk", m.negRisk());
            g.writeNumberField("liquidityMicros", m.liquidityMicros());
            g.writeStringField("exchangeVersion", m.exchangeVersion());
        });
    }

    @Override
    public void onMarketExpired(String conditionId, String reason) {
        write("marketExpired", g -> {
            g.writeStringField("conditionId", conditionId);
            g.writeStringField("reason", reason);
        });
    }

    @Override
    public void onLastTrade(LastTrade t) {
        write("lastTrade", g -> {
            g.writeStringField("tokenId", t.tokenId());
            g.writeNumberField("priceE4", t.priceE4());
            g.writeNumberField("sizeMicros", t.sizeMicros());
            g.writeBooleanField("buy", t.buy());
            g.writeNumberField("feeRateBps", t.feeRateBps());
            g.writeNumberField("timeMillis", t.timeMillis());
        });
    }

    @Override
    public void onUserOrder(UserOrderEvent e) {
        write("userOrder", g -> {
            g.writeStringField("orderId", e.orderId());
            g.writeStringField("tokenId", e.tokenId());
            g.writeStringField("conditionId", e.conditionId());
            g.writeStringField("orderType", e.type());
            g.writeBooleanField("buy", e.buy());
            g.writeNumberField("priceE4", e.priceE4());
            g.writeNumberField("originalSizeMicros", e.originalSizeMicros());
            g.writeNumberField("sizeMatchedMicros", e.sizeMatchedMicros());
            g.writeNumberField("timeMillis", e.timeMillis());
        });
    }

    @Override
    public void onUserTrade(UserTradeEvent e) {
        write("userTrade", g -> {
            g.writeStringField("tradeId", e.tradeId());
            g.writeStringField("takerOrderId", e.takerOrderId());
            g.writeArrayFieldStart("makerOrderIds");
            for (String id : e.makerOrderIds()) {
                g.writeString(id);
            }
            g.writeEndArray();
            g.writeStringField("tokenId", e.tokenId());
            g.writeStringField("conditionId", e.conditionId());
            g.writeBooleanField("buy", e.buy());
            g.writeNumberField("priceE4", e.priceE4());
            g.writeNumberField("sizeMicros", e.sizeMicros());
            g.writeNumberField("feeRateBps", e.feeRateBps());
            g.writeStringField("status", e.status());
            g.writeNumberField("timeMillis", e.timeMillis());
        });
    }

    @Override
    public void onFeedState(FeedStatus s) {
        write("feedState", g -> {
            g.writeStringField("feed", s.feed());
            g.writeStringField("state", s.state().name());
            g.writeStringField("detail", s.detail());
        });
    }
}
