package org.edgeway.services.zones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.edgeway.engine.zones.ZoneConfig;
import org.edgeway.engine.zones.ZoneConfig.ZoneType;
import org.edgeway.persistence.zones.Zone;
import org.edgeway.services.configlog.Changes;
import org.junit.jupiter.api.Test;

class ZoneSettingListTest {

    private static ZoneForm client() {
        ZoneForm f = new ZoneForm();
        f.setName("to-e");
        f.setType(ZoneType.TRAVERSAL_CLIENT);
        f.setPort(7003);
        f.setUsername("edgec");
        f.setPeer1("e1.example.com");
        f.setPeer3("192.0.2.3");
        f.setKeepAliveSeconds(20);
        return f;
    }

    @Test
    void peersKeepTheirPositionsAndTheEngineGetsTheFilledOnes() {
        Zone z = new Zone();
        ZoneSettingList.SETTINGS.toEntity(client(), z);
        assertEquals("e1.example.com\n\n192.0.2.3", z.getPeers());
        ZoneForm back = ZoneSettingList.SETTINGS.toForm(z, new ZoneForm());
        assertEquals("e1.example.com", back.getPeer1());
        assertNull(back.getPeer2());
        assertEquals("192.0.2.3", back.getPeer3());

        ZoneConfig engine = ZoneSettingList.SETTINGS.toEngine(z, new ZoneDraft()).build(4, "pw");
        assertEquals(4, engine.id());
        assertEquals(List.of("e1.example.com", "192.0.2.3"), engine.peers());
        assertEquals(ZoneType.TRAVERSAL_CLIENT, engine.type());
        assertEquals(7003, engine.port());
        assertEquals("pw", engine.password());
        assertEquals(Duration.ofSeconds(20), engine.keepAliveInterval());
    }

    @Test
    void clearingEveryPeerStoresNone() {
        Zone z = new Zone();
        ZoneSettingList.SETTINGS.toEntity(client(), z);
        ZoneForm f = client();
        f.setPeers(List.of());
        ZoneSettingList.SETTINGS.toEntity(f, z);
        assertNull(z.getPeers());
    }

    @Test
    void theLogShowsTheConsolesWordsForChangedSettings() {
        Zone z = new Zone();
        ZoneSettingList.SETTINGS.toEntity(client(), z);
        ZoneForm f = client();
        f.setType(ZoneType.UNIFIED_COMMUNICATIONS_TRAVERSAL);
        f.setPeer2("e2.example.com");
        List<Changes.Change> changes = ZoneSettingList.SETTINGS.compare(new Changes("P"), z, f).list();
        assertTrue(changes.contains(new Changes.Change("P: Type", "Traversal client",
                "Unified Communications traversal")), changes.toString());
        assertTrue(changes.contains(new Changes.Change("P: Peer 2 address", null, "e2.example.com")));
        assertTrue(changes.contains(new Changes.Change("P: Media encryption mode", "Auto", "Force encrypted")));
    }

    @Test
    void aNewZoneIsLoggedWithNothingBefore() {
        List<Changes.Change> changes = ZoneSettingList.SETTINGS.describe(new Changes("P"), client()).list();
        assertTrue(changes.contains(new Changes.Change("P: Hop count", null, "15")), changes.toString());
        assertTrue(changes.contains(new Changes.Change("P: Type", null, "Traversal client")));
        assertTrue(changes.stream().noneMatch(c -> c.setting().equals("P: Peer 2 address")), "empty peers are not logged");
    }

    @Test
    void theFormsDefaultsAreTheEngines() {
        ZoneForm f = new ZoneForm();
        assertEquals(ZoneConfig.DEFAULT_HOP_COUNT, f.getHopCount());
        assertEquals(30, f.getKeepAliveSeconds());
    }
}
