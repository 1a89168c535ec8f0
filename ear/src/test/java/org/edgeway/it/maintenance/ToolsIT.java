package org.edgeway.it.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.edgeway.engine.TestPorts;
import org.edgeway.it.ApiClient;
import org.edgeway.it.Browser;
import org.edgeway.it.Console;
import org.edgeway.it.ServerNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maintenance &gt; Tools on a real Expressway-E. DNS lookup asks a real DNS server: dnsmasq on a loopback address of
 * its own (port 53, as the node always asks), set as System &gt; DNS server address 1, with the records an MRA
 * deployment publishes; through the API (parsed) and the page. Port usage lists what the node really listens on
 * and the peers its zones connect to.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ToolsIT {

    static final String PASSWORD = "Edgeway-dns-2026";
    static final String LOOKUP = "/maintenance/tools/dns-lookup";

    ServerNode node;
    ApiClient api;
    Process dnsmasq;
    String dnsAddress;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        // a loopback address no other test run uses: derived from a port this run holds
        int p = TestPorts.port();
        dnsAddress = "127.1." + (p >> 8) + "." + (p & 0xFF);
        dnsmasq = new ProcessBuilder("dnsmasq", "--keep-in-foreground", "--conf-file=/dev/null", "--no-resolv",
                "--no-hosts", "--bind-interfaces", "--listen-address=" + dnsAddress, "--port=53", "--pid-file=",
                "--user=root", "--local=/example.com/", "--host-record=expe.example.com,192.0.2.10",
                "--srv-host=_collab-edge._tls.example.com,expe.example.com,8443,10,60",
                "--srv-host=_turn._udp.example.com,expe.example.com,3478,10,10")
                .redirectErrorStream(true).redirectOutput(dir.resolve("dnsmasq.log").toFile()).start();
        awaitDnsmasq(dir);
        node = new ServerNode("tools", 40, "--role", "E").fresh().start();
        try (Browser browser = new Browser()) {
            Console.firstLogin(browser, node, PASSWORD);
        }
        api = ApiClient.as(node, "admin", PASSWORD);
        api.put("/system/dns", "{\"dnsServer1\":\"" + dnsAddress + "\"}").expect(200);
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.stop();
        }
        if (dnsmasq != null) {
            dnsmasq.destroy();
            if (!dnsmasq.waitFor(10, TimeUnit.SECONDS)) {
                dnsmasq.destroyForcibly();
            }
        }
    }

    @Test
    void anAddressFromTheNodesDnsServer() {
        JsonNode r = api.get(LOOKUP + "?name=expe.example.com").expect(200).json();
        assertEquals(dnsAddress + ":53", r.path("server").asText());
        assertEquals("NOERROR", r.path("queries").get(0).path("status").asText());
        assertEquals(1, r.path("records").size(), r.toString());
        assertEquals("192.0.2.10", r.path("records").get(0).path("data").asText());
        assertEquals("A", r.path("records").get(0).path("type").asText());
    }

    @Test
    void theServiceRecordsOfADomain() {
        JsonNode r = api.get(LOOKUP + "?name=example.com&type=SRV_SERVICES").expect(200).json();
        Map<String, String> status = new HashMap<>();
        r.path("queries").forEach(q -> status.put(q.path("name").asText(), q.path("status").asText()));
        assertEquals("NOERROR", status.get("_collab-edge._tls.example.com"));
        assertEquals("NOERROR", status.get("_turn._udp.example.com"));
        assertEquals("NXDOMAIN", status.get("_cisco-uds._tcp.example.com"));
        assertTrue(status.containsKey("_h323cs._tcp.example.com"), status::toString);
        Map<String, String> data = new HashMap<>();
        r.path("records").forEach(x -> data.put(x.path("name").asText(), x.path("data").asText()));
        assertEquals("10 60 8443 expe.example.com", data.get("_collab-edge._tls.example.com"));
        assertEquals("10 10 3478 expe.example.com", data.get("_turn._udp.example.com"));
    }

    @Test
    void aSilentServerIsReportedNotHung() throws Exception {
        int p = TestPorts.port();
        String silent = "127.2." + (p >> 8) + "." + (p & 0xFF);
        try (DatagramSocket bound = new DatagramSocket(new InetSocketAddress(silent, 53))) { // never answers
            JsonNode r = api.get(LOOKUP + "?name=expe.example.com&server=" + silent).expect(200).json();
            assertTrue(r.path("queries").get(0).path("status").asText().startsWith("no answer from " + silent),
                    r.toString());
            assertEquals(0, r.path("records").size());
        }
    }

    @Test
    void badInputNamesTheField() {
        api.get(LOOKUP + "?name=bad%20name").assertError(400, "name");
        api.get(LOOKUP + "?name=example.com&type=SOA2").assertError(400, "type");
        api.get(LOOKUP + "?name=example.com&server=999.1.1.1").assertError(400, "server");
    }

    @Test
    void thePageShowsTheAnswers() throws Exception {
        try (Browser browser = new Browser()) {
            Console.login(browser, node, "admin", PASSWORD);
            browser.waitForUrlContaining("/status/overview");
            browser.open(node.baseUrl() + "/maintenance/tools/dns-lookup");
            browser.type("dnsLookupForm:name", "example.com");
            Console.select(browser, "dnsLookupForm:type", "SRV of H.323, SIP, Unified Communications and TURN services");
            browser.click("dnsLookupForm:lookup");
            browser.waitForText("dnsLookupForm:records", "10 60 8443 expe.example.com");
            assertTrue(browser.text("dnsLookupForm:outcomes").contains("NXDOMAIN"));
            browser.type("dnsLookupForm:name", "not a name");
            browser.click("dnsLookupForm:lookup");
            browser.waitForText("dnsLookupForm:nameMessage", "must be a host or domain name");
        }
    }

    @Test
    void portUsageListsWhatTheNodeListensOnAndConnectsTo() throws Exception {
        int sip = TestPorts.port();
        int turn = TestPorts.port();
        int zone = TestPorts.port();
        api.post("/configuration/authentication/local-database", "{\"name\":\"trav\",\"password\":\"Trav-2026-x\"}")
                .expect(201);
        api.put("/configuration/sip", "{\"enabled\":true,\"udpEnabled\":true,\"udpPort\":" + sip + ",\"tcpPort\":"
                + TestPorts.port() + ",\"tlsPort\":" + TestPorts.port() + "}").expect(200);
        api.put("/configuration/traversal/turn", "{\"enabled\":true,\"requestsPort\":" + turn + ",\"realm\":\"TOOLS\"}")
                .expect(200);
        api.post("/configuration/zones", "{\"name\":\"edge\",\"type\":\"TRAVERSAL_SERVER\",\"username\":\"trav\","
                + "\"port\":" + zone + "}").expect(201);
        api.post("/configuration/zones", "{\"name\":\"cucm\",\"type\":\"NEIGHBOR\",\"transport\":\"TCP\","
                + "\"port\":5060,\"peers\":[\"192.0.2.20\"]}").expect(201);
        api.waitFor("/status/sip", s -> s.path("listening").toString().contains(":" + sip));
        api.waitFor("/status/turn", s -> "Active".equals(s.path("state").asText()));

        JsonNode p = api.get("/maintenance/tools/port-usage").expect(200).json();
        Map<String, String> inbound = new HashMap<>();
        p.path("inbound").forEach(r -> inbound.put(r.path("protocol").asText() + " " + r.path("ports").asText(),
                r.path("service").asText()));
        assertEquals("SIP", inbound.get("UDP " + sip), inbound::toString);
        assertEquals("TURN", inbound.get("UDP " + turn), inbound::toString);
        assertEquals("Traversal zone edge", inbound.get("TLS " + zone), inbound::toString);
        int https = java.net.URI.create(node.httpsUrl()).getPort();
        assertEquals("Administration (HTTPS)", inbound.get("TCP " + https), inbound::toString);
        assertTrue(inbound.containsValue("TURN relays (media)"), inbound::toString);
        JsonNode out = p.path("outbound");
        assertEquals(1, out.size(), out.toString());
        assertEquals("Neighbor zone cucm", out.get(0).path("service").asText());
        assertEquals("192.0.2.20", out.get(0).path("address").asText());
        assertEquals("TCP", out.get(0).path("protocol").asText());
        assertEquals("5060", out.get(0).path("ports").asText());
    }

    private void awaitDnsmasq(Path dir) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (DatagramSocket s = new DatagramSocket()) {
                s.setSoTimeout(200);
                // a minimal query for expe.example.com A: any answer means dnsmasq listens
                byte[] q = {0x12, 0x34, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 4, 'e', 'x', 'p', 'e', 7, 'e', 'x', 'a', 'm', 'p', 'l',
                    'e', 3, 'c', 'o', 'm', 0, 0, 1, 0, 1};
                s.send(new java.net.DatagramPacket(q, q.length, new InetSocketAddress(dnsAddress, 53)));
                s.receive(new java.net.DatagramPacket(new byte[512], 512));
                return;
            } catch (SocketTimeoutException e) {
                assertTrue(dnsmasq.isAlive(), () -> "dnsmasq exited: " + log(dir));
            }
        }
        throw new AssertionError("dnsmasq never answered: " + log(dir));
    }

    private static String log(Path dir) {
        try {
            return Files.readString(dir.resolve("dnsmasq.log"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
