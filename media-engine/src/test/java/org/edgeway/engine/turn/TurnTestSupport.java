package org.edgeway.engine.turn;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.edgeway.engine.Engine;
import org.edgeway.engine.EngineConfig;
import org.edgeway.engine.EngineListener;
import org.edgeway.engine.EngineState;
import org.edgeway.engine.NodeRole;
import org.edgeway.engine.SystemSize;
import org.edgeway.engine.TurnConfig;

/** Starts an engine with TURN on loopback, ephemeral request and relay ports, user alice/secret, loopback peers. */
final class TurnTestSupport {

    static final String USER = "alice";
    static final String PASSWORD = "secret";
    static final String REALM = "TANDBERG";

    private TurnTestSupport() {
    }

    static TurnConfig.Builder baseTurn() {
        return TurnConfig.builder().enabled(true).requestsPort(0).mediaPortRange(0, 0)
                .credentials(Map.of(USER, PASSWORD, "bob", "bobpass"))
                .peerAllow(List.of("127.0.0.0/8", "::1/128"));
    }

    static Engine start(UnaryOperator<TurnConfig.Builder> customize, EngineListener listener) {
        Engine engine = new Engine(listener);
        TurnConfig turn = customize.apply(baseTurn()).build();
        engine.start(new EngineConfig(NodeRole.EXPRESSWAY_E, SystemSize.SMALL, "edgeway", "127.0.0.1", turn));
        if (engine.snapshot().turn().state() != EngineState.RUNNING) {
            engine.close();
            throw new IllegalStateException("TURN did not start: " + engine.snapshot().turn().detail());
        }
        return engine;
    }

    static InetSocketAddress udp(Engine engine) {
        return engine.turnServer().udpAddresses().get(0);
    }

    static InetSocketAddress tcp(Engine engine) {
        return engine.turnServer().tcpAddresses().get(0);
    }
}
