package org.edgeway.services.tools;

import java.io.Serializable;

/**
 * One port (or range) of Maintenance &gt; Tools &gt; Port usage.
 *
 * @param service      what uses it ("SIP", "TURN", "Traversal zone Traversal zone", "Administration (HTTPS)")
 * @param protocol     "UDP", "TCP" or "TLS" (TLS over TCP)
 * @param address      local address (inbound) or peer (outbound)
 * @param ports        "5061", or a range "24000-29999"
 */
public record PortRow(String service, String protocol, String address, String ports) implements Serializable {

    public String getService() {
        return service;
    }

    public String getProtocol() {
        return protocol;
    }

    public String getAddress() {
        return address;
    }

    public String getPorts() {
        return ports;
    }
}
