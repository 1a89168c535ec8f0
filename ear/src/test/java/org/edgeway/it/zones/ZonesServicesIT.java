package org.edgeway.it.zones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import javax.sql.DataSource;
import org.edgeway.engine.sip.SipConfig;
import org.edgeway.engine.sip.SipService;
import org.edgeway.engine.zones.ZoneConfig;
import org.edgeway.services.authentication.CredentialForm;
import org.edgeway.services.authentication.LocalDatabase;
import org.edgeway.services.certificates.TrustedCertificates;
import org.edgeway.services.engine.EngineLifecycle;
import org.edgeway.services.security.AccessLevel;
import org.edgeway.services.security.Caller;
import org.edgeway.services.zones.ZoneForm;
import org.edgeway.services.zones.ConfiguredZones;
import org.edgeway.services.zones.ZoneService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The zones and trusted CA services inside the provisioned WildFly with the real EAR: what a save hands the SIP
 * engine after commit (the zones with the client's password, the node's keystore and the trusted certificates),
 * the password encrypted in the database, and the zone names the search rules will offer.
 */
@ExtendWith(ArquillianExtension.class)
class ZonesServicesIT {

    static final String CLIENT_SECRET = "Svc-client-secret-55";

    @Deployment
    static EnterpriseArchive deployment() {
        // as ServicesIT: the product EAR without the console WAR, plus this test
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File("target/edgeway.ear"));
        ear.delete("/web-admin.war");
        ear.setApplicationXML(new StringAsset("""
                <application xmlns="https://jakarta.ee/xml/ns/jakartaee" version="10">
                  <display-name>edgeway-zones-services-it</display-name>
                  <module><ejb>ejb-services.jar</ejb></module>
                  <library-directory>lib</library-directory>
                </application>"""));
        ear.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "zones-services-it.jar")
                .addClasses(ZonesServicesIT.class, TestCertificates.class));
        return ear;
    }

    @Inject
    Caller caller;
    @Inject
    ZoneService zones;
    @Inject
    ConfiguredZones zoneNames;
    @Inject
    TrustedCertificates trusted;
    @Inject
    LocalDatabase localDatabase;
    @Inject
    EngineLifecycle engine;
    @Resource(lookup = "java:jboss/datasources/EdgewayDS")
    DataSource dataSource;
    @Inject
    RequestContextController requestContext;

    @BeforeEach
    void beginRequest() {
        requestContext.activate();
        caller.identify("admin", AccessLevel.READ_WRITE, "api");
    }

    @AfterEach
    void endRequest() {
        requestContext.deactivate();
    }

    @Test
    void savedZonesReachTheSipEngineWithTheClientsPassword() throws Exception {
        CredentialForm credential = new CredentialForm();
        credential.setName("svc-traversal");
        credential.setPassword("Svc-local-42");
        localDatabase.save(credential);

        ZoneForm server = zones.newForm();
        server.setName("svc-server");
        server.setType(ZoneConfig.ZoneType.TRAVERSAL_SERVER);
        server.setPort(null);
        server.setUsername("svc-traversal");
        int serverId = zones.save(server);

        ZoneForm client = zones.newForm();
        client.setName("svc-client");
        client.setType(ZoneConfig.ZoneType.TRAVERSAL_CLIENT);
        client.setUsername("svc-c");
        client.setPassword(CLIENT_SECRET);
        client.setPeers(List.of("e1.example.com", "e2.example.com"));
        int clientId = zones.save(client);

        List<ZoneConfig> running = engine.appliedConfig().service(SipService.KEY).zones();
        ZoneConfig s = running.stream().filter(z -> z.id() == serverId).findFirst().orElseThrow();
        ZoneConfig c = running.stream().filter(z -> z.id() == clientId).findFirst().orElseThrow();
        assertEquals(ZoneConfig.FIRST_TRAVERSAL_PORT, s.port());
        assertEquals("svc-traversal", s.username());
        assertEquals(List.of(), s.peers());
        assertEquals(CLIENT_SECRET, c.password(), "the engine gets the decrypted password");
        assertEquals(List.of("e1.example.com", "e2.example.com"), c.peers());
        assertEquals(ZoneConfig.DEFAULT_HOP_COUNT, c.hopCount());
        assertTrue(zoneNames.names().containsAll(List.of("svc-server", "svc-client")));

        try (Connection conn = dataSource.getConnection();
                PreparedStatement ps = conn.prepareStatement("select password_encrypted from zone where id = ?")) {
            ps.setInt(1, clientId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                String stored = rs.getString(1);
                assertTrue(stored.startsWith("v1:"), "stored encrypted");
                assertFalse(stored.contains(CLIENT_SECRET));
            }
        }

        zones.delete(List.of(serverId, clientId));
        assertTrue(engine.appliedConfig().service(SipService.KEY).zones().stream()
                .noneMatch(z -> z.id() == serverId || z.id() == clientId), "deleted zones leave the engine");
    }

    @Test
    void trustedCertificatesAndTheNodeKeystoreReachTheSipEngine() throws Exception {
        String pem = TestCertificates.pem(TestCertificates.create("svc-ca.example.com"));
        List<Long> ids = trusted.upload(pem);

        SipConfig sip = engine.appliedConfig().service(SipService.KEY);
        assertEquals(List.of(pem), sip.trustedCertificates().stream().filter(pem::equals).toList());
        assertTrue(sip.tlsKeyStore().endsWith("/tls/https.p12"), sip.tlsKeyStore());
        assertTrue(new File(sip.tlsKeyStore()).isFile(), "the node's keystore exists: " + sip.tlsKeyStore());

        trusted.delete(ids);
        assertFalse(engine.appliedConfig().service(SipService.KEY).trustedCertificates().contains(pem));
    }
}
