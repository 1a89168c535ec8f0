package org.edgeway.it.security;

import static org.edgeway.it.security.ServedCertificates.openAlarms;
import static org.edgeway.it.security.ServedCertificates.parse;
import static org.edgeway.it.security.ServedCertificates.served;
import static org.edgeway.it.security.ServedCertificates.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.edgeway.it.ApiClient;
import org.edgeway.it.Browser;
import org.edgeway.it.Console;
import org.edgeway.it.ServerNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Maintenance &gt; Security &gt; HSM configuration on a real node with a real PKCS#11 token: SoftHSM2 (Debian
 * {@code softhsm2}) initialised by the test in its own directory. The nShield settings and modules with their format
 * checks and the last-device rule (API and page); then PKCS#11 mode through the API: the CSR's key generated and the
 * CSR signed inside the token (openssl verifies it, pkcs11-tool shows a sensitive, never-extractable key), the
 * certificate an openssl CA signed uploaded, and after the restart the HTTPS listener completing handshakes with the
 * token's key (a client trusting only the CA); a wrong PIN raises the alarms and the page says why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HsmIT {

    static final String PASSWORD = "Edgeway-hsm-2026";
    static final String HSM = "/maintenance/security/hsm";
    static final String CERTIFICATE = "/maintenance/server-certificate";
    static final String LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";
    static final String PIN = "481516";
    static final String WRONG_PIN = "234234";
    static final String ESN_1 = "A285-4F5E-B0CD";
    static final String ESN_2 = "B117-0C2A-99EF";
    static final String KNETI = "0123456789abcdef0123456789abcdef01234567";

    Path work;
    Path softHsmConf;
    long slot;
    ServerNode node;
    ApiClient admin;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        work = dir;
        Path tokens = Files.createDirectories(work.resolve("tokens"));
        softHsmConf = Files.writeString(work.resolve("softhsm2.conf"),
                "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        String init = run(List.of("softhsm2-util", "--init-token", "--free", "--label", "edgeway-it", "--pin", PIN,
                "--so-pin", "97531246"));
        Matcher m = Pattern.compile("reassigned to slot (\\d+)").matcher(init);
        assertTrue(m.find(), init);
        slot = Long.parseLong(m.group(1));
        node = new ServerNode("hsm", 30, "--role", "C").environment("SOFTHSM2_CONF", softHsmConf.toString())
                .fresh().start();
        try (Browser browser = new Browser()) {
            Console.firstLogin(browser, node, PASSWORD);
        }
        admin = ApiClient.as(node, "admin", PASSWORD);
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    @Order(1)
    void nShieldSettingsAndModulesAreCheckedAndTheLastDeviceStays() throws Exception {
        JsonNode page = admin.get(HSM).expect(200).json();
        assertEquals("OFF", page.path("mode").asText());
        assertEquals(9004, page.path("rfsPort").asInt());
        assertFalse(page.path("pinSet").asBoolean());
        assertTrue(page.path("status").isNull(), "no status check while HSM Mode is Off");

        admin.put(HSM, "{\"rfsAddress\":\"rfs.example.com\",\"rfsPort\":70000}").assertError(400, "rfsAddress",
                "rfsPort");
        admin.post(HSM + "/modules", "{\"address\":\"192.0.2.300\",\"port\":0,\"esn\":\"a285-4f5e\","
                + "\"kneti\":\"xyz\"}").assertError(400, "address", "port", "esn", "kneti");
        admin.put(HSM, "{\"mode\":\"NSHIELD\"}").assertError(400, "mode");
        assertEquals(0, admin.get(HSM + "/modules").json().size(), "nothing saved by refused requests");

        admin.put(HSM, "{\"rfsAddress\":\"192.0.2.10\"}").expect(200);
        JsonNode first = admin.post(HSM + "/modules", module("192.0.2.20", ESN_1)).expect(201).json();
        assertEquals(ESN_1, first.path("esn").asText());
        admin.post(HSM + "/modules", module("192.0.2.21", ESN_1)).assertError(400, "esn");
        JsonNode second = admin.post(HSM + "/modules", module("192.0.2.21", ESN_2)).expect(201).json();

        JsonNode on = admin.put(HSM, "{\"mode\":\"NSHIELD\"}").expect(200).json();
        assertEquals("NSHIELD", on.path("mode").asText());
        assertFalse(on.path("status").path("serverRunning").asBoolean());
        assertTrue(on.path("status").path("serverDetail").asText().contains("not connected"), on.toString());
        assertEquals(2, on.path("status").path("modules").size());
        assertEquals("Failed", on.path("status").path("modules").get(0).path("connectionStatus").asText());
        assertEquals(1, openAlarms(admin, "hsm.server"));
        assertEquals(1, openAlarms(admin, "hsm.module"));

        admin.delete(HSM + "/modules/" + first.path("id").asLong()).expect(204);
        JsonNode last = admin.delete(HSM + "/modules/" + second.path("id").asLong()).assertError(400, "modules");
        assertTrue(last.path("fields").path("modules").asText().contains("You cannot remove the last device while HSM"
                + " mode is enabled"), last.toString());
        assertEquals(1, admin.get(HSM + "/modules").json().size());

        admin.put(HSM, "{\"mode\":\"OFF\"}").expect(200);
        assertEquals(0, openAlarms(admin, "hsm.server"), "Off lowers the status alarms");
        admin.delete(HSM + "/modules/" + second.path("id").asLong()).expect(204);
    }

    @Test
    @Order(2)
    void thePageChecksModulesAndRefusesToRemoveTheLastDevice() throws Exception {
        try (Browser browser = new Browser()) {
            Console.login(browser, node, "admin", PASSWORD);
            browser.waitForUrlContaining("/status/overview");
            browser.open(node.baseUrl() + "/maintenance/security/hsm-configuration");
            assertEquals("9004", browser.value("hsmForm:rfsPort"));
            browser.type("moduleForm:address", "192.0.2.30");
            browser.type("moduleForm:esn", "A2854F5EB0CD");
            browser.type("moduleForm:kneti", "0123");
            browser.click("moduleForm:addModule");
            browser.waitForText("moduleForm:esnMessage", "electronic serial number");
            browser.waitForText("moduleForm:kneti" + "Message", "40 lower-case hex digits");
            assertEquals(0, admin.get(HSM + "/modules").json().size());

            browser.type("moduleForm:esn", ESN_1);
            browser.type("moduleForm:kneti", KNETI);
            browser.click("moduleForm:addModule");
            browser.waitForText("banner", "An HSM Module successfully added");
            browser.waitForText("modulesForm:modules", ESN_1);

            browser.type("hsmForm:rfsAddress", "192.0.2.11");
            browser.click("hsmForm:save");
            browser.waitForText("banner", "An HSM Settings updated");
            Console.select(browser, "hsmForm:mode", "nShield");
            browser.click("hsmForm:setMode");
            browser.waitForText("banner", "An HSM Mode successfully updated");
            browser.waitForText("serverRunning", "FALSE");
            assertTrue(browser.text("serverDetail").contains("not connected"), browser.text("serverDetail"));
            browser.waitForText("certificateInUse", "FALSE");

            browser.click("modulesForm:selectAll");
            browser.waitForText("modulesForm:modules", ESN_1);
            browser.click("modulesForm:delete");
            browser.click("modulesForm:confirmOk");
            browser.waitForText("modulesForm:modulesMessage", "You cannot remove the last device while HSM mode is"
                    + " enabled");
            assertEquals(1, admin.get(HSM + "/modules").json().size());
            browser.screenshot("hsm-configuration-nshield");

            Console.select(browser, "hsmForm:mode", "Off");
            browser.click("hsmForm:setMode");
            browser.waitForText("banner", "An HSM Mode successfully updated");
            browser.open(node.baseUrl() + "/maintenance/security/hsm-configuration");
            browser.find("modulesForm:modules_data").findElements(By.cssSelector("tr")).get(0)
                    .findElement(By.cssSelector(".ui-chkbox-box")).click();
            browser.click("modulesForm:delete");
            browser.click("modulesForm:confirmOk");
            browser.waitForText("banner", "1 module(s) deleted");
            assertEquals(0, admin.get(HSM + "/modules").json().size());
        }
    }

    @Test
    @Order(3)
    void pkcs11SettingsAreCheckedThePinIsWriteOnlyAndAWrongPinRaisesTheAlarm() throws Exception {
        admin.put(HSM, "{\"library\":\"libsofthsm2.so\",\"slot\":-1}").assertError(400, "library", "slot", "pin");
        admin.put(HSM, "{\"mode\":\"PKCS11\"}").assertError(400, "mode");

        JsonNode saved = admin.put(HSM, "{\"library\":\"" + LIBRARY + "\",\"slot\":" + slot + ",\"pin\":\""
                + WRONG_PIN + "\"}").expect(200).json();
        assertTrue(saved.path("pinSet").asBoolean());
        assertTrue(saved.path("pin").isMissingNode(), "the PIN is never returned: " + saved);
        assertFalse(admin.get(HSM).body().contains(WRONG_PIN));
        assertEquals(slot, saved.path("slot").asLong());

        JsonNode wrong = admin.put(HSM, "{\"mode\":\"PKCS11\"}").expect(200).json();
        assertFalse(wrong.path("status").path("serverRunning").asBoolean(), wrong.toString());
        assertTrue(wrong.path("status").path("serverDetail").asText().contains("CKR_PIN_INCORRECT"), wrong.toString());
        assertEquals(1, openAlarms(admin, "hsm.server"));
        admin.post(CERTIFICATE + "/csr", csrRequest()).assertError(400, "commonName");

        JsonNode right = admin.put(HSM, "{\"pin\":\"" + PIN + "\"}").expect(200).json();
        assertTrue(right.path("status").path("serverRunning").asBoolean(), right.toString());
        assertFalse(right.path("status").path("certificateInUse").asBoolean());
        assertTrue(right.path("status").path("certificateDetail").asText().contains("no server certificate"),
                right.toString());
        assertEquals(0, openAlarms(admin, "hsm.server"));
        assertEquals(1, openAlarms(admin, "hsm.certificate"), "HSM certificate is not used");
    }

    @Test
    @Order(4)
    void theCsrKeyIsGeneratedAndTheCsrSignedInsideTheToken() throws Exception {
        String pem = admin.post(CERTIFICATE + "/csr", csrRequest()).expect(201).json().path("pem").asText();
        Path csr = write("request.csr", pem);
        String text = run(List.of("openssl", "req", "-in", csr.toString(), "-noout", "-verify", "-text"));
        assertTrue(text.contains("verify OK"), text);
        assertTrue(text.contains("DNS:hsm.example.com, DNS:chat.example.com"), text);
        assertTrue(text.contains("Public-Key: (2048 bit)"), text);

        String key = privateKeyObject("edgeway-request");
        assertTrue(key.contains("sensitive") && key.contains("never extractable"), key);
        assertFalse(Files.exists(node.dataDir().resolve("tls/csr.key")), "no key file: the key is in the token");
        BigInteger csrModulus = new BigInteger(run(List.of("openssl", "req", "-in", csr.toString(), "-noout",
                "-modulus")).strip().replace("Modulus=", ""), 16);
        assertEquals(csrModulus, ((RSAPublicKey) tokenCertificate("edgeway-request").getPublicKey()).getModulus(),
                "the token's key is the CSR's");
    }

    @Test
    @Order(5)
    void afterTheRestartHttpsIsServedWithTheTokensKey() throws Exception {
        String pem = admin.send("GET", CERTIFICATE + "/csr", null, null).expect(200).body();
        Path csr = write("request.csr", pem);
        Path ca = Files.createDirectories(work.resolve("ca"));
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", ca.resolve("ca.key")
                .toString(), "-out", ca.resolve("ca.pem").toString(), "-days", "30", "-subj", "/CN=Edgeway HSM Test CA"));
        Path ext = write("ext.cnf", "extendedKeyUsage=serverAuth,clientAuth\n"
                + "keyUsage=critical,digitalSignature,keyEncipherment\nsubjectAltName=DNS:hsm.example.com,"
                + "DNS:localhost,IP:127.0.0.1\n");
        Path signed = work.resolve("signed.pem");
        run(List.of("openssl", "x509", "-req", "-in", csr.toString(), "-CA", ca.resolve("ca.pem").toString(),
                "-CAkey", ca.resolve("ca.key").toString(), "-CAcreateserial", "-days", "30", "-extfile",
                ext.toString(), "-out", signed.toString()));
        X509Certificate leaf = parse(Files.readString(signed));
        X509Certificate caCertificate = parse(Files.readString(ca.resolve("ca.pem")));

        JsonNode uploaded = admin.send("POST", CERTIFICATE, "application/x-pem-file", Files.readString(signed))
                .expect(200).json();
        assertEquals(sha256(leaf), uploaded.path("sha256Fingerprint").asText());
        assertEquals(sha256(leaf), admin.get(CERTIFICATE).json().path("waitingForRestart").path("sha256Fingerprint")
                .asText());
        assertEquals(1, openAlarms(admin, "restart.serverCertificate"));
        assertNotEquals(sha256(leaf), sha256(served(node)), "not before the restart");

        node.trust(caCertificate);
        node.restart();
        admin = ApiClient.as(node, "admin", PASSWORD);
        assertEquals(sha256(leaf), sha256(served(node)), "HTTPS presents the signed certificate");
        // a client that trusts only the CA completes the handshake: the server proved it holds the key
        HttpResponse<Void> login = onlyTrusting(caCertificate).send(HttpRequest.newBuilder(
                URI.create(node.httpsUrl() + "/login")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(200, login.statusCode());

        JsonNode status = admin.get(HSM).expect(200).json().path("status");
        assertTrue(status.path("serverRunning").asBoolean(), status.toString());
        assertTrue(status.path("certificateInUse").asBoolean(), status.toString());
        assertEquals(0, openAlarms(admin, "hsm.certificate"));
        assertEquals(0, openAlarms(admin, "restart.serverCertificate"));
        JsonNode certificatePage = admin.get(CERTIFICATE).json();
        assertEquals(sha256(leaf), certificatePage.path("inUse").path("sha256Fingerprint").asText());
        assertTrue(certificatePage.path("waitingForRestart").isNull());

        // the key never left the token: it is there, unextractable, and the node's key store file holds another key
        String key = privateKeyObject("edgeway-server");
        assertTrue(key.contains("sensitive") && key.contains("never extractable"), key);
        assertEquals(((RSAPublicKey) leaf.getPublicKey()).getModulus(),
                ((RSAPublicKey) tokenCertificate("edgeway-server").getPublicKey()).getModulus());
        assertNotEquals(((RSAPublicKey) leaf.getPublicKey()).getModulus(), keyStoreFileModulus());
    }

    @Test
    @Order(6)
    void aWrongPinOrAMissingLibraryRaisesTheAlarmsAndThePageSaysWhy() throws Exception {
        JsonNode wrong = admin.put(HSM, "{\"pin\":\"" + WRONG_PIN + "\"}").expect(200).json();
        assertFalse(wrong.path("status").path("serverRunning").asBoolean(), wrong.toString());
        assertEquals(1, openAlarms(admin, "hsm.server"));
        try (Browser browser = new Browser()) {
            Console.login(browser, node, "admin", PASSWORD);
            browser.waitForUrlContaining("/status/overview");
            browser.open(node.baseUrl() + "/maintenance/security/hsm-configuration");
            browser.waitForText("serverRunning", "FALSE");
            assertTrue(browser.text("serverDetail").contains("CKR_PIN_INCORRECT"), browser.text("serverDetail"));
            browser.screenshot("hsm-configuration-wrong-pin");
        }
        JsonNode missing = admin.put(HSM, "{\"pin\":\"" + PIN + "\",\"library\":\"" + work.resolve("gone/libsofthsm2.so")
                + "\"}").expect(200).json();
        assertFalse(missing.path("status").path("serverRunning").asBoolean(), missing.toString());
        assertTrue(missing.path("status").path("serverDetail").asText().contains("library cannot be loaded"),
                missing.toString());
        assertEquals(1, openAlarms(admin, "hsm.server"));

        JsonNode right = admin.put(HSM, "{\"library\":\"" + LIBRARY + "\"}").expect(200).json();
        assertTrue(right.path("status").path("serverRunning").asBoolean(), right.toString());
        assertTrue(right.path("status").path("certificateInUse").asBoolean(), right.toString());
        assertEquals(0, openAlarms(admin, "hsm.server"));
    }

    private static String module(String address, String esn) {
        return "{\"address\":\"" + address + "\",\"port\":9004,\"esn\":\"" + esn + "\",\"kneti\":\"" + KNETI + "\"}";
    }

    private static String csrRequest() {
        return "{\"commonName\":\"hsm.example.com\",\"includeFqdn\":false,\"chatNodeAliases\":\"chat.example.com\","
                + "\"keyLength\":2048,\"country\":\"GB\",\"organization\":\"Example Ltd\"}";
    }

    /** pkcs11-tool's listing of the private key object stored under an alias (SunPKCS11 uses the alias as CKA_ID). */
    private String privateKeyObject(String alias) throws Exception {
        String objects = run(List.of("pkcs11-tool", "--module", LIBRARY, "--slot", String.valueOf(slot), "--login",
                "--pin", PIN, "--list-objects", "--type", "privkey"));
        String id = HexFormat.of().formatHex(alias.getBytes(StandardCharsets.US_ASCII));
        for (String block : objects.split("(?=Private Key Object)")) {
            if (block.contains("ID:         " + id)) {
                return block;
            }
        }
        throw new AssertionError("no private key object " + alias + " in the token:\n" + objects);
    }

    private X509Certificate tokenCertificate(String alias) throws Exception {
        Path der = work.resolve(alias + ".der");
        Files.deleteIfExists(der);
        run(List.of("pkcs11-tool", "--module", LIBRARY, "--slot", String.valueOf(slot), "--read-object", "--type",
                "cert", "--label", alias, "--output-file", der.toString()));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(der)));
    }

    private BigInteger keyStoreFileModulus() throws Exception {
        Properties p = new Properties();
        try (var in = Files.newInputStream(node.dataDir().resolve("tls/https.properties"))) {
            p.load(in);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(node.dataDir().resolve("tls/https.p12"))) {
            store.load(in, p.getProperty("edgeway.tls.password").toCharArray());
        }
        String alias = store.aliases().nextElement();
        return ((RSAPublicKey) store.getCertificate(alias).getPublicKey()).getModulus();
    }

    private static HttpClient onlyTrusting(X509Certificate ca) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    }


    private Path write(String name, String content) throws Exception {
        return Files.writeString(work.resolve(name), content);
    }

    /** Runs a tool with this test's SoftHSM2 configuration; fails on a non-zero exit. */
    private String run(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        if (softHsmConf != null) {
            pb.environment().put("SOFTHSM2_CONF", softHsmConf.toString());
        }
        Process p = pb.start();
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
            assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + output);
            return output;
        } finally {
            p.destroyForcibly();
        }
    }



}
