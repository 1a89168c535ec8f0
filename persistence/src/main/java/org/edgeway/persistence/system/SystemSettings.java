package org.edgeway.persistence.system;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The node's system-wide settings (System > DNS, System > Time, System > Administration): a single row, id 1.
 * Node role and system size are stored by their enum names ({@code EXPRESSWAY_C}, {@code SMALL} ...).
 */
@Entity
@Table(name = "system_settings")
public class SystemSettings {

    public static final int SINGLETON_ID = 1;
    public static final int DNS_SERVER_SLOTS = 5;

    @Id
    private int id = SINGLETON_ID;
    @Column(name = "node_role", nullable = false)
    private String nodeRole;
    @Column(name = "system_size", nullable = false)
    private String systemSize;
    @Column(name = "host_name")
    private String hostName;
    @Column(name = "domain_name")
    private String domainName;
    @Column(name = "dns_server_1")
    private String dnsServer1;
    @Column(name = "dns_server_2")
    private String dnsServer2;
    @Column(name = "dns_server_3")
    private String dnsServer3;
    @Column(name = "dns_server_4")
    private String dnsServer4;
    @Column(name = "dns_server_5")
    private String dnsServer5;
    @Column(name = "time_zone", nullable = false)
    private String timeZone;
    @Column(name = "session_timeout_minutes", nullable = false)
    private int sessionTimeoutMinutes;
    @Column(name = "automated_protection", nullable = false)
    private boolean automatedProtection;
    @Column(name = "maintenance_mode", nullable = false)
    private boolean maintenanceMode;
    @Version
    private long version;

    public int getId() {
        return id;
    }

    public String getNodeRole() {
        return nodeRole;
    }

    public void setNodeRole(String nodeRole) {
        this.nodeRole = nodeRole;
    }

    public String getSystemSize() {
        return systemSize;
    }

    public void setSystemSize(String systemSize) {
        this.systemSize = systemSize;
    }

    public String getHostName() {
        return hostName;
    }

    public void setHostName(String hostName) {
        this.hostName = hostName;
    }

    public String getDomainName() {
        return domainName;
    }

    public void setDomainName(String domainName) {
        this.domainName = domainName;
    }

    /** DNS server addresses 1..5 in slot order; empty slots are null. */
    public List<String> getDnsServers() {
        return new ArrayList<>(Arrays.asList(dnsServer1, dnsServer2, dnsServer3, dnsServer4, dnsServer5));
    }

    public void setDnsServers(List<String> servers) {
        if (servers.size() != DNS_SERVER_SLOTS) {
            throw new IllegalArgumentException("expected " + DNS_SERVER_SLOTS + " DNS server slots");
        }
        dnsServer1 = servers.get(0);
        dnsServer2 = servers.get(1);
        dnsServer3 = servers.get(2);
        dnsServer4 = servers.get(3);
        dnsServer5 = servers.get(4);
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public int getSessionTimeoutMinutes() {
        return sessionTimeoutMinutes;
    }

    public void setSessionTimeoutMinutes(int sessionTimeoutMinutes) {
        this.sessionTimeoutMinutes = sessionTimeoutMinutes;
    }

    public boolean isMaintenanceMode() {
        return maintenanceMode;
    }

    public void setMaintenanceMode(boolean maintenanceMode) {
        this.maintenanceMode = maintenanceMode;
    }

    public boolean isAutomatedProtection() {
        return automatedProtection;
    }

    public void setAutomatedProtection(boolean automatedProtection) {
        this.automatedProtection = automatedProtection;
    }
}
