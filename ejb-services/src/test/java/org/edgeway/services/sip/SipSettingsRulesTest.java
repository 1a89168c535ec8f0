package org.edgeway.services.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.edgeway.services.validation.InvalidSettingsException;
import org.junit.jupiter.api.Test;

class SipSettingsRulesTest {

    private static final Map<Integer, String> TURN = Map.of(3478, "the TURN requests port");

    @Test
    void theDefaultsPass() {
        SipSettingsRules.check(new SipSettingsForm(), TURN);
    }

    @Test
    void tcpAndTlsCannotShareAPortWhileBothAreOn() {
        SipSettingsForm f = new SipSettingsForm();
        f.setTlsPort(f.getTcpPort());
        assertEquals(Map.of("tlsPort", "must differ from the TCP port"), errors(f));
        f.setTlsEnabled(false);
        SipSettingsRules.check(f, TURN);
    }

    @Test
    void theRefreshMaximumIsNotBelowTheMinimum() {
        SipSettingsForm f = new SipSettingsForm();
        f.setRegistrationMinimum(600);
        f.setRegistrationMaximum(599);
        assertEquals(Map.of("registrationMaximum", "must not be below the registration refresh minimum"), errors(f));
        f.setRegistrationMaximum(600);
        SipSettingsRules.check(f, TURN);
    }

    @Test
    void aListenerThatIsOnCannotTakeAPortAnotherServiceUses() {
        SipSettingsForm f = new SipSettingsForm();
        f.setUdpPort(3478);
        SipSettingsRules.check(f, TURN); // UDP is Off
        f.setUdpEnabled(true);
        f.setTcpPort(3478);
        assertEquals(Map.of("udpPort", "is already the TURN requests port", "tcpPort",
                "is already the TURN requests port"), errors(f));
    }

    private static Map<String, String> errors(SipSettingsForm f) {
        return assertThrows(InvalidSettingsException.class, () -> SipSettingsRules.check(f, TURN)).fieldErrors();
    }
}
