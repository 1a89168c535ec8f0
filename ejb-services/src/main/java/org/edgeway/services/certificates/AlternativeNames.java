package org.edgeway.services.certificates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.edgeway.engine.NodeRole;

/**
 * The subject alternative names a Generate CSR form asks for, in the order "Alternative name as it will appear"
 * lists them (seed 002 figures 3 and 4): the common name first, then the additional names, then the Unified
 * Communications names of the node's role: on a C the chat node aliases and the phone security profile names, on an
 * E the Unified CM registrations domains, the XMPP federation domains and the chat node aliases. Duplicates
 * (ignoring case) appear once.
 */
public final class AlternativeNames {

    /** One alternative name. */
    public record Entry(SanFormat format, String value) {
        @Override
        public String toString() {
            return format.prefix() + ":" + value;
        }
    }

    private AlternativeNames() {
    }

    /** Whether a field of the form applies on this role (the page shows it only then; the API refuses it else). */
    public static boolean appliesTo(String field, NodeRole role) {
        return switch (field) {
            case "phoneSecurityProfileNames" -> role == NodeRole.EXPRESSWAY_C;
            case "registrationsDomains", "registrationsDomainsFormat", "xmppFederationDomains",
                    "xmppFederationDomainsFormat" -> role == NodeRole.EXPRESSWAY_E;
            default -> true;
        };
    }

    public static List<Entry> of(CsrForm form, String nodeFqdn, NodeRole role) {
        Map<String, Entry> names = new LinkedHashMap<>();
        add(names, SanFormat.DNS, form.getCommonName());
        if (form.isIncludeFqdn()) {
            add(names, SanFormat.DNS, nodeFqdn);
        }
        list(form.getAdditionalAlternativeNames()).forEach(n -> add(names, SanFormat.DNS, n));
        if (role == NodeRole.EXPRESSWAY_C) {
            list(form.getChatNodeAliases()).forEach(n -> add(names, form.getChatNodeAliasesFormat(), n));
            list(form.getPhoneSecurityProfileNames()).forEach(n -> add(names, SanFormat.DNS, n));
        } else {
            list(form.getRegistrationsDomains()).forEach(n -> add(names, form.getRegistrationsDomainsFormat(),
                    registrationsName(form.getRegistrationsDomainsFormat(), n)));
            list(form.getXmppFederationDomains()).forEach(n -> add(names, form.getXmppFederationDomainsFormat(), n));
            list(form.getChatNodeAliases()).forEach(n -> add(names, form.getChatNodeAliasesFormat(), n));
        }
        return List.copyOf(names.values());
    }

    /** "Alternative name as it will appear". */
    public static String preview(List<Entry> names) {
        return names.stream().map(Entry::toString).collect(Collectors.joining(" "));
    }

    /** The items of a comma-separated field, trimmed, blanks dropped. */
    static List<String> list(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * A registrations domain as an SRVName is the MRA service's SRV owner ({@code _collab-edge.example.com}, RFC 4985
     * "_Service.Name"); as a DNS name it is what the administrator typed (the seed has them type
     * {@code collab-edge.example.com}).
     */
    private static String registrationsName(SanFormat format, String domain) {
        if (format != SanFormat.SRV_NAME) {
            return domain;
        }
        String bare = domain.startsWith("_collab-edge.") ? domain.substring("_collab-edge.".length())
                : domain.startsWith("collab-edge.") ? domain.substring("collab-edge.".length()) : domain;
        return "_collab-edge." + bare;
    }

    private static void add(Map<String, Entry> names, SanFormat format, String value) {
        if (value != null && !value.isBlank()) {
            names.putIfAbsent(format + ":" + value.strip().toLowerCase(Locale.ROOT), new Entry(format, value.strip()));
        }
    }

    /** Every entry of the given format. */
    static List<String> values(List<Entry> names, SanFormat format) {
        List<String> out = new ArrayList<>();
        names.stream().filter(e -> e.format() == format).forEach(e -> out.add(e.value()));
        return out;
    }
}
