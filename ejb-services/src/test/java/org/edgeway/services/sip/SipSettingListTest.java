package org.edgeway.services.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.edgeway.engine.sip.SipConfig;
import org.edgeway.engine.sip.auth.DigestAlgorithm;
import org.edgeway.engine.zones.SearchRule;
import org.edgeway.persistence.sip.SipSettings;
import org.edgeway.services.configlog.Changes;
import org.junit.jupiter.api.Test;

class SipSettingListTest {

    private static SipSettingsForm changedForm() {
        SipSettingsForm f = new SipSettingsForm();
        f.setEnabled(true);
        f.setUdpEnabled(true);
        f.setUdpPort(5070);
        f.setTlsPort(5071);
        f.setRegistrationMaximum(3600);
        return f;
    }

    private static SipSettings stored(SipSettingsForm form) {
        SipSettings s = new SipSettings();
        SipSettingList.SETTINGS.toEntity(form, s);
        return s;
    }

    @Test
    void aNewFormIsTheEnginesDefaults() {
        SipConfig defaults = SipConfig.defaults();
        assertEquals(defaults, SipSettingList.SETTINGS.toEngine(stored(new SipSettingsForm()), new SipProtocolDraft())
                .applyTo(defaults.withProtocol(true, new SipConfig.Listener(true, 1), new SipConfig.Listener(false, 2),
                        new SipConfig.Listener(false, 3), Duration.ofSeconds(1), Duration.ofSeconds(2),
                        Duration.ofSeconds(3)).withDigestAlgorithms(List.of(DigestAlgorithm.MD5))));
    }

    @Test
    void eachDigestChoiceIsStoredByNameAndReachesTheEngineAsItsAlgorithms() {
        Map<DigestAlgorithmChoice, List<DigestAlgorithm>> expected = Map.of(
                DigestAlgorithmChoice.SHA_256_AND_MD5, List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5),
                DigestAlgorithmChoice.MD5, List.of(DigestAlgorithm.MD5),
                DigestAlgorithmChoice.SHA_256, List.of(DigestAlgorithm.SHA_256));
        assertEquals(DigestAlgorithmChoice.values().length, expected.size());
        expected.forEach((choice, algorithms) -> {
            SipSettingsForm form = new SipSettingsForm();
            form.setDigestAlgorithms(choice);
            SipSettings entity = stored(form);
            assertEquals(choice.name(), entity.getDigestAlgorithms());
            assertEquals(algorithms, SipSettingList.SETTINGS.toEngine(entity, new SipProtocolDraft())
                    .applyTo(SipConfig.defaults()).digestAlgorithms(), choice.name());
            assertEquals(choice, SipSettingList.SETTINGS.toForm(entity, new SipSettingsForm()).getDigestAlgorithms());
        });
    }

    @Test
    void theDigestChoiceIsLoggedByItsLabel() {
        SipSettingsForm md5 = new SipSettingsForm();
        md5.setDigestAlgorithms(DigestAlgorithmChoice.MD5);
        assertEquals(DigestAlgorithmChoice.SHA_256_AND_MD5, new SipSettingsForm().getDigestAlgorithms());
        assertEquals(List.of(new Changes.Change("P: Digest algorithms", "SHA-256 and MD5", "MD5 only")),
                SipSettingList.SETTINGS.compare(new Changes("P"), stored(new SipSettingsForm()), md5).list());
    }

    @Test
    void theEngineGetsEveryStoredSettingAndKeepsWhatOtherFeaturesContributed() {
        SearchRule rule = new SearchRule(1, "r", 100, null, false, SearchRule.Mode.ANY_ALIAS,
                SearchRule.PatternType.EXACT, null, SearchRule.PatternBehavior.LEAVE, null, SearchRule.OnMatch.STOP,
                SearchRule.LOCAL_ZONE, true);
        SipConfig before = SipConfig.defaults().withCredentials("REALM", Map.of("alice", "secret"))
                .withSearchRules(List.of(rule));
        SipConfig after = SipSettingList.SETTINGS.toEngine(stored(changedForm()), new SipProtocolDraft())
                .applyTo(before);
        assertTrue(after.enabled());
        assertEquals(new SipConfig.Listener(true, 5070), after.udp());
        assertEquals(new SipConfig.Listener(true, 5060), after.tcp());
        assertEquals(new SipConfig.Listener(true, 5071), after.tls());
        assertEquals(Duration.ofSeconds(3600), after.registrationMaximum());
        assertEquals(Duration.ofSeconds(45), after.registrationMinimum());
        assertEquals("REALM", after.realm());
        assertEquals(Map.of("alice", "secret"), after.credentials());
        assertEquals(List.of(rule), after.searchRules());
    }

    @Test
    void theLogListsExactlyTheChangedSettings() {
        List<Changes.Change> changes = SipSettingList.SETTINGS.compare(new Changes("P"), stored(new SipSettingsForm()),
                changedForm()).list();
        assertEquals(List.of(
                new Changes.Change("P: SIP mode", "Off", "On"),
                new Changes.Change("P: UDP mode", "Off", "On"),
                new Changes.Change("P: UDP port", "5060", "5070"),
                new Changes.Change("P: TLS port", "5061", "5071"),
                new Changes.Change("P: Standard registration refresh maximum", "60", "3600")), changes);
    }
}
