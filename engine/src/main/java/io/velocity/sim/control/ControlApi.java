package io.velocity.sim.control;

import io.velocity.core.InputException;
import io.velocity.sim.VenueSimulator;
import io.velocity.sim.http.SimHttpServer;
import io.velocity.sim.http.SimRequest;
import io.velocity.sim.http.SimResponse;
import io.velocity.sim.json.Json;
import io.velocity.sim.market.SimMarket;
import io.velocity.sim.world.AssetPath;

/**
 * The simulator's own control port, for tools and tests outside the JVM: {@code GET /state}
 * (time, prices, regimes, open markets), {@code POST /faults} with a fault spec as the body (the
 * {@code --fault} syntax), {@code DELETE /faults}, and {@code POST /advance?to=<epoch ms>} when
 * the simulator runs on a manual clock.
 */
public final class ControlApi {
    private final VenueSimulator sim;

    public ControlApi(VenueSimulator sim) {
        this.sim = sim;
    }

    public void mount(SimHttpServer s) {
        s.route("GET", "/state", this::state)
                .route("POST", "/faults", this::fault)
                .route("DELETE", "/faults", r -> {
                    sim.faults().clear();
                    return SimResponse.ok("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                })
                .route("POST", "/advance", this::advance);
    }

    private SimResponse state(SimRequest r) {
        byte[] body = sim.inspect(st -> Json.bytes(g -> {
            g.writeStartObject();
            g.writeNumberField("time", sim.clock().epochMillis());
            g.writeNumberField("worldTime", st.world().now());
            g.writeBooleanField("realTime", sim.realTime());
            g.writeObjectFieldStart("assets");
            for (AssetPath a : st.world().assets().values()) {
                g.writeObjectFieldStart(a.name());
                g.writeStringField("symbol", a.symbol());
                g.writeNumberField("mid", a.mid());
                g.writeStringField("regime", a.regime().name());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeArrayFieldStart("openMarkets");
            long now = st.world().now();
            for (SimMarket m : st.catalog().markets()) {
                if (m.upDown() && !m.closed() && m.startMillis() <= now) {
                    g.writeStartObject();
                    g.writeStringField("slug", m.slug());
                    g.writeStringField("conditionId", m.conditionId());
                    g.writeNumberField("open", m.openPrice());
                    g.writeNumberField("endMillis", m.endMillis());
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
        return SimResponse.ok(body);
    }

    private SimResponse fault(SimRequest r) {
        String spec = r.param("spec") != null ? r.param("spec") : r.body().trim();
        try {
            for (String one : spec.split(",")) {
                if (!one.isBlank()) {
                    sim.faults().apply(one);
                }
            }
        } catch (InputException e) {
            return SimResponse.json(400, Json.error(e.getMessage()));
        }
        return SimResponse.ok(Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("applied", spec);
            g.writeEndObject();
        }));
    }

    private SimResponse advance(SimRequest r) {
        if (sim.realTime()) {
            return SimResponse.json(409, Json.error("the simulator runs in real time; /advance is for manual-clock runs"));
        }
        long to;
        try {
            to = Long.parseLong(r.param("to"));
        } catch (NumberFormatException e) {
            return SimResponse.json(400, Json.error("to: epoch milliseconds required"));
        }
        if (sim.clock() instanceof io.velocity.core.ManualClock mc && mc.epochMillis() < to) {
            mc.setEpochMillis(to);
        }
        sim.advanceTo(to);
        return SimResponse.ok("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
