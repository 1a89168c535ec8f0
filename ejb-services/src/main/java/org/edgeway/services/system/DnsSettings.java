package org.edgeway.services.system;

import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.edgeway.services.validation.DomainName;
import org.edgeway.services.validation.HostLabel;
import org.edgeway.services.validation.IpAddress;

/**
 * System > DNS (seed 001 "Configure DNS"): system host name, domain name and up to five DNS servers, which
 * "must use an IP address, not a FQDN".
 */
public class DnsSettings implements Serializable {

    @HostLabel
    @Size(max = 63, message = "must be at most 63 characters")
    private String hostName;
    @DomainName
    private String domainName;
    @IpAddress
    private String dnsServer1;
    @IpAddress
    private String dnsServer2;
    @IpAddress
    private String dnsServer3;
    @IpAddress
    private String dnsServer4;
    @IpAddress
    private String dnsServer5;

    public String getHostName() {
        return hostName;
    }

    public void setHostName(String hostName) {
        this.hostName = trim(hostName);
    }

    public String getDomainName() {
        return domainName;
    }

    public void setDomainName(String domainName) {
        this.domainName = trim(domainName);
    }

    public String getDnsServer1() {
        return dnsServer1;
    }

    public void setDnsServer1(String v) {
        dnsServer1 = trim(v);
    }

    public String getDnsServer2() {
        return dnsServer2;
    }

    public void setDnsServer2(String v) {
        dnsServer2 = trim(v);
    }

    public String getDnsServer3() {
        return dnsServer3;
    }

    public void setDnsServer3(String v) {
        dnsServer3 = trim(v);
    }

    public String getDnsServer4() {
        return dnsServer4;
    }

    public void setDnsServer4(String v) {
        dnsServer4 = trim(v);
    }

    public String getDnsServer5() {
        return dnsServer5;
    }

    public void setDnsServer5(String v) {
        dnsServer5 = trim(v);
    }

    /** Slots 1..5 in order (nulls for empty slots). */
    public List<String> dnsServers() {
        return Arrays.asList(dnsServer1, dnsServer2, dnsServer3, dnsServer4, dnsServer5);
    }

    public void dnsServers(List<String> servers) {
        setDnsServer1(servers.get(0));
        setDnsServer2(servers.get(1));
        setDnsServer3(servers.get(2));
        setDnsServer4(servers.get(3));
        setDnsServer5(servers.get(4));
    }

    static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }
}
