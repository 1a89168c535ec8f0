package org.edgeway.engine;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.edgeway.engine.turn.TurnConfig;
import org.edgeway.engine.turn.TurnService;

/**
 * Runs the engine standalone with TURN enabled until killed (used by {@code bench/turn-vs-coturn.sh} and for manual
 * tests). Prints {@code READY <listening addresses>} on stdout once the TURN listeners are bound.
 *
 * <pre>
 * java -cp ... org.edgeway.engine.EngineMain --port 3478 --realm TANDBERG --user alice:secret \
 *      --allow-loopback --media-ports 40000-49999 [--bind 127.0.0.1] [--size small|medium|large]
 *      [--tcp443-port N] [--max-relays N] [--secret S] [--allow-binding] [--protocol udp|tcp|both]
 *      [--unauthorized-rate N] [--user-quota N] [--nonce-seconds N] [--no-hairpin] [--threads N]
 *      [--tls-port N --keystore FILE.p12 --keystore-password P]
 * </pre>
 */
public final class EngineMain {

    private EngineMain() {
    }

    public static void main(String[] args) throws Exception {
        EngineConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            usage(System.err);
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Engine engine = new Engine(event -> {
            if (event instanceof EngineEvent.StateChanged s && !"TURN".equals(s.service())) {
                return;
            }
            if (event instanceof EngineEvent.AlarmRaised a) {
                System.err.println("ALARM " + a.title() + ": " + a.action());
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            engine.close();
            stopped.countDown();
        }, "edgeway-shutdown"));
        engine.start(config);
        EngineSnapshot snapshot = engine.snapshot();
        if (snapshot.service(TurnService.KEY).state() != EngineState.RUNNING) {
            System.err.println("TURN not running: " + snapshot.service(TurnService.KEY).detail());
            engine.close();
            System.exit(1);
        }
        System.out.println("READY " + String.join(" ", snapshot.service(TurnService.KEY).listeningAddresses()));
        System.out.flush();
        stopped.await();
    }

    static EngineConfig parse(String[] args) {
        TurnConfig.Builder turn = TurnConfig.builder().enabled(true);
        Map<String, String> users = new LinkedHashMap<>();
        List<String> allow = new ArrayList<>();
        String bind = "127.0.0.1";
        SystemSize size = SystemSize.SMALL;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port" -> turn.requestsPort(Integer.parseInt(value(args, ++i, a)));
                case "--realm" -> turn.realm(value(args, ++i, a));
                case "--user" -> {
                    String up = value(args, ++i, a);
                    int colon = up.indexOf(':');
                    if (colon <= 0) {
                        throw new IllegalArgumentException("--user needs name:password");
                    }
                    users.put(up.substring(0, colon), up.substring(colon + 1));
                }
                case "--allow-loopback" -> {
                    allow.add("127.0.0.0/8");
                    allow.add("::1/128");
                }
                case "--allow-peer" -> allow.add(value(args, ++i, a));
                case "--media-ports" -> {
                    String[] r = value(args, ++i, a).split("-");
                    turn.mediaPortRange(Integer.parseInt(r[0]), Integer.parseInt(r[r.length - 1]));
                }
                case "--bind" -> bind = value(args, ++i, a);
                case "--size" -> size = SystemSize.valueOf(value(args, ++i, a).toUpperCase());
                case "--tcp443-port" -> turn.tcp443Enabled(true).tcp443Port(Integer.parseInt(value(args, ++i, a)));
                case "--max-relays" -> turn.maxRelays(Integer.parseInt(value(args, ++i, a)));
                case "--secret" -> turn.sharedSecret(value(args, ++i, a));
                case "--allow-binding" -> turn.allowUnauthenticatedStunBinding(true);
                case "--no-hairpin" -> turn.internalHairpin(false);
                case "--tls-port" -> turn.tlsEnabled(true).tlsPort(Integer.parseInt(value(args, ++i, a)));
                case "--keystore" -> turn.tlsEnabled(true).tlsKeyStore(value(args, ++i, a));
                case "--keystore-password" -> turn.tlsKeyStorePassword(value(args, ++i, a));
                case "--threads" -> System.setProperty(Engine.IO_THREADS_PROPERTY, value(args, ++i, a));
                case "--unauthorized-rate" -> turn.unauthorizedPerSecond(Integer.parseInt(value(args, ++i, a)));
                case "--user-quota" -> turn.userQuota(Integer.parseInt(value(args, ++i, a)));
                case "--nonce-seconds" -> turn.nonceLifetime(Duration.ofSeconds(Long.parseLong(value(args, ++i, a))));
                case "--protocol" -> turn.protocolMode(switch (value(args, ++i, a).toLowerCase()) {
                    case "udp" -> TurnConfig.ProtocolMode.UDP;
                    case "tcp" -> TurnConfig.ProtocolMode.TCP;
                    default -> TurnConfig.ProtocolMode.UDP_AND_TCP;
                });
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        turn.credentials(users).peerAllow(allow);
        return new EngineConfig(NodeRole.EXPRESSWAY_E, size, "edgeway", bind).with(TurnService.KEY, turn.build());
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static void usage(PrintStream out) {
        out.println("usage: EngineMain --port N --realm R --user name:password ... [--allow-loopback]"
                + " [--media-ports start-end] [--bind ip] [--size small|medium|large] [--tcp443-port N]"
                + " [--max-relays N] [--secret S] [--allow-binding] [--protocol udp|tcp|both]"
                + " [--unauthorized-rate N] [--user-quota N] [--nonce-seconds N] [--no-hairpin] [--threads N]"
                + " [--tls-port N --keystore FILE.p12 --keystore-password P]");
    }
}
