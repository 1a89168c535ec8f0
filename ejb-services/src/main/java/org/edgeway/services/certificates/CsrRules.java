package org.edgeway.services.certificates;

import java.util.regex.Pattern;
import org.edgeway.engine.NodeRole;
import org.edgeway.services.validation.Addresses;
import org.edgeway.services.validation.InvalidSettingsException;

/** The checks of Generate CSR, one message per field, all reported at once. */
final class CsrRules {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    /** X.520 upper bound for the naming attributes (RFC 5280 appendix A). */
    private static final int MAX_ATTRIBUTE = 64;

    private CsrRules() {
    }

    static void check(CsrForm form, NodeRole role) {
        InvalidSettingsException.Collector errors = new InvalidSettingsException.Collector();
        if (form.getCommonName() == null || form.getCommonName().isBlank()) {
            errors.reject("commonName", "is required: the node's fully qualified domain name");
        } else if (!isDnsName(form.getCommonName().strip(), false)) {
            errors.reject("commonName", "must be a DNS name (letters, digits, hyphens, dot-separated labels)");
        }
        names(errors, "additionalAlternativeNames", form.getAdditionalAlternativeNames(), SanFormat.DNS);
        names(errors, "chatNodeAliases", form.getChatNodeAliases(), form.getChatNodeAliasesFormat());
        if (role == NodeRole.EXPRESSWAY_C) {
            for (String n : AlternativeNames.list(form.getPhoneSecurityProfileNames())) {
                if (!isDnsName(n, true)) {
                    errors.reject("phoneSecurityProfileNames", n + " must be an FQDN (e.g. " + n.replace(' ', '-')
                            + ".example.com): a CSR with plain names or host names fails");
                    break;
                }
            }
        }
        if (role == NodeRole.EXPRESSWAY_E) {
            names(errors, "registrationsDomains", form.getRegistrationsDomains(), form.getRegistrationsDomainsFormat());
            names(errors, "xmppFederationDomains", form.getXmppFederationDomains(),
                    form.getXmppFederationDomainsFormat());
        }
        if (!CsrForm.KEY_LENGTHS.contains(form.getKeyLength())) {
            errors.reject("keyLength", "must be 2048, 3072 or 4096 bits");
        }
        if (!CsrForm.DIGEST_ALGORITHMS.contains(form.getDigestAlgorithm())) {
            errors.reject("digestAlgorithm", "must be one of " + String.join(", ", CsrForm.DIGEST_ALGORITHMS));
        }
        if (present(form.getCountry()) && !COUNTRY.matcher(form.getCountry().strip()).matches()) {
            errors.reject("country", "must be a two-letter ISO 3166 country code in capitals (e.g. GB)");
        }
        if (present(form.getEmailAddress()) && !EMAIL.matcher(form.getEmailAddress().strip()).matches()) {
            errors.reject("emailAddress", "must be an email address");
        }
        attribute(errors, "stateOrProvince", form.getStateOrProvince());
        attribute(errors, "locality", form.getLocality());
        attribute(errors, "organization", form.getOrganization());
        attribute(errors, "organizationalUnit", form.getOrganizationalUnit());
        attribute(errors, "country", form.getCountry());
        attribute(errors, "emailAddress", form.getEmailAddress());
        errors.throwIfAny();
    }

    private static void names(InvalidSettingsException.Collector errors, String field, String value, SanFormat format) {
        if (format == null) {
            errors.reject(field + "Format", "is required");
            return;
        }
        for (String n : AlternativeNames.list(value)) {
            String name = format == SanFormat.SRV_NAME && n.startsWith("_") ? n.substring(1) : n;
            if (!isDnsName(name, false)) {
                errors.reject(field, n + " is not a domain name");
                return;
            }
        }
    }

    private static void attribute(InvalidSettingsException.Collector errors, String field, String value) {
        if (value != null && (value.strip().length() > MAX_ATTRIBUTE || value.chars().anyMatch(Character::isISOControl))) {
            errors.reject(field, "must be at most " + MAX_ATTRIBUTE + " characters, without control characters");
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** RFC 1123 host name syntax (a final dot allowed); {@code fqdn} also asks for at least two labels. */
    static boolean isDnsName(String name, boolean fqdn) {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        return Addresses.isDomainName(n) && (!fqdn || n.contains("."));
    }
}
