package org.edgeway.services.sip;

import java.util.Map;
import org.edgeway.services.validation.InvalidSettingsException;

/**
 * The rules between SIP fields that each field's own constraint cannot check, with the message shown next to the
 * field: TCP and TLS cannot share a port, the refresh maximum not below the minimum, and no listener on a port
 * another service of the node uses.
 */
final class SipSettingsRules {

    private SipSettingsRules() {
    }

    /**
     * Throws {@link InvalidSettingsException} naming every field that breaks a rule.
     *
     * @param portsInUse ports other services of this node listen on, with what uses them ("the TURN requests port")
     */
    static void check(SipSettingsForm form, Map<Integer, String> portsInUse) {
        InvalidSettingsException.Collector errors = new InvalidSettingsException.Collector();
        if (form.isTcpEnabled() && form.isTlsEnabled() && form.getTcpPort() == form.getTlsPort()) {
            errors.reject("tlsPort", "must differ from the TCP port");
        }
        if (form.getRegistrationMaximum() < form.getRegistrationMinimum()) {
            errors.reject("registrationMaximum", "must not be below the registration refresh minimum");
        }
        checkFree(errors, "udpPort", form.isUdpEnabled(), form.getUdpPort(), portsInUse);
        checkFree(errors, "tcpPort", form.isTcpEnabled(), form.getTcpPort(), portsInUse);
        checkFree(errors, "tlsPort", form.isTlsEnabled(), form.getTlsPort(), portsInUse);
        errors.throwIfAny();
    }

    private static void checkFree(InvalidSettingsException.Collector errors, String field, boolean on, int port,
            Map<Integer, String> portsInUse) {
        String user = portsInUse.get(port);
        if (on && user != null) {
            errors.reject(field, "is already " + user);
        }
    }
}
