package org.edgeway.services.status;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.edgeway.engine.EngineSnapshot;
import org.edgeway.services.alarms.Alarms;
import org.edgeway.services.engine.EngineLifecycle;
import org.edgeway.services.system.AdministrationSettings;
import org.edgeway.services.system.DnsSettings;
import org.edgeway.services.system.SystemSettingsService;

/** Builds Status > Overview from settings, the engine's snapshot and the alarm table. */
@Stateless
public class SystemStatus {

    private static final String VERSION = readVersion();

    @Inject
    private SystemSettingsService settings;
    @Inject
    private EngineLifecycle engine;
    @Inject
    private Alarms alarms;

    public Overview overview() {
        DnsSettings dns = settings.dns();
        AdministrationSettings admin = settings.administration();
        String host = dns.getHostName() == null ? "(not set)"
                : dns.getDomainName() == null ? dns.getHostName() : dns.getHostName() + "." + dns.getDomainName();
        Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        EngineSnapshot snapshot = engine.snapshot();
        List<Overview.ServiceLine> services = snapshot.services().stream()
                .map(s -> new Overview.ServiceLine(s.name(), s.state().label(), s.detail())).toList();
        return new Overview(host, admin.getNodeRole().label(), admin.getSystemSize().label(), VERSION, started,
                Duration.between(started, Instant.now()), ipAddresses(), services, alarms.openCount());
    }

    private static List<String> ipAddresses() {
        List<String> result = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (!a.isLinkLocalAddress()) {
                        result.add(nic.getName() + ": " + a.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            result.add("unavailable: " + e.getMessage());
        }
        return result;
    }

    private static String readVersion() {
        Properties p = new Properties();
        try (InputStream in = SystemStatus.class.getResourceAsStream("/edgeway-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "X" + p.getProperty("version", "unknown");
    }
}
