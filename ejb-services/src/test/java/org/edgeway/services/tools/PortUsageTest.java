package org.edgeway.services.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PortUsageTest {

    @Test
    void readsTheListenersAsTheEngineReportsThem() {
        assertEquals(new PortRow("SIP", "UDP", "0.0.0.0", "5060"), PortUsage.listener("SIP", "UDP 0.0.0.0:5060"));
        assertEquals(new PortRow("SIP", "TLS", "0.0.0.0", "7001"),
                PortUsage.listener("SIP", "TLS 0.0.0.0:7001 (zone edge)"));
        assertEquals(new PortRow("TURN", "UDP", "::", "3478"), PortUsage.listener("TURN", "UDP [::]:3478"));
    }
}
