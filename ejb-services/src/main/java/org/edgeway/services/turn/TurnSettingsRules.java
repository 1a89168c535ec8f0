package org.edgeway.services.turn;

import java.util.List;
import org.edgeway.engine.SystemSize;
import org.edgeway.engine.net.Cidr;
import org.edgeway.engine.turn.TurnConfig;
import org.edgeway.services.validation.InvalidSettingsException;

/**
 * The rules between TURN fields that each field's own constraint cannot check (port ranges, ports that must not
 * meet, Large-only options, CIDR lists), with the message shown next to the field.
 */
final class TurnSettingsRules {

    private TurnSettingsRules() {
    }

    /** Throws {@link InvalidSettingsException} naming every field that breaks a rule on a system of this size. */
    static void check(TurnSettingsForm form, SystemSize size) {
        InvalidSettingsException.Collector errors = new InvalidSettingsException.Collector();
        if (form.isPortMultiplexing() && size != SystemSize.LARGE) {
            errors.reject("portMultiplexing", "is only available on Large systems");
        }
        if (form.getRequestsPortRangeEnd() < form.getRequestsPortRangeStart()) {
            errors.reject("requestsPortRangeEnd", "must not be below the range start");
        }
        if (form.getMediaPortRangeEnd() <= form.getMediaPortRangeStart()) {
            errors.reject("mediaPortRangeEnd", "must be above the range start");
        }
        if (form.isTcp443Enabled() && !form.getProtocolMode().tcp()) {
            errors.reject("tcp443Enabled", "needs a protocol mode that includes TCP");
        }
        if (form.isTlsEnabled() && form.getTlsPort() >= form.getMediaPortRangeStart()
                && form.getTlsPort() <= form.getMediaPortRangeEnd()) {
            errors.reject("tlsPort", "must lie outside the media port range");
        }
        if (form.isTlsEnabled() && !usesRange(form, size) && form.getTlsPort() == form.getRequestsPort()
                && form.getProtocolMode().tcp()) {
            errors.reject("tlsPort", "must differ from the TURN requests port");
        }
        for (int port : requestPorts(form, size)) {
            if (port >= form.getMediaPortRangeStart() && port <= form.getMediaPortRangeEnd()) {
                errors.reject(usesRange(form, size) ? "requestsPortRangeStart" : "requestsPort",
                        "must lie outside the media port range");
                break;
            }
        }
        checkCidrs(errors, "peerAllow", form.getPeerAllow());
        checkCidrs(errors, "peerDeny", form.getPeerDeny());
        errors.throwIfAny();
    }

    private static boolean usesRange(TurnSettingsForm f, SystemSize size) {
        return TurnConfig.usesPortRange(size, f.isPortMultiplexing());
    }

    private static List<Integer> requestPorts(TurnSettingsForm f, SystemSize size) {
        return TurnConfig.requestPorts(size, f.isPortMultiplexing(), f.getRequestsPort(),
                f.getRequestsPortRangeStart(), f.getRequestsPortRangeEnd());
    }

    private static void checkCidrs(InvalidSettingsException.Collector errors, String field, String text) {
        for (String line : TurnSettingList.lines(text)) {
            try {
                Cidr.parse(line);
            } catch (IllegalArgumentException e) {
                errors.reject(field, "'" + line + "' is not an address or CIDR prefix such as 10.0.0.0/8 or 2001:db8::/32");
                return;
            }
        }
    }
}
