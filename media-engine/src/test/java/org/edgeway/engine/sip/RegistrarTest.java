package org.edgeway.engine.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.edgeway.engine.Engine;
import org.edgeway.engine.sip.SipSnapshot.RegistrationView;
import org.edgeway.engine.sip.auth.DigestAlgorithm;
import org.edgeway.engine.sip.auth.DigestClient;
import org.edgeway.engine.sip.message.HeaderNames;
import org.edgeway.engine.sip.message.SipMessage;
import org.edgeway.engine.zones.SearchRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registrar over UDP with a client that answers the SHA-256 challenge (the one offered first): expiry limits
 * (423 with Min-Expires, maximum granted), several contacts, query, Contact: *, Path, and a call to a registered
 * contact through a LocalZone search rule; a change of the digest algorithms offered applies live.
 */
class RegistrarTest {

    private Engine engine;
    private int port;
    private SipClient client;
    private int cseq;
    private SipConfig config;
    private List<String> lastChallenges;

    @BeforeEach
    void start() throws Exception {
        port = SipTestSupport.freePort();
        config = SipTestSupport.config(port).withSearchRules(List.of(SipTestSupport.rule(1,
                "local", 50, SearchRule.PatternType.SUFFIX, "@example.com", SearchRule.PatternBehavior.LEAVE, null,
                SearchRule.LOCAL_ZONE)));
        engine = SipTestSupport.start(config);
        client = SipClient.udp(port);
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    /** REGISTER alice with extra header lines; answers the 401 with SHA-256 digest. */
    private SipMessage register(String extra) throws Exception {
        return register(DigestAlgorithm.SHA_256, extra);
    }

    /** REGISTER alice; the 401's first challenge must be {@code algorithm}, answered with it. */
    private SipMessage register(DigestAlgorithm algorithm, String extra) throws Exception {
        String base = "REGISTER sip:example.com SIP/2.0\nVia: SIP/2.0/UDP 127.0.0.1:PORT;branch=z9hG4bK-reg" + (++cseq)
                + ";rport\nFrom: <sip:alice@example.com>;tag=a1\nTo: <sip:alice@example.com>\nCall-ID: reg-1\n"
                + "CSeq: " + cseq + " REGISTER\nMax-Forwards: 70\n" + extra;
        client.sendText(base + "Content-Length: 0\n\n");
        SipMessage challenge = client.finalResponse();
        assertEquals(401, challenge.status());
        lastChallenges = challenge.headers(HeaderNames.WWW_AUTHENTICATE);
        String first = lastChallenges.get(0);
        assertTrue(first.contains("algorithm=" + algorithm.token() + ","), first);
        String auth = DigestClient.authorization(algorithm,
                SipTestSupport.USER, SipTestSupport.PASSWORD, "TANDBERG",
                DigestClient.nonce(first), "REGISTER", "sip:example.com");
        String again = base.replace("branch=z9hG4bK-reg" + cseq, "branch=z9hG4bK-reg" + cseq + "b")
                .replace("CSeq: " + cseq, "CSeq: " + (++cseq));
        client.sendText(again + "Authorization: " + auth + "\nContent-Length: 0\n\n");
        return client.finalResponse();
    }

    private List<RegistrationView> registrations() {
        return engine.snapshot().service(SipService.KEY).registrations();
    }

    @Test
    void tooBriefIsRefusedWithMinExpiresAndTooLongIsLowered() throws Exception {
        SipMessage brief = register("Contact: <sip:alice@127.0.0.1:PORT>\nExpires: 10\n");
        assertEquals(423, brief.status());
        assertEquals("30", brief.header(HeaderNames.MIN_EXPIRES));
        SipMessage ok = register("Contact: <sip:alice@127.0.0.1:PORT>;expires=999999\n");
        assertEquals(200, ok.status());
        assertEquals("3600", ok.nameAddrs(HeaderNames.CONTACT).get(0).params().get("expires"));
        assertTrue(ok.header(HeaderNames.DATE).endsWith("GMT"));
    }

    @Test
    void severalContactsQueryAndWildcardRemoval() throws Exception {
        assertEquals(200, register("Contact: <sip:alice@127.0.0.1:PORT;line=1>, <sip:alice@127.0.0.1:PORT;line=2>\n"
                + "Expires: 120\nPath: <sip:edge.example.net;lr>\n").status());
        List<RegistrationView> rows = registrations();
        assertEquals(2, rows.size());
        assertEquals("sip:alice@example.com", rows.get(0).addressOfRecord());
        assertEquals("UDP", rows.get(0).transport());
        assertEquals("DefaultZone", rows.get(0).zone());
        SipMessage query = register("");
        assertEquals(200, query.status());
        assertEquals(2, query.nameAddrs(HeaderNames.CONTACT).size(), "a REGISTER without Contact lists bindings");
        assertEquals(200, register("Contact: <sip:alice@127.0.0.1:PORT;line=1>;expires=0\n").status());
        assertEquals(1, registrations().size());
        SipMessage bad = register("Contact: *\nExpires: 5\n");
        assertEquals(400, bad.status(), "Contact: * needs Expires: 0");
        SipMessage all = register("Contact: *\nExpires: 0\n");
        assertEquals(200, all.status());
        assertTrue(all.headers(HeaderNames.CONTACT).isEmpty());
        assertTrue(registrations().isEmpty());
    }

    @Test
    void pathIsEchoedAndAddedAsRouteTowardsTheContact() throws Exception {
        SipMessage ok = register("Contact: <sip:alice@127.0.0.1:PORT>\nExpires: 120\n"
                + "Path: <sip:127.0.0.1:PORT;lr>\n");
        assertEquals(List.of("<sip:127.0.0.1:" + client.localPort() + ";lr>"), ok.headers(HeaderNames.PATH));
        try (SipClient caller = SipClient.udp(port)) {
            caller.sendText("""
                    MESSAGE sip:alice@example.com SIP/2.0
                    Via: SIP/2.0/UDP 127.0.0.1:PORT;branch=z9hG4bK-msg1;rport
                    From: <sip:bob@example.com>;tag=b1
                    To: <sip:alice@example.com>
                    Call-ID: msg-1
                    CSeq: 1 MESSAGE
                    Max-Forwards: 70
                    Content-Length: 0

                    """);
            SipMessage delivered = client.receive();
            assertEquals("MESSAGE", delivered.method());
            assertEquals("sip:alice@127.0.0.1:" + client.localPort(), delivered.requestUri().text());
            assertEquals("<sip:127.0.0.1:" + client.localPort() + ";lr>", delivered.header(HeaderNames.ROUTE));
            assertEquals(69, delivered.maxForwards());
            assertEquals(2, delivered.vias().size());
        }
    }

    @Test
    void digestAlgorithmsChangeLiveWithoutDroppingRegistrations() throws Exception {
        assertEquals(200, register("Contact: <sip:alice@127.0.0.1:PORT>\nExpires: 120\n").status());
        assertEquals(2, lastChallenges.size(), lastChallenges.toString());

        engine.apply(SipTestSupport.engineConfig(config.withDigestAlgorithms(List.of(DigestAlgorithm.MD5))));
        assertEquals(1, registrations().size(), "the listeners were restarted");
        SipMessage ok = register(DigestAlgorithm.MD5, "Contact: <sip:alice@127.0.0.1:PORT>\nExpires: 120\n");
        assertEquals(200, ok.status());
        assertEquals(1, lastChallenges.size(), lastChallenges.toString());
    }
}
