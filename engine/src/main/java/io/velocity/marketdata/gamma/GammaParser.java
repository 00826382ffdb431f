package io.velocity.marketdata.gamma;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.velocity.marketdata.parse.Decimals;
import io.velocity.marketdata.parse.JsonValues;
import io.velocity.marketdata.parse.JsonProblems;
import io.velocity.marketdata.parse.MalformedMessageException;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decodes Gamma replies with Jackson's streaming parser: {@code /events} (an array of events,
 * each with {@code markets[]}), {@code /markets} (an array of markets, each maybe with
 * {@code events[]}), or a single event or market object ({@code /events/slug/...}).
 *
 * <p>Wire facts: {@code clobTokenIds} and {@code outcomes} are JSON arrays inside strings, in
 * the same order ("Up" then "Down"); {@code liquidity} is a string, {@code liquidityNum} a
 * number; dates are ISO-8601 with or without fractions; {@code negRiskAugmented} lives on the
 * event; the window opens at {@code eventStartTime}, not {@code startDate}. A market whose
 * fields cannot be read is returned with {@link GammaMarket#problem()} set so discovery can say
 * why it was skipped; a reply that is not Gamma JSON at all is a {@link MalformedMessageException}.
 */
public final class GammaParser {
    private static final JsonFactory JSON = new JsonFactory();

    /** Decodes a reply into its markets. */
    public List<GammaMarket> parse(byte[] body) throws MalformedMessageException {
        List<GammaMarket> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(body)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t != JsonToken.START_OBJECT) {
                        throw new MalformedMessageException("gamma", "array element is not an object");
                    }
                    topObject(p, out);
                }
            } else if (t == JsonToken.START_OBJECT) {
                topObject(p, out);
            } else {
                throw new MalformedMessageException("gamma", "expected a JSON array or object");
            }
            if (p.nextToken() != null) {
                throw new MalformedMessageException("gamma", "trailing data after the JSON value");
            }
        } catch (IOException e) {
            throw new MalformedMessageException("gamma", JsonProblems.notJson(e));
        }
        return out;
    }

    /** {@link #parse(byte[])} over a string. */
    public List<GammaMarket> parse(String body) throws MalformedMessageException {
        return parse(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Fields of one object, event or market (they share names). */
    private static final class Obj {
        String conditionId;
        String slug;
        String question;
        String tokenIds;
        String outcomes;
        long eventStart = -1;
        long startDate = -1;
        long end = -1;
        long liquidity = -1;
        long liquidityNum = -1;
        int active = -1;
        int closed = -1;
        int archived = -1;
        int accepting = -1;
        int negRisk = -1;
        int negRiskAugmented = -1;
        long minSize = -1;
        int tick = -1;
        int fees = -1;
        String version;
        String problem = "";
        List<Obj> children = new ArrayList<>();
        boolean childrenAreMarkets;
        String error;
    }

    private static void topObject(JsonParser p, List<GammaMarket> out) throws IOException, MalformedMessageException {
        Obj o = readObject(p);
        if (o.error != null) {
            throw new MalformedMessageException("gamma", "venue error: " + o.error);
        }
        if (o.childrenAreMarkets) {
            for (Obj m : o.children) {
                out.add(toMarket(m, o)); // an event with its markets
            }
        } else if (o.conditionId != null || o.tokenIds != null) {
            out.add(toMarket(o, o.children.isEmpty() ? null : o.children.get(0))); // a market with its events
        }
    }

    private static Obj readObject(JsonParser p) throws IOException, MalformedMessageException {
        Obj o = new Obj();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            t = p.nextToken();
            try {
                switch (name) {
                    case "conditionId" -> o.conditionId = JsonValues.text(p);
                    case "slug" -> o.slug = JsonValues.text(p);
                    case "question", "title" -> {
                        if (o.question == null) {
                            o.question = JsonValues.text(p);
                        }
                    }
                    case "clobTokenIds" -> o.tokenIds = t == JsonToken.START_ARRAY ? arrayText(p) : JsonValues.text(p);
                    case "outcomes" -> o.outcomes = t == JsonToken.START_ARRAY ? arrayText(p) : JsonValues.text(p);
                    case "eventStartTime" -> o.eventStart = time(p);
                    case "startDate" -> o.startDate = time(p);
                    case "endDate" -> o.end = time(p);
                    case "liquidity" -> o.liquidity = JsonValues.fixed(p, 6, false);
                    case "liquidityNum", "liquidityClob" -> {
                        long v = JsonValues.fixed(p, 6, false);
                        if (o.liquidityNum < 0 || name.equals("liquidityNum")) {
                            o.liquidityNum = v;
                        }
                    }
                    case "active" -> o.active = JsonValues.bool(p);
                    case "closed" -> o.closed = JsonValues.bool(p);
                    case "archived" -> o.archived = JsonValues.bool(p);
                    case "acceptingOrders" -> o.accepting = JsonValues.bool(p);
                    case "negRisk" -> o.negRisk = JsonValues.bool(p);
                    case "negRiskAugmented" -> o.negRiskAugmented = JsonValues.bool(p);
                    case "orderMinSize" -> o.minSize = JsonValues.fixed(p, 6, false);
                    case "orderPriceMinTickSize" -> {
                        long v = JsonValues.fixed(p, 4, true);
                        o.tick = v == Decimals.MALFORMED ? -2 : (int) v;
                    }
                    case "feesEnabled" -> o.fees = JsonValues.bool(p);
                    case "version", "exchangeVersion" -> o.version = JsonValues.text(p);
                    case "error" -> o.error = JsonValues.text(p);
                    case "markets", "events" -> {
                        if (t == JsonToken.START_ARRAY) {
                            o.childrenAreMarkets = name.equals("markets");
                            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                                if (t == JsonToken.START_OBJECT) {
                                    o.children.add(readObject(p));
                                } else {
                                    p.skipChildren();
                                }
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            } catch (DateTimeParseException e) {
                o.problem = name + " is not an ISO-8601 time";
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new MalformedMessageException("gamma", "truncated object");
        }
        return o;
    }

    private static GammaMarket toMarket(Obj m, Obj event) {
        String problem = m.problem;
        String up = null;
        String down = null;
        List<String> ids = stringList(m.tokenIds);
        List<String> names = stringList(m.outcomes);
        if (ids == null || ids.size() != 2) {
            problem = first(problem, "clobTokenIds is not a list of two token ids");
        } else {
            int upIndex = 0;
            if (names != null && names.size() == 2) {
                String a = names.get(0).toLowerCase(Locale.ROOT);
                String b = names.get(1).toLowerCase(Locale.ROOT);
                if (a.equals("down") && b.equals("up")) {
                    upIndex = 1;
                } else if (!(a.equals("up") && b.equals("down"))) {
                    problem = first(problem, "outcomes are " + names + ", not Up/Down");
                }
            }
            up = ids.get(upIndex);
            down = ids.get(1 - upIndex);
        }
        if (m.liquidity == Decimals.MALFORMED && m.liquidityNum < 0) {
            problem = first(problem, "liquidity is not a number");
        }
        if (m.tick == -2) {
            problem = first(problem, "orderPriceMinTickSize is not a tick size");
        }
        long liquidity = m.liquidityNum >= 0 ? m.liquidityNum : Math.max(m.liquidity, -1);
        boolean closed = m.closed == 1 || (event != null && event.closed == 1);
        boolean archived = m.archived == 1 || (event != null && event.archived == 1);
        boolean negRisk = m.negRisk == 1 || (event != null && event.negRisk == 1);
        boolean augmented = m.negRiskAugmented == 1 || (event != null && event.negRiskAugmented == 1);
        long eventStart = m.eventStart >= 0 ? m.eventStart : event != null ? event.eventStart : -1;
        long end = m.end >= 0 ? m.end : event != null ? event.end : -1;
        String version = m.version != null ? m.version : event != null && event.version != null ? event.version : "2";
        return new GammaMarket(m.conditionId, m.slug, m.question, up, down, eventStart, m.startDate, end, liquidity,
                m.active != 0, closed, archived, m.accepting != 0, negRisk, augmented, m.minSize, Math.max(m.tick, -1),
                m.fees == 1, version, problem);
    }

    private static String first(String existing, String next) {
        return existing.isEmpty() ? next : existing;
    }

    /** Parses a JSON array given as text ({@code "[\"1\", \"2\"]"}), null when it is not one. */
    private static List<String> stringList(String json) {
        if (json == null) {
            return null;
        }
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            List<String> out = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NUMBER_INT) {
                    return null;
                }
                out.add(p.getText());
            }
            return out;
        } catch (IOException e) {
            return null;
        }
    }

    private static String arrayText(JsonParser p) throws IOException {
        StringBuilder sb = new StringBuilder("[");
        JsonToken t;
        boolean first = true;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT) {
                sb.append('"').append(p.getText()).append('"');
            } else {
                p.skipChildren();
                sb.append("null");
            }
        }
        return sb.append(']').toString();
    }

    private static final DateTimeFormatter LOOSE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSS][X]");

    /** ISO-8601 (with or without fractions or zone colon) to epoch ms; -1 for null or empty. */
    static long time(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            long v = p.getLongValue();
            return v < 100_000_000_000L ? v * 1000 : v;
        }
        String s = JsonValues.text(p);
        if (s == null || s.isBlank()) {
            return -1;
        }
        return parseTime(s.trim());
    }

    static long parseTime(String s) {
        try {
            return Instant.parse(s).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant().toEpochMilli();
            } catch (DateTimeParseException e2) {
                return OffsetDateTime.parse(s, LOOSE).toInstant().toEpochMilli();
            }
        }
    }

}
