package org.edgeway.services.tools;

import java.util.List;
import org.edgeway.engine.dns.RecordType;

/**
 * What Maintenance &gt; Tools &gt; Network utilities &gt; DNS lookup asks: one record type, or every SRV record of the
 * H.323, SIP, Unified Communications and TURN services of a domain (seed 001 P52).
 */
public enum LookupType {
    A("A"), AAAA("AAAA"), SRV("SRV"), NAPTR("NAPTR"), CNAME("CNAME"), TXT("TXT"), MX("MX"), NS("NS"),
    SRV_SERVICES("SRV of H.323, SIP, Unified Communications and TURN services");

    /** The services SRV_SERVICES asks for, under the domain looked up (seed 001, seed 003 "_turn"). */
    public static final List<String> SERVICES = List.of("_collab-edge._tls", "_cisco-uds._tcp", "_sip._tcp",
            "_sip._udp", "_sips._tcp", "_turn._udp", "_turn._tcp", "_h323cs._tcp", "_h323ls._udp", "_h323rs._udp");

    private final String label;

    LookupType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The questions for {@code name}: (name, type) pairs. */
    List<Question> questions(String name) {
        if (this == SRV_SERVICES) {
            return SERVICES.stream().map(s -> new Question(s + "." + name, RecordType.SRV)).toList();
        }
        return List.of(new Question(name, RecordType.valueOf(name())));
    }

    record Question(String name, RecordType type) {
    }
}
