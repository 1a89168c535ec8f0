package org.edgeway.services.status;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Status > Overview: what the node is and how it is doing (bean getters for Faces). */
public record Overview(String systemHostName, String nodeRole, String systemSize, String softwareVersion,
        Instant startedAt, Duration uptime, List<String> ipAddresses, List<ServiceLine> services,
        long openAlarms) implements Serializable {

    /** One engine service's state line. */
    public record ServiceLine(String name, String state, String detail) implements Serializable {
        public String getName() {
            return name;
        }

        public String getState() {
            return state;
        }

        public String getDetail() {
            return detail;
        }
    }

    public String getSystemHostName() {
        return systemHostName;
    }

    public String getNodeRole() {
        return nodeRole;
    }

    public String getSystemSize() {
        return systemSize;
    }

    public String getSoftwareVersion() {
        return softwareVersion;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public List<String> getIpAddresses() {
        return ipAddresses;
    }

    public List<ServiceLine> getServices() {
        return services;
    }

    public long getOpenAlarms() {
        return openAlarms;
    }

    /** Uptime as the console shows it, e.g. "2 days 3 hours 4 minutes 5 seconds". */
    public String getUptimeText() {
        long s = uptime.getSeconds();
        long d = s / 86400;
        long h = s % 86400 / 3600;
        long m = s % 3600 / 60;
        return (d > 0 ? d + (d == 1 ? " day " : " days ") : "") + h + (h == 1 ? " hour " : " hours ") + m
                + (m == 1 ? " minute " : " minutes ") + s % 60 + (s % 60 == 1 ? " second" : " seconds");
    }
}
