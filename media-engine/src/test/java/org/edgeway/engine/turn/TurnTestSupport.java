package org.edgeway.engine.turn;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.edgeway.engine.Engine;
import org.edgeway.engine.EngineConfig;
import org.edgeway.engine.EngineListener;
import org.edgeway.engine.EngineState;
import org.edgeway.engine.NodeRole;
import org.edgeway.engine.SystemSize;
import org.edgeway.engine.tls.SelfSignedCertificate;

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
        return start(SystemSize.SMALL, customize, listener);
    }

    static Engine start(SystemSize size, UnaryOperator<TurnConfig.Builder> customize, EngineListener listener) {
        Engine engine = new Engine(listener);
        TurnConfig turn = customize.apply(baseTurn()).build();
        engine.start(new EngineConfig(NodeRole.EXPRESSWAY_E, size, "edgeway", "127.0.0.1").with(TurnService.KEY, turn));
        if (engine.snapshot().service(TurnService.KEY).state() != EngineState.RUNNING) {
            engine.close();
            throw new IllegalStateException("TURN did not start: " + engine.snapshot().service(TurnService.KEY).detail());
        }
        return engine;
    }

    /** Keystore password of {@link #keyStore}. */
    static final String KEYSTORE_PASSWORD = "changeit";

    /** A PKCS12 keystore (self-signed certificate for {@code host}) as file bytes. */
    static byte[] keyStore(String host, String password) throws Exception {
        java.security.KeyStore store = SelfSignedCertificate.create(host, password.toCharArray());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        store.store(out, password.toCharArray());
        return out.toByteArray();
    }

    /** Replaces {@code file} with {@code bytes} atomically (a temp file moved over it), as a deployment would. */
    static void replace(Path file, byte[] bytes) throws java.io.IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".new");
        Files.write(temp, bytes);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Polls {@code condition} every 50 ms for up to {@code seconds}. */
    static boolean await(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    static InetSocketAddress udp(Engine engine) {
        return engine.service(TurnService.class).server().udpAddresses().get(0);
    }

    static InetSocketAddress tcp(Engine engine) {
        return engine.service(TurnService.class).server().tcpAddresses().get(0);
    }
}
