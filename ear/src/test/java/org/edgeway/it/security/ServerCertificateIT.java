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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

/**
 * Maintenance &gt; Security &gt; Server certificate on a real Expressway-C: Generate CSR checked by openssl (signature,
 * subject, SANs, both authentication purposes), a certificate authority made with openssl signing it, the upload
 * refused without Client Authentication while a Unified Communications traversal zone exists and for a key that is
 * not the CSR's, accepted with it, and the node serving it over HTTPS after the restart the seed asks for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerCertificateIT {

    static final String PASSWORD = "Edgeway-cert-2026";
    static final String PAGE = "/maintenance/server-certificate";

    @TempDir
    Path work;
    ServerNode node;
    ApiClient admin;

    @BeforeAll
    void start() throws Exception {
        node = new ServerNode("server-certificate", 30, "--role", "C").fresh().start();
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
    void theCertificateInUseIsTheOneTheNodeServes() throws Exception {
        JsonNode page = admin.get(PAGE).expect(200).json();
        assertEquals(sha256(served(node)), page.path("inUse").path("sha256Fingerprint").asText());
        assertTrue(page.path("inUse").path("key").asText().startsWith("RSA"), page.toString());
        assertTrue(page.path("waitingForRestart").isNull());
        assertFalse(page.path("certificateSigningRequestPending").asBoolean());
        admin.get(PAGE + "/csr").assertError(404);
    }

    @Test
    @Order(2)
    void badCsrFieldsAreNamedAndNothingIsGenerated() {
        admin.post(PAGE + "/csr", "{\"commonName\":\"expc.example.com\",\"phoneSecurityProfileNames\":\"TLSProfile\","
                + "\"country\":\"Britain\",\"keyLength\":1024}")
                .assertError(400, "phoneSecurityProfileNames", "country", "keyLength");
        admin.post(PAGE + "/csr", "{\"commonName\":\"expc.example.com\",\"registrationsDomains\":\"collab-edge.example.com\"}")
                .assertError(400, "registrationsDomains");
        admin.post(PAGE + "/csr", "{\"commonName\":\"expc.example.com\",\"chatNodeAliasesFormat\":\"SRV_NAME2\"}")
                .assertError(400, "chatNodeAliasesFormat");
        assertFalse(admin.get(PAGE).json().path("certificateSigningRequestPending").asBoolean());
    }

    @Test
    @Order(3)
    void opensslVerifiesTheCsrWithItsNamesAndPurposes() throws Exception {
        String pem = generateCsr();
        Path csr = write("request.csr", pem);
        String text = openssl("req", "-in", csr.toString(), "-noout", "-verify", "-text");
        assertTrue(text.contains("verify OK") || text.contains("Certificate request self-signature verify OK"), text);
        assertTrue(text.matches("(?s).*Subject:.*CN\\s*=\\s*expc\\.example\\.com.*"), text);
        assertTrue(text.contains("DNS:expc.example.com, DNS:chatnode1.example.com, DNS:TLSProfile.example.com"), text);
        assertTrue(text.contains("TLS Web Server Authentication, TLS Web Client Authentication"), text);
        assertTrue(text.contains("Public-Key: (2048 bit)"), text);
        assertEquals(pem, admin.send("GET", PAGE + "/csr", null, null).expect(200).body());
        assertTrue(admin.get(PAGE).json().path("certificateSigningRequestPending").asBoolean());
    }

    @Test
    @Order(4)
    void theUploadIsCheckedThenInstalledByTheRestart() throws Exception {
        Path csr = write("request.csr", generateCsr());
        Path ca = certificateAuthority();
        // UC features on: a Unified Communications traversal zone (client on a C)
        admin.post("/configuration/zones", "{\"type\":\"UNIFIED_COMMUNICATIONS_TRAVERSAL\",\"name\":\"uc\","
                + "\"username\":\"exampleauth\",\"password\":\"Trav-secret-7731\",\"peers\":[\"expe.example.com\"]}")
                .expect(201);

        String serverOnly = sign(csr, ca, "serverAuth");
        JsonNode refused = upload(serverOnly).assertError(400, "pem");
        assertTrue(refused.path("fields").path("pem").asText().contains("Client Authentication"), refused.toString());

        String caItself = Files.readString(ca.resolve("ca.pem"));
        JsonNode foreign = upload(caItself).assertError(400, "pem");
        assertTrue(foreign.path("fields").path("pem").asText().contains("does not match"), foreign.toString());

        String signed = sign(csr, ca, "serverAuth,clientAuth");
        JsonNode waiting = upload(signed + caItself).expect(200).json();
        String fingerprint = sha256(parse(signed));
        assertEquals(fingerprint, waiting.path("sha256Fingerprint").asText());
        assertEquals(List.of("Server Authentication", "Client Authentication"),
                List.of(waiting.path("extendedKeyUsages").get(0).asText(), waiting.path("extendedKeyUsages").get(1).asText()));
        JsonNode page = admin.get(PAGE).json();
        assertEquals(fingerprint, page.path("waitingForRestart").path("sha256Fingerprint").asText());
        assertNotEquals(fingerprint, page.path("inUse").path("sha256Fingerprint").asText(), "not before the restart");
        assertFalse(page.path("certificateSigningRequestPending").asBoolean(), "the request is fulfilled");
        assertEquals(1, openAlarms(admin, "restart.serverCertificate"));
        assertNotEquals(fingerprint, sha256(served(node)));

        node.restart();
        admin = ApiClient.as(node, "admin", PASSWORD);
        assertEquals(fingerprint, sha256(served(node)), "HTTPS serves the uploaded certificate after the restart");
        page = admin.get(PAGE).expect(200).json();
        assertEquals(fingerprint, page.path("inUse").path("sha256Fingerprint").asText());
        assertTrue(page.path("waitingForRestart").isNull());
        assertEquals(0, openAlarms(admin, "restart.serverCertificate"));
    }

    @Test
    @Order(5)
    void theConsoleShowsTheNamesAsTheyWillAppearAndFieldErrorsNextToTheirField() throws Exception {
        try (Browser browser = new Browser()) {
            Console.login(browser, node, "admin", PASSWORD);
            browser.waitForUrlContaining("/status/overview");
            browser.open(node.baseUrl() + "/maintenance/security/generate-csr");
            browser.type("csrForm:commonName", "expc.example.com");
            browser.type("csrForm:chatNodeAliases", "chat9.example.com");
            browser.waitForText("csrForm:preview", "DNS:expc.example.com DNS:chat9.example.com");
            assertFalse(browser.exists("csrForm:registrationsDomains"), "an E-only field is not on a C");
            browser.type("csrForm:phoneSecurityProfileNames", "TLSProfile");
            browser.click("csrForm:generate");
            browser.waitForText("csrForm:phoneSecurityProfileNamesMessage", "must be an FQDN");
        }
    }

    private String generateCsr() {
        return admin.post(PAGE + "/csr", "{\"commonName\":\"expc.example.com\",\"includeFqdn\":false,"
                + "\"chatNodeAliases\":\"chatnode1.example.com\",\"phoneSecurityProfileNames\":\"TLSProfile.example.com\","
                + "\"keyLength\":2048,\"country\":\"GB\",\"organization\":\"Example Ltd\"}").expect(201).json()
                .path("pem").asText();
    }

    private ApiClient.Answer upload(String pem) {
        return admin.send("POST", PAGE, "application/x-pem-file", pem);
    }


    /** A CA as an administrator's lab makes one: a self-signed root from openssl. */
    private Path certificateAuthority() throws Exception {
        Path ca = Files.createDirectories(work.resolve("ca"));
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", ca.resolve("ca.key").toString(),
                "-out", ca.resolve("ca.pem").toString(), "-days", "30", "-subj", "/CN=Edgeway Test Root CA");
        return ca;
    }

    /** The CA signs the request with these extended key usages and the request's own SANs. */
    private String sign(Path csr, Path ca, String extendedKeyUsage) throws Exception {
        Path ext = write("ext-" + extendedKeyUsage.replace(',', '-') + ".cnf",
                "extendedKeyUsage=" + extendedKeyUsage + "\nkeyUsage=critical,digitalSignature,keyEncipherment\n"
                        + "subjectAltName=DNS:expc.example.com,DNS:localhost,IP:127.0.0.1\n");
        Path out = work.resolve("signed-" + extendedKeyUsage.replace(',', '-') + ".pem");
        openssl("x509", "-req", "-in", csr.toString(), "-CA", ca.resolve("ca.pem").toString(), "-CAkey",
                ca.resolve("ca.key").toString(), "-CAcreateserial", "-days", "30", "-extfile", ext.toString(),
                "-out", out.toString());
        return Files.readString(out);
    }

    private Path write(String name, String content) throws Exception {
        Path p = work.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private String openssl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "openssl did not finish");
            assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + output);
            return output;
        } finally {
            p.destroyForcibly();
        }
    }



}
