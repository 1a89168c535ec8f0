package org.edgeway.it.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.edgeway.engine.TestPorts;
import org.edgeway.engine.sip.Sipp;
import org.edgeway.it.ApiClient;
import org.edgeway.it.Browser;
import org.edgeway.it.Console;
import org.edgeway.it.ServerNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The SIP edge of the deployed node, configured only through the REST API as an administrator would, against the
 * real SIPp over UDP: a device registers with digest at a domain whose registrations are On and shows on
 * Status &gt; Registrations until the administrator un-registers it; a wrong password gets 403; a call goes
 * through a search rule and a neighbor zone to a SIPp UAS and appears in the search history.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SipRegistrationIT {

    static final String PASSWORD = "Edgeway-sipreg-2026";
    static final String DEVICE_PASSWORD = "alice-Secret-1";

    ServerNode node;
    ApiClient api;
    int sipPort;
    Sipp sipp;

    @BeforeAll
    void start() throws Exception {
        Assumptions.assumeTrue(Sipp.installed(), "SIPp (sip-tester) is not installed");
        node = new ServerNode("sip-registration", 60, "--role", "E").fresh().start();
        try (Browser browser = new Browser()) {
            Console.firstLogin(browser, node, PASSWORD);
        }
        api = ApiClient.as(node, "admin", PASSWORD);
        sipPort = TestPorts.port();
        api.post("/configuration/authentication/local-database",
                "{\"name\":\"alice\",\"password\":" + ApiClient.quote(DEVICE_PASSWORD) + "}").expect(201);
        api.post("/configuration/domains", "{\"name\":\"example.com\",\"sipRegistrations\":true}").expect(201);
        // SIPp answers MD5 challenges only
        api.put("/configuration/sip", "{\"enabled\":true,\"udpEnabled\":true,\"udpPort\":" + sipPort
                + ",\"tcpPort\":" + TestPorts.port() + ",\"tlsPort\":" + TestPorts.port()
                + ",\"digestAlgorithms\":\"MD5\"}").expect(200);
        api.waitFor("/status/sip", s -> "Active".equals(s.path("state").asText())
                && s.path("listening").toString().contains(":" + sipPort));
    }

    @BeforeEach
    void sipp() {
        sipp = new Sipp();
    }

    @AfterEach
    void stopSipp() throws Exception {
        sipp.close();
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    void aDeviceRegistersWithDigestAndTheAdministratorUnregistersIt() throws Exception {
        Sipp.Run run = uac("register-only.xml", "alice", "-au", "alice", "-ap", DEVICE_PASSWORD);
        assertEquals(0, run.exitCode(30), run::output);

        JsonNode registrations = api.get("/status/registrations").json();
        JsonNode alice = find(registrations, "sip:alice@example.com");
        assertEquals("UDP", alice.path("transport").asText(), registrations.toString());
        assertTrue(alice.path("contact").asText().startsWith("sip:alice@127.0.0.1:"), alice.toString());
        assertTrue(alice.path("expiresInSeconds").asInt() > 0, alice.toString());

        assertEquals(204, api.post("/status/registrations/unregister",
                "{\"addressesOfRecord\":[\"sip:alice@example.com\"]}").status());
        assertTrue(aors(api.get("/status/registrations").json()).isEmpty());
    }

    @Test
    void aWrongDevicePasswordIsForbidden() throws Exception {
        Sipp.Run run = uac("register-forbidden.xml", "alice", "-au", "alice", "-ap", "not-the-password");
        assertEquals(0, run.exitCode(30), run::output);
        assertTrue(!aors(api.get("/status/registrations").json()).contains("sip:alice@example.com"));
    }

    @Test
    void aCallGoesThroughASearchRuleAndANeighborZoneToTheUas() throws Exception {
        int uasPort = TestPorts.port();
        api.post("/configuration/zones", "{\"name\":\"UasZone\",\"type\":\"NEIGHBOR\",\"transport\":\"UDP\",\"port\":"
                + uasPort + ",\"peers\":[\"127.0.0.1\"]}").expect(201);
        api.post("/configuration/dial-plan/search-rules", "{\"name\":\"to-uas\",\"priority\":10,"
                + "\"mode\":\"ALIAS_PATTERN_MATCH\",\"patternType\":\"PREFIX\",\"pattern\":\"bob\","
                + "\"behavior\":\"LEAVE\",\"onMatch\":\"STOP\",\"targetZone\":\"UasZone\"}").expect(201);
        api.waitFor("/status/sip", s -> s.path("searchRules").toString().contains("to-uas"));

        Sipp.Run uas = sipp.start("-sf", sipp.scenario("uas.xml", "HOP_COUNT", "15").toString(), "-i", "127.0.0.1",
                "-p", String.valueOf(uasPort), "-m", "1", "-timeout", "25s", "-timeout_error");
        Sipp.Run uac = uac("call.xml", "bob");
        assertEquals(0, uac.exitCode(30), uac::output);
        assertEquals(0, uas.exitCode(30), uas::output);

        JsonNode search = api.get("/status/search-history").json().get(0);
        assertEquals("INVITE", search.path("method").asText(), search.toString());
        assertEquals(200, search.path("status").asInt(), search.toString());
        assertTrue(search.path("result").asText().contains("UasZone"), search.toString());
    }

    private Sipp.Run uac(String scenario, String service, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("127.0.0.1:" + sipPort, "-sf",
                sipp.scenario(scenario).toString(), "-s", service, "-i", "127.0.0.1", "-p",
                String.valueOf(TestPorts.port()), "-m", "1", "-timeout", "20s", "-timeout_error"));
        args.addAll(List.of(extra));
        return sipp.start(args.toArray(String[]::new));
    }

    private static List<String> aors(JsonNode registrations) {
        List<String> aors = new ArrayList<>();
        registrations.forEach(r -> aors.add(r.path("addressOfRecord").asText()));
        return aors;
    }

    private static JsonNode find(JsonNode registrations, String aor) {
        for (JsonNode r : registrations) {
            if (aor.equals(r.path("addressOfRecord").asText())) {
                return r;
            }
        }
        throw new AssertionError(aor + " not registered: " + registrations);
    }
}
