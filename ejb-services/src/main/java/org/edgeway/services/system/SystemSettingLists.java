package org.edgeway.services.system;

import org.edgeway.engine.NodeRole;
import org.edgeway.engine.SystemSize;
import org.edgeway.persistence.system.SystemSettings;
import org.edgeway.services.settings.Setting;
import org.edgeway.services.settings.SettingList;

/**
 * System &gt; Administration and the names of System &gt; DNS, one declaration per setting (log label, form and
 * entity accessors, what the engine takes). DNS server slots and the Time page's NTP servers are lists of rows and
 * stay in {@link SystemSettingsService}.
 */
final class SystemSettingLists {

    private SystemSettingLists() {
    }

    static final SettingList<AdministrationSettings, SystemSettings, NodeDraft> ADMINISTRATION = new SettingList<>(
            Setting.<AdministrationSettings, SystemSettings, NodeDraft, String>named("Node role")
                    .form(f -> f.getNodeRole().name(), (f, v) -> f.setNodeRole(NodeRole.valueOf(v)))
                    .shown(v -> NodeRole.valueOf(v).label())
                    .stored(SystemSettings::getNodeRole, SystemSettings::setNodeRole, NodeDraft::role),
            Setting.<AdministrationSettings, SystemSettings, NodeDraft, String>named("System size")
                    .form(f -> f.getSystemSize().name(), (f, v) -> f.setSystemSize(SystemSize.valueOf(v)))
                    .shown(v -> SystemSize.valueOf(v).label())
                    .stored(SystemSettings::getSystemSize, SystemSettings::setSystemSize, NodeDraft::size),
            Setting.<AdministrationSettings, SystemSettings, NodeDraft, Integer>named("Session timeout (minutes)")
                    .form(AdministrationSettings::getSessionTimeoutMinutes,
                            AdministrationSettings::setSessionTimeoutMinutes)
                    .stored(SystemSettings::getSessionTimeoutMinutes, SystemSettings::setSessionTimeoutMinutes),
            Setting.<AdministrationSettings, SystemSettings, NodeDraft, Boolean>named("Automated protection service")
                    .form(AdministrationSettings::isAutomatedProtection, AdministrationSettings::setAutomatedProtection)
                    .shown(Setting::onOff)
                    .stored(SystemSettings::isAutomatedProtection, SystemSettings::setAutomatedProtection));

    static final SettingList<DnsSettings, SystemSettings, NodeDraft> DNS_NAMES = new SettingList<>(
            Setting.<DnsSettings, SystemSettings, NodeDraft, String>named("System host name")
                    .form(DnsSettings::getHostName, DnsSettings::setHostName)
                    .stored(SystemSettings::getHostName, SystemSettings::setHostName, NodeDraft::hostName),
            Setting.<DnsSettings, SystemSettings, NodeDraft, String>named("Domain name")
                    .form(DnsSettings::getDomainName, DnsSettings::setDomainName)
                    .stored(SystemSettings::getDomainName, SystemSettings::setDomainName, NodeDraft::domainName));
}
