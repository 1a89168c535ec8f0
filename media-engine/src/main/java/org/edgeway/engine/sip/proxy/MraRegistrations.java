package org.edgeway.engine.sip.proxy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.edgeway.engine.sip.SipSnapshot.MraRegistrationCount;
import org.edgeway.engine.sip.message.HeaderNames;
import org.edgeway.engine.sip.message.NameAddr;
import org.edgeway.engine.sip.message.SipMessage;

/**
 * MRA registrations as an Expressway-E counts them (Status &gt; Overview, "MRA Registration: Current" and "Peak"):
 * the registrations this node proxied into a Unified Communications traversal zone that the registrar behind it
 * accepted. Each one is an address of record and contact with its expiry, taken from the registrar's 2xx, which
 * lists every contact the AOR now has (RFC 3261 10.3 step 8), so refreshes, un-registers and expiry all follow
 * from it. Current = unexpired now; peak = the most there were at once since this counter was made (node start).
 */
public final class MraRegistrations {

    /** RFC 3261 10.2.1.1: a registration without an expiry lasts an hour. */
    private static final long DEFAULT_EXPIRES = 3600;

    private final Map<String, Map<String, Instant>> byAor = new HashMap<>();
    private int peak;

    /** The registrar's 2xx to a REGISTER for {@code aor}: its contacts are all the AOR is now registered with. */
    public synchronized void accepted(String aor, SipMessage ok, Instant now) {
        Map<String, Instant> contacts = new HashMap<>();
        long defaultExpires = seconds(ok.header(HeaderNames.EXPIRES), DEFAULT_EXPIRES);
        for (NameAddr contact : ok.nameAddrs(HeaderNames.CONTACT)) {
            long expires = seconds(contact.params().get("expires"), defaultExpires);
            if (expires > 0) {
                contacts.put(contact.uri().text(), now.plusSeconds(expires));
            }
        }
        if (contacts.isEmpty()) {
            byAor.remove(aor);
        } else {
            byAor.put(aor, contacts);
        }
        byAor.values().forEach(c -> c.values().removeIf(expiry -> !expiry.isAfter(now)));
        byAor.values().removeIf(Map::isEmpty);
        peak = Math.max(peak, current(now));
    }

    /** Unexpired registrations now, and the peak. */
    public synchronized MraRegistrationCount count(Instant now) {
        return new MraRegistrationCount(current(now), peak);
    }

    private int current(Instant now) {
        int n = 0;
        for (Map<String, Instant> contacts : byAor.values()) {
            n += (int) contacts.values().stream().filter(expiry -> expiry.isAfter(now)).count();
        }
        return n;
    }

    private static long seconds(String value, long otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
