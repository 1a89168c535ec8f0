package org.edgeway.services.zones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgeway.engine.NodeRole;
import org.edgeway.engine.zones.ZoneConfig.MediaEncryption;
import org.edgeway.engine.zones.ZoneConfig.Transport;
import org.edgeway.engine.zones.ZoneConfig.ZoneType;
import org.edgeway.services.validation.InvalidSettingsException;
import org.junit.jupiter.api.Test;

class ZoneRulesTest {

    private static final Set<String> LOCAL = Set.of("exampleauth");

    private static ZoneForm form(ZoneType type, String name) {
        ZoneForm f = new ZoneForm();
        f.setType(type);
        f.setName(name);
        f.setPort(7001);
        return f;
    }

    private static Map<String, String> errors(ZoneForm f, NodeRole node, List<ZoneRules.Other> others) {
        return assertThrows(InvalidSettingsException.class,
                () -> ZoneRules.check(f, ZoneRole.of(f.getType(), node), others, LOCAL)).fieldErrors();
    }

    @Test
    void aUnifiedCommunicationsZoneIsAClientOnCAndAServerOnE() {
        assertEquals(ZoneRole.CLIENT, ZoneRole.of(ZoneType.UNIFIED_COMMUNICATIONS_TRAVERSAL, NodeRole.EXPRESSWAY_C));
        assertEquals(ZoneRole.SERVER, ZoneRole.of(ZoneType.UNIFIED_COMMUNICATIONS_TRAVERSAL, NodeRole.EXPRESSWAY_E));
    }

    @Test
    void choosingUnifiedCommunicationsSetsItsForcedValues() {
        ZoneForm f = new ZoneForm();
        f.setTransport(Transport.TCP);
        f.setType(ZoneType.UNIFIED_COMMUNICATIONS_TRAVERSAL);
        assertEquals(Transport.TLS, f.getTransport());
        assertEquals(true, f.isTlsVerify());
        assertEquals(MediaEncryption.FORCE_ENCRYPTED, f.getMediaEncryption());
    }

    @Test
    void eachRoleRequiresItsFields() {
        assertEquals(Set.of("peer1"), errors(form(ZoneType.NEIGHBOR, "n"), NodeRole.EXPRESSWAY_C, List.of()).keySet());
        assertEquals(Set.of("peer1", "username", "password"),
                errors(form(ZoneType.TRAVERSAL_CLIENT, "c"), NodeRole.EXPRESSWAY_C, List.of()).keySet());
        ZoneForm server = form(ZoneType.TRAVERSAL_SERVER, "s");
        server.setUsername("stranger");
        server.setTlsVerify(true);
        Map<String, String> e = errors(server, NodeRole.EXPRESSWAY_E, List.of());
        assertEquals(Set.of("username", "tlsVerifySubjectName"), e.keySet());
        assertEquals("must be the name of a credential in the local authentication database", e.get("username"));
    }

    @Test
    void aValidServerZonePasses() {
        ZoneForm server = form(ZoneType.TRAVERSAL_SERVER, "s");
        server.setUsername("exampleauth");
        ZoneRules.check(server, ZoneRole.SERVER, List.of(), LOCAL);
    }

    @Test
    void namesAndServerPortsAreUniqueAndOneUnifiedCommunicationsZonePerNode() {
        ZoneForm uc = form(ZoneType.UNIFIED_COMMUNICATIONS_TRAVERSAL, "Traversal");
        uc.setUsername("exampleauth");
        uc.setTlsVerifySubjectName("c.example.com");
        List<ZoneRules.Other> others = List.of(
                new ZoneRules.Other(1, "traversal", ZoneType.TRAVERSAL_SERVER, ZoneRole.SERVER, 7001),
                new ZoneRules.Other(2, "mra", ZoneType.UNIFIED_COMMUNICATIONS_TRAVERSAL, ZoneRole.SERVER, 7002));
        assertEquals(Set.of("name", "type", "port"), errors(uc, NodeRole.EXPRESSWAY_E, others).keySet());
        ZoneForm builtIn = form(ZoneType.NEIGHBOR, "DefaultZone");
        builtIn.setPeer1("192.0.2.1");
        assertEquals(Set.of("name"), errors(builtIn, NodeRole.EXPRESSWAY_E, List.of()).keySet());
    }

    @Test
    void forcedValuesCannotBeChangedAndTraversalNeverUsesUdp() {
        ZoneForm uc = form(ZoneType.UNIFIED_COMMUNICATIONS_TRAVERSAL, "mra");
        uc.setUsername("edgec");
        uc.setPassword("secret");
        uc.setPeer1("e.example.com");
        uc.setTransport(Transport.UDP);
        uc.setTlsVerify(false);
        uc.setMediaEncryption(MediaEncryption.AUTO);
        assertEquals(Set.of("transport", "tlsVerify", "mediaEncryption"),
                errors(uc, NodeRole.EXPRESSWAY_C, List.of()).keySet());
        ZoneForm client = form(ZoneType.TRAVERSAL_CLIENT, "c");
        client.setUsername("edgec");
        client.setPassword("secret");
        client.setPeer1("e.example.com");
        client.setTransport(Transport.UDP);
        assertEquals("must be TCP or TLS for a traversal zone",
                errors(client, NodeRole.EXPRESSWAY_C, List.of()).get("transport"));
    }
}
