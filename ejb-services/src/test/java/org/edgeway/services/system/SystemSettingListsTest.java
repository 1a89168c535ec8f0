package org.edgeway.services.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.edgeway.engine.NodeRole;
import org.edgeway.engine.NodeSettings;
import org.edgeway.engine.SystemSize;
import org.edgeway.persistence.system.SystemSettings;
import org.edgeway.services.configlog.Changes;
import org.junit.jupiter.api.Test;

class SystemSettingListsTest {

    private static SystemSettings stored(String role, String size) {
        SystemSettings s = new SystemSettings();
        s.setNodeRole(role);
        s.setSystemSize(size);
        s.setSessionTimeoutMinutes(30);
        s.setAutomatedProtection(true);
        return s;
    }

    @Test
    void administrationRoundTripsAndLogsLabels() {
        SystemSettings s = stored("EXPRESSWAY_C", "SMALL");
        AdministrationSettings form = SystemSettingLists.ADMINISTRATION.toForm(s, new AdministrationSettings());
        assertEquals(NodeRole.EXPRESSWAY_C, form.getNodeRole());
        form.setNodeRole(NodeRole.EXPRESSWAY_E);
        form.setSystemSize(SystemSize.LARGE);
        form.setAutomatedProtection(false);

        assertEquals(List.of(new Changes.Change("A: Node role", "Expressway-C", "Expressway-E"),
                        new Changes.Change("A: System size", "Small", "Large"),
                        new Changes.Change("A: Automated protection service", "On", "Off")),
                SystemSettingLists.ADMINISTRATION.compare(new Changes("A"), s, form).list());
        SystemSettingLists.ADMINISTRATION.toEntity(form, s);
        assertEquals("EXPRESSWAY_E", s.getNodeRole());
        assertEquals("LARGE", s.getSystemSize());
    }

    @Test
    void theEngineSeesRoleSizeAndTheFullHostName() {
        SystemSettings s = stored("EXPRESSWAY_E", "MEDIUM");
        NodeDraft draft = SystemSettingLists.ADMINISTRATION.toEngine(s, new NodeDraft());
        assertEquals(new NodeSettings(NodeRole.EXPRESSWAY_E, SystemSize.MEDIUM, "edgeway", "0.0.0.0"),
                SystemSettingLists.DNS_NAMES.toEngine(s, draft).build("0.0.0.0"), "no host name yet");

        s.setHostName("vcse");
        assertEquals("vcse", SystemSettingLists.DNS_NAMES.toEngine(s, draft).build("0.0.0.0").hostName());
        s.setDomainName("example.org");
        assertEquals("vcse.example.org",
                SystemSettingLists.DNS_NAMES.toEngine(s, draft).build("127.0.0.1").hostName());
    }
}
