package org.edgeway.services.turn;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.edgeway.engine.SystemSize;
import org.edgeway.engine.turn.TurnConfig;
import org.edgeway.services.validation.InvalidSettingsException;
import org.junit.jupiter.api.Test;

class TurnSettingsRulesTest {

    private static Map<String, String> errors(TurnSettingsForm form, SystemSize size) {
        return assertThrows(InvalidSettingsException.class, () -> TurnSettingsRules.check(form, size)).fieldErrors();
    }

    @Test
    void theSeedDefaultsPassOnEverySize() {
        for (SystemSize size : SystemSize.values()) {
            assertDoesNotThrow(() -> TurnSettingsRules.check(new TurnSettingsForm(), size), size::name);
        }
    }

    @Test
    void portMultiplexingIsLargeOnly() {
        TurnSettingsForm form = new TurnSettingsForm();
        form.setPortMultiplexing(true);
        assertEquals(Map.of("portMultiplexing", "is only available on Large systems"),
                errors(form, SystemSize.MEDIUM));
        assertDoesNotThrow(() -> TurnSettingsRules.check(form, SystemSize.LARGE));
    }

    @Test
    void rangesMustRunForward() {
        TurnSettingsForm form = new TurnSettingsForm();
        form.setRequestsPortRangeStart(3490);
        form.setRequestsPortRangeEnd(3480);
        form.setMediaPortRangeEnd(form.getMediaPortRangeStart());
        Map<String, String> e = errors(form, SystemSize.LARGE);
        assertEquals("must not be below the range start", e.get("requestsPortRangeEnd"));
        assertEquals("must be above the range start", e.get("mediaPortRangeEnd"));
    }

    @Test
    void aRequestPortInsideTheMediaRangeIsNamedByTheFieldTheSizeShows() {
        TurnSettingsForm single = new TurnSettingsForm();
        single.setRequestsPort(25000);
        assertEquals(Map.of("requestsPort", "must lie outside the media port range"), errors(single, SystemSize.SMALL));

        TurnSettingsForm range = new TurnSettingsForm();
        range.setRequestsPortRangeStart(29998);
        range.setRequestsPortRangeEnd(30005); // only the first two ports fall in 24000-29999
        assertEquals(Map.of("requestsPortRangeStart", "must lie outside the media port range"),
                errors(range, SystemSize.LARGE));
        assertDoesNotThrow(() -> TurnSettingsRules.check(range, SystemSize.SMALL), "Small uses the single port");
    }

    @Test
    void tcp443NeedsTcpAndTlsNeedsItsOwnPort() {
        TurnSettingsForm form = new TurnSettingsForm();
        form.setTcp443Enabled(true);
        form.setProtocolMode(TurnConfig.ProtocolMode.UDP);
        form.setTlsEnabled(true);
        form.setTlsPort(form.getRequestsPort());
        assertEquals(Map.of("tcp443Enabled", "needs a protocol mode that includes TCP"), errors(form, SystemSize.SMALL),
                "with UDP only, TLS on the requests port does not collide");
        form.setProtocolMode(TurnConfig.ProtocolMode.UDP_AND_TCP);
        assertEquals(Map.of("tlsPort", "must differ from the TURN requests port"), errors(form, SystemSize.SMALL));
        form.setTlsPort(24500);
        assertEquals(Map.of("tlsPort", "must lie outside the media port range"), errors(form, SystemSize.SMALL));
    }

    @Test
    void peerListsMustBeCidrs() {
        TurnSettingsForm form = new TurnSettingsForm();
        form.setPeerAllow("10.0.0.0/8\n2001:db8::/32");
        form.setPeerDeny("192.0.2.0/24, not-a-prefix");
        assertEquals(Map.of("peerDeny", "'not-a-prefix' is not an address or CIDR prefix such as 10.0.0.0/8 or "
                + "2001:db8::/32"), errors(form, SystemSize.SMALL));
    }
}
