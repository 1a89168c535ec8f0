package org.edgeway.web.api;

import java.util.List;
import org.edgeway.services.system.AdministrationSettings;
import org.edgeway.services.system.DnsSettings;
import org.edgeway.services.system.NtpServerSettings;
import org.edgeway.services.system.TimeSettings;

/** What the API shows of the System menu; secrets only as "set" flags. */
public final class SystemJson {

    private SystemJson() {
    }

    public record Dns(String hostName, String domainName, String dnsServer1, String dnsServer2, String dnsServer3,
            String dnsServer4, String dnsServer5) {
        static Dns of(DnsSettings d) {
            return new Dns(d.getHostName(), d.getDomainName(), d.getDnsServer1(), d.getDnsServer2(), d.getDnsServer3(),
                    d.getDnsServer4(), d.getDnsServer5());
        }
    }

    public record NtpServer(int slot, String address, String authentication, Integer keyId, String hashMethod,
            boolean passPhraseSet) {
        static NtpServer of(NtpServerSettings n) {
            return new NtpServer(n.getSlot(), n.getAddress(), n.getAuthentication().name(), n.getKeyId(),
                    n.getHashMethod() == null ? null : n.getHashMethod().name(), n.isPassPhraseSet());
        }
    }

    public record Time(List<NtpServer> ntpServers, String timeZone) {
        static Time of(TimeSettings t) {
            return new Time(t.getNtpServers().stream().map(NtpServer::of).toList(), t.getTimeZone());
        }
    }

    public record Administration(String nodeRole, String systemSize, int sessionTimeoutMinutes,
            boolean automatedProtection) {
        static Administration of(AdministrationSettings a) {
            return new Administration(a.getNodeRoleName(), a.getSystemSizeName(), a.getSessionTimeoutMinutes(),
                    a.isAutomatedProtection());
        }
    }
}
