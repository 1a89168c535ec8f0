package org.edgeway.engine.sip;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.edgeway.engine.Engine;
import org.edgeway.engine.EngineConfig;
import org.edgeway.engine.EngineState;
import org.edgeway.engine.NodeRole;
import org.edgeway.engine.SystemSize;
import org.edgeway.engine.TestPorts;
import org.edgeway.engine.zones.SearchRule;
import org.edgeway.engine.zones.ZoneConfig;

/** Starts an engine with SIP on loopback: UDP and TCP on one test port, domain example.com, user alice/secret. */
final class SipTestSupport {

    static final String USER = "alice";
    static final String PASSWORD = "secret";
    static final String DOMAIN = "example.com";

    private SipTestSupport() {
    }

    static SipConfig config(int port) {
        return SipConfig.defaults()
                .withProtocol(true, new SipConfig.Listener(true, port), new SipConfig.Listener(true, port),
                        new SipConfig.Listener(false, SipConfig.DEFAULT_TLS_PORT), null, Duration.ofSeconds(30),
                        Duration.ofSeconds(3600))
                .withDomains(List.of(new SipConfig.SipDomain(DOMAIN, true)))
                .withCredentials("TANDBERG", Map.of(USER, PASSWORD));
    }

    static EngineConfig engineConfig(SipConfig sip) {
        return engineConfig(NodeRole.EXPRESSWAY_C, sip);
    }

    static EngineConfig engineConfig(NodeRole role, SipConfig sip) {
        return new EngineConfig(role, SystemSize.SMALL, "edgeway", "127.0.0.1").with(SipService.KEY, sip);
    }

    static Engine start(SipConfig sip) {
        return start(NodeRole.EXPRESSWAY_C, sip, new SipService());
    }

    static Engine start(SipConfig sip, SipService service) {
        return start(NodeRole.EXPRESSWAY_C, sip, service);
    }

    static Engine start(NodeRole role, SipConfig sip) {
        return start(role, sip, new SipService());
    }

    /** An engine in the given role running only the given SIP service. */
    static Engine start(NodeRole role, SipConfig sip, SipService service) {
        Engine engine = new Engine(null, List.of(service));
        engine.start(engineConfig(role, sip));
        SipSnapshot s = engine.snapshot().service(SipService.KEY);
        if (s.state() != EngineState.RUNNING) {
            engine.close();
            throw new IllegalStateException("SIP did not start: " + s.detail());
        }
        return engine;
    }

    static int freePort() {
        return TestPorts.port();
    }

    static ZoneConfig neighbor(int id, String name, String peer, int port, ZoneConfig.Transport transport) {
        return new ZoneConfig(id, name, ZoneConfig.ZoneType.NEIGHBOR, ZoneConfig.DEFAULT_HOP_COUNT, true, transport,
                port, List.of(peer), false, null, null, null, ZoneConfig.AuthenticationPolicy.DO_NOT_CHECK_CREDENTIALS,
                ZoneConfig.MediaEncryption.AUTO, false, false, null);
    }

    static SearchRule rule(int id, String name, int priority, SearchRule.PatternType type, String pattern,
            SearchRule.PatternBehavior behavior, String replace, String target) {
        return new SearchRule(id, name, priority, null, false, SearchRule.Mode.ALIAS_PATTERN_MATCH, type, pattern,
                behavior, replace, SearchRule.OnMatch.STOP, target, true);
    }
}
