package org.edgeway.services.tools;

import java.io.Serializable;
import java.util.List;

/**
 * What a DNS lookup found: per question its outcome, and every record.
 *
 * @param server  the DNS server asked ("ip:port")
 */
public record DnsLookupResult(String server, List<Outcome> outcomes, List<Row> records) implements Serializable {

    public String getServer() {
        return server;
    }

    public List<Outcome> getOutcomes() {
        return outcomes;
    }

    public List<Row> getRecords() {
        return records;
    }

    /** One question: "NOERROR", "NXDOMAIN" ... or the failure ("No answer from ... within ..."), how, how long. */
    public record Outcome(String name, String type, String status, String transport, long millis, int records)
            implements Serializable {
        public String getName() {
            return name;
        }

        public String getType() {
            return type;
        }

        public String getStatus() {
            return status;
        }

        public String getTransport() {
            return transport;
        }

        public long getMillis() {
            return millis;
        }

        public int getRecords() {
            return records;
        }
    }

    /** One resource record as the page lists it. */
    public record Row(String name, String type, long ttl, String data) implements Serializable {
        public String getName() {
            return name;
        }

        public String getType() {
            return type;
        }

        public long getTtl() {
            return ttl;
        }

        public String getData() {
            return data;
        }
    }
}
