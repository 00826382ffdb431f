package io.velocity.desktop.session;

import io.velocity.app.VelocitySession;
import io.velocity.core.Clock;
import io.velocity.security.Keystore;

import java.util.ArrayList;
import java.util.List;

/**
 * Starts the application's {@link VelocitySession} (stores, simulator or live feeds, gateway,
 * Python bridge, engine) for the workstation. The session forwards configuration changes to the
 * engine itself; the backend adds the workstation's command thread, history and proposals.
 */
public final class VelocitySessionFactory implements SessionFactory {
    private final VelocitySession.Options options;

    public VelocitySessionFactory() {
        this(VelocitySession.Options.standard());
    }

    public VelocitySessionFactory(VelocitySession.Options options) {
        this.options = options;
    }

    @Override
    public WorkstationBackend start(SessionRequest request) {
        Keystore keystore = request.keystore() instanceof KeystoreFileGate.Open open ? open.keystore() : null;
        VelocitySession session = VelocitySession.start(request.config(), request.health(), keystore, options);
        List<AutoCloseable> resources = new ArrayList<>();
        if (request.keystore() != null) {
            resources.add(request.keystore());
        }
        resources.add(session);
        Clock clock = options.clock();
        return new SessionBackend(new EngineBackend(session.engine(), session.killSwitch(), session.config(),
                new ProposalInbox(request.config().current().app().dataDirectory().resolve("proposals")), clock,
                resources, false), session);
    }

    /** The engine backend plus the session it came from (tests reach the simulator through it). */
    public static final class SessionBackend extends DelegatingBackend {
        private final VelocitySession session;

        SessionBackend(WorkstationBackend delegate, VelocitySession session) {
            super(delegate);
            this.session = session;
        }

        public VelocitySession session() {
            return session;
        }
    }
}
