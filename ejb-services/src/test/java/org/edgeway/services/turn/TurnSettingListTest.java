package org.edgeway.services.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.edgeway.engine.turn.TurnConfig;
import org.edgeway.persistence.turn.TurnSettings;
import org.edgeway.services.configlog.Changes;
import org.junit.jupiter.api.Test;

class TurnSettingListTest {

    private static TurnSettingsForm changedForm() {
        TurnSettingsForm f = new TurnSettingsForm();
        f.setEnabled(true);
        f.setRequestsPort(3500);
        f.setProtocolMode(TurnConfig.ProtocolMode.TCP);
        f.setRealm("example.com");
        f.setPeerAllow("10.0.0.0/8\n192.0.2.0/24");
        f.setTlsPort(5350);
        return f;
    }

    @Test
    void aFormStoredAndReadBackIsTheSameForm() {
        TurnSettings stored = new TurnSettings();
        TurnSettingList.SETTINGS.toEntity(changedForm(), stored);
        assertEquals("TCP", stored.getProtocolMode());
        assertEquals("example.com", stored.getRealm());

        TurnSettingsForm read = TurnSettingList.SETTINGS.toForm(stored, new TurnSettingsForm());
        TurnSettingsForm expected = changedForm();
        assertEquals(expected.isEnabled(), read.isEnabled());
        assertEquals(expected.getRequestsPort(), read.getRequestsPort());
        assertEquals(expected.getProtocolMode(), read.getProtocolMode());
        assertEquals(expected.getRealm(), read.getRealm());
        assertEquals(expected.getPeerAllow(), read.getPeerAllow());
        assertEquals(expected.getTlsPort(), read.getTlsPort());
        assertEquals(expected.getMediaPortRangeStart(), read.getMediaPortRangeStart(), "untouched fields too");
    }

    @Test
    void theLogListsExactlyTheChangedSettingsAsThePageShowsThem() {
        TurnSettings stored = new TurnSettings();
        TurnSettingList.SETTINGS.toEntity(new TurnSettingsForm(), stored);
        List<Changes.Change> changes = TurnSettingList.SETTINGS.compare(new Changes("P"), stored, changedForm())
                .list();
        assertEquals(List.of(
                new Changes.Change("P: TURN services", "Off", "On"),
                new Changes.Change("P: TURN requests port", "3478", "3500"),
                new Changes.Change("P: Protocol mode", "UDP_AND_TCP", "TCP"),
                new Changes.Change("P: Authentication realm", "TANDBERG", "example.com"),
                new Changes.Change("P: Peer allow list", null, "10.0.0.0/8\n192.0.2.0/24"),
                new Changes.Change("P: TURN TLS port", "5349", "5350")), changes);
        assertTrue(TurnSettingList.SETTINGS.compare(new Changes("P"), stored, new TurnSettingsForm()).isEmpty());
    }

    @Test
    void theEngineGetsEveryStoredSetting() {
        TurnSettings stored = new TurnSettings();
        TurnSettingList.SETTINGS.toEntity(changedForm(), stored);
        TurnConfig config = TurnSettingList.SETTINGS.toEngine(stored, TurnConfig.builder()).build();
        assertEquals(TurnConfig.builder().enabled(true).requestsPort(3500).protocolMode(TurnConfig.ProtocolMode.TCP)
                .realm("example.com").peerAllow(List.of("10.0.0.0/8", "192.0.2.0/24")).tlsPort(5350).build(), config);
    }

    @Test
    void aNewFormIsTheEnginesDefaults() {
        TurnSettings stored = new TurnSettings();
        TurnSettingList.SETTINGS.toEntity(new TurnSettingsForm(), stored);
        assertEquals(TurnConfig.defaults(), TurnSettingList.SETTINGS.toEngine(stored, TurnConfig.builder()).build());
    }
}
