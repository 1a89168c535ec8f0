package org.edgeway.services.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.edgeway.engine.NodeRole;
import org.edgeway.services.validation.InvalidSettingsException;
import org.junit.jupiter.api.Test;

class CertificateRequestsTest {

    private static CsrForm eForm() {
        CsrForm f = new CsrForm();
        f.setCommonName("expe.example.com");
        f.setIncludeFqdn(false);
        f.setRegistrationsDomains("collab-edge.example.com");
        f.setXmppFederationDomains("example.com");
        f.setXmppFederationDomainsFormat(SanFormat.XMPP_ADDRESS);
        f.setChatNodeAliases("chatnode1.example.com, chatnode2.example.com");
        f.setKeyLength(2048);
        f.setCountry("GB");
        f.setOrganization("Example Ltd");
        return f;
    }

    @Test
    void thePreviewListsTheCommonNameThenTheNamesOfTheRoleInTheSeedsOrder() {
        CsrForm f = eForm();
        f.setXmppFederationDomainsFormat(SanFormat.DNS);
        assertEquals("DNS:expe.example.com DNS:collab-edge.example.com DNS:example.com DNS:chatnode1.example.com"
                + " DNS:chatnode2.example.com", AlternativeNames.preview(AlternativeNames.of(f, "ignored", NodeRole.EXPRESSWAY_E)));
        // the same form on a C: the E-only fields do not count, the phone security profiles do
        f.setPhoneSecurityProfileNames("TLSProfile.example.com");
        assertEquals("DNS:expe.example.com DNS:chatnode1.example.com DNS:chatnode2.example.com"
                + " DNS:TLSProfile.example.com", AlternativeNames.preview(AlternativeNames.of(f, "x", NodeRole.EXPRESSWAY_C)));
    }

    @Test
    void srvNameFormatWritesTheCollabEdgeServiceAndDuplicatesAppearOnce() {
        CsrForm f = eForm();
        f.setIncludeFqdn(true);
        f.setAdditionalAlternativeNames("EXPE.example.com, alias.example.com");
        f.setRegistrationsDomainsFormat(SanFormat.SRV_NAME);
        List<AlternativeNames.Entry> names = AlternativeNames.of(f, "expe.example.com", NodeRole.EXPRESSWAY_E);
        assertEquals(List.of("DNS:expe.example.com", "DNS:alias.example.com", "SRV:_collab-edge.example.com",
                "XMPP:example.com", "DNS:chatnode1.example.com", "DNS:chatnode2.example.com"),
                names.stream().map(AlternativeNames.Entry::toString).toList());
    }

    @Test
    void theRequestIsSignedByItsKeyAndCarriesSubjectNamesAndBothAuthenticationPurposes() throws Exception {
        CsrForm f = eForm();
        f.setRegistrationsDomainsFormat(SanFormat.SRV_NAME);
        CertificateRequests.Generated g = CertificateRequests.generate(f,
                AlternativeNames.of(f, "expe.example.com", NodeRole.EXPRESSWAY_E));
        PKCS10CertificationRequest csr;
        try (PEMParser parser = new PEMParser(new StringReader(g.pem()))) {
            csr = (PKCS10CertificationRequest) parser.readObject();
        }
        assertTrue(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(csr.getSubjectPublicKeyInfo())));
        assertEquals(2048, ((RSAPublicKey) g.keys().getPublic()).getModulus().bitLength());
        assertEquals("expe.example.com", csr.getSubject().getRDNs(BCStyle.CN)[0].getFirst().getValue().toString());
        assertEquals("GB", csr.getSubject().getRDNs(BCStyle.C)[0].getFirst().getValue().toString());
        Extensions ext = Extensions.getInstance(csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)[0]
                .getAttrValues().getObjectAt(0));
        ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(ext);
        assertTrue(eku.hasKeyPurposeId(KeyPurposeId.id_kp_clientAuth), "the seed: the CSR asks for client authentication");
        assertTrue(eku.hasKeyPurposeId(KeyPurposeId.id_kp_serverAuth));
        GeneralName[] names = GeneralNames.fromExtensions(ext, Extension.subjectAlternativeName).getNames();
        assertEquals("expe.example.com", ((ASN1String) names[0].getName()).getString());
        ASN1Sequence srv = ASN1Sequence.getInstance(names[1].getName());
        assertEquals(CertificateRequests.DNS_SRV, srv.getObjectAt(0));
        assertEquals("_collab-edge.example.com",
                ((ASN1String) ASN1TaggedObject.getInstance(srv.getObjectAt(1)).getExplicitBaseObject()).getString());
        ASN1Sequence xmpp = ASN1Sequence.getInstance(names[2].getName());
        assertEquals(CertificateRequests.XMPP_ADDR, xmpp.getObjectAt(0));
        assertEquals(5, names.length, Arrays.toString(names));
    }

    @Test
    void phoneSecurityProfileNamesMustBeFqdnsOnACAndEveryBadFieldIsNamed() {
        CsrForm f = new CsrForm();
        f.setCommonName("expc.example.com");
        f.setPhoneSecurityProfileNames("TLSProfile.example.com, TLSProfile");
        f.setCountry("gb");
        f.setKeyLength(1024);
        f.setDigestAlgorithm("SHA-1");
        f.setEmailAddress("nobody");
        f.setAdditionalAlternativeNames("ok.example.com, bad_name.example.com");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> CsrRules.check(f, NodeRole.EXPRESSWAY_C));
        assertEquals(List.of("additionalAlternativeNames", "phoneSecurityProfileNames", "keyLength",
                "digestAlgorithm", "country", "emailAddress"), List.copyOf(e.fieldErrors().keySet()));
        assertTrue(e.fieldErrors().get("phoneSecurityProfileNames").startsWith("TLSProfile must be an FQDN"));
        // the same names are no concern on an E, where the field does not exist
        f.setCountry("GB");
        f.setKeyLength(3072);
        f.setDigestAlgorithm("SHA-384");
        f.setEmailAddress("pki@example.com");
        f.setAdditionalAlternativeNames("ok.example.com");
        CsrRules.check(f, NodeRole.EXPRESSWAY_E);
    }

    @Test
    void aCommonNameIsRequired() {
        CsrForm f = new CsrForm();
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> CsrRules.check(f, NodeRole.EXPRESSWAY_E));
        assertTrue(e.fieldErrors().containsKey("commonName"));
    }
}
