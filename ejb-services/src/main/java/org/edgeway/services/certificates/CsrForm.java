package org.edgeway.services.certificates;

import java.io.Serializable;
import java.util.List;

/**
 * Maintenance &gt; Security &gt; Server certificate &gt; Generate CSR: the subject, the alternative names of the
 * Unified Communications features (seed 002 "Server certificate requirements for Unified Communications") and the
 * key. Which alternative-name fields apply depends on the node's role ({@link AlternativeNames}).
 */
public class CsrForm implements Serializable {

    public static final List<Integer> KEY_LENGTHS = List.of(2048, 3072, 4096);
    public static final List<String> DIGEST_ALGORITHMS = List.of("SHA-256", "SHA-384", "SHA-512");
    public static final int DEFAULT_KEY_LENGTH = 4096;
    public static final String DEFAULT_DIGEST = "SHA-256";

    private String commonName;
    /** "None" or the node's FQDN again as a SAN (the common name is always the first SAN). */
    private boolean includeFqdn = true;
    private String additionalAlternativeNames;
    private String chatNodeAliases;
    private SanFormat chatNodeAliasesFormat = SanFormat.DNS;
    private String phoneSecurityProfileNames;
    private String registrationsDomains;
    private SanFormat registrationsDomainsFormat = SanFormat.DNS;
    private String xmppFederationDomains;
    private SanFormat xmppFederationDomainsFormat = SanFormat.DNS;
    private int keyLength = DEFAULT_KEY_LENGTH;
    private String digestAlgorithm = DEFAULT_DIGEST;
    private String country;
    private String stateOrProvince;
    private String locality;
    private String organization;
    private String organizationalUnit;
    private String emailAddress;

    public String getCommonName() {
        return commonName;
    }

    public void setCommonName(String commonName) {
        this.commonName = commonName;
    }

    public boolean isIncludeFqdn() {
        return includeFqdn;
    }

    public void setIncludeFqdn(boolean includeFqdn) {
        this.includeFqdn = includeFqdn;
    }

    public String getAdditionalAlternativeNames() {
        return additionalAlternativeNames;
    }

    public void setAdditionalAlternativeNames(String additionalAlternativeNames) {
        this.additionalAlternativeNames = additionalAlternativeNames;
    }

    public String getChatNodeAliases() {
        return chatNodeAliases;
    }

    public void setChatNodeAliases(String chatNodeAliases) {
        this.chatNodeAliases = chatNodeAliases;
    }

    public SanFormat getChatNodeAliasesFormat() {
        return chatNodeAliasesFormat;
    }

    public void setChatNodeAliasesFormat(SanFormat chatNodeAliasesFormat) {
        this.chatNodeAliasesFormat = chatNodeAliasesFormat;
    }

    public String getPhoneSecurityProfileNames() {
        return phoneSecurityProfileNames;
    }

    public void setPhoneSecurityProfileNames(String phoneSecurityProfileNames) {
        this.phoneSecurityProfileNames = phoneSecurityProfileNames;
    }

    public String getRegistrationsDomains() {
        return registrationsDomains;
    }

    public void setRegistrationsDomains(String registrationsDomains) {
        this.registrationsDomains = registrationsDomains;
    }

    public SanFormat getRegistrationsDomainsFormat() {
        return registrationsDomainsFormat;
    }

    public void setRegistrationsDomainsFormat(SanFormat registrationsDomainsFormat) {
        this.registrationsDomainsFormat = registrationsDomainsFormat;
    }

    public String getXmppFederationDomains() {
        return xmppFederationDomains;
    }

    public void setXmppFederationDomains(String xmppFederationDomains) {
        this.xmppFederationDomains = xmppFederationDomains;
    }

    public SanFormat getXmppFederationDomainsFormat() {
        return xmppFederationDomainsFormat;
    }

    public void setXmppFederationDomainsFormat(SanFormat xmppFederationDomainsFormat) {
        this.xmppFederationDomainsFormat = xmppFederationDomainsFormat;
    }

    public int getKeyLength() {
        return keyLength;
    }

    public void setKeyLength(int keyLength) {
        this.keyLength = keyLength;
    }

    public String getDigestAlgorithm() {
        return digestAlgorithm;
    }

    public void setDigestAlgorithm(String digestAlgorithm) {
        this.digestAlgorithm = digestAlgorithm;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getStateOrProvince() {
        return stateOrProvince;
    }

    public void setStateOrProvince(String stateOrProvince) {
        this.stateOrProvince = stateOrProvince;
    }

    public String getLocality() {
        return locality;
    }

    public void setLocality(String locality) {
        this.locality = locality;
    }

    public String getOrganization() {
        return organization;
    }

    public void setOrganization(String organization) {
        this.organization = organization;
    }

    public String getOrganizationalUnit() {
        return organizationalUnit;
    }

    public void setOrganizationalUnit(String organizationalUnit) {
        this.organizationalUnit = organizationalUnit;
    }

    public String getEmailAddress() {
        return emailAddress;
    }

    public void setEmailAddress(String emailAddress) {
        this.emailAddress = emailAddress;
    }
}
