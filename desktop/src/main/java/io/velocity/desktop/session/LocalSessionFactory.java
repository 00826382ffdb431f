package io.velocity.desktop.session;

import io.velocity.config.Config;
import io.velocity.config.Mode;
import io.velocity.core.Clock;
import io.velocity.core.InputException;
import io.velocity.engine.DecisionListener;
import io.velocity.engine.Engine;
import io.velocity.engine.EngineRuntime;
import io.velocity.execution.paper.PaperGateway;
import io.velocity.risk.KillSwitch;
import io.velocity.telemetry.Metrics;

import java.util.List;

/**
 * The session this build can start on its own: the engine with the paper gateway, in paper mode.
 * Market data feeds, the venue simulator, the stores and the execution rails are wired by the
 * application's session class once those modules are on main; until then the workstation shows
 * honest empty states ("market discovery is not running in this session") and refuses live mode.
 */
public final class LocalSessionFactory implements SessionFactory {

    @Override
    public WorkstationBackend start(SessionRequest request) {
        Config cfg = request.config().current();
        if (cfg.app().mode() == Mode.LIVE) {
            throw new InputException("live trading needs the execution rails, which this build does not include yet");
        }
        Clock clock = Clock.SYSTEM;
        KillSwitch killSwitch = new KillSwitch(clock);
        EngineRuntime[] holder = new EngineRuntime[1];
        PaperGateway gateway = new PaperGateway(r -> holder[0].onReport(r), killSwitch);
        // No sizing until the strategy module (Python with a Java fallback) is wired: without feeds
        // nothing would be sized anyway, and a made-up sizer must never reach a real session.
        Engine engine = new Engine(new Engine.Dependencies(clock, cfg, killSwitch, gateway, DecisionListener.NONE,
                request.health(), new Metrics(), (price, winProb, fee) -> 0));
        EngineRuntime runtime = new EngineRuntime(engine, clock, killSwitch, cfg.app().engine());
        holder[0] = runtime;
        runtime.addBookObserver(gateway);
        runtime.start();
        List<AutoCloseable> resources = request.keystore() == null ? List.of(gateway) : List.of(request.keystore(), gateway);
        return new EngineBackend(runtime, killSwitch, request.config(),
                new ProposalInbox(cfg.app().dataDirectory().resolve("proposals")), clock, resources);
    }
}
