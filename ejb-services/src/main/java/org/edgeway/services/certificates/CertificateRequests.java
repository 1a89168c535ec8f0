package org.edgeway.services.certificates;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Builds a PKCS#10 certificate signing request (RFC 2986) with Bouncy Castle: a new RSA key, the subject of the form,
 * and an extension request for the alternative names, key usage (digital signature, key encipherment) and extended
 * key usage Server and Client Authentication (the seed: the CSR "includes the client authentication request").
 */
final class CertificateRequests {

    /** RFC 6120 13.7.1.4 id-on-xmppAddr. */
    static final ASN1ObjectIdentifier XMPP_ADDR = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.8.5");
    /** RFC 4985 id-on-dnsSRV. */
    static final ASN1ObjectIdentifier DNS_SRV = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.8.7");

    /** A request and the key it was made for. */
    record Generated(KeyPair keys, String pem) {
    }

    private CertificateRequests() {
    }

    /** A new RSA key made here (it stays on the node, encrypted, until the signed certificate comes back). */
    static Generated generate(CsrForm form, List<AlternativeNames.Entry> names) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(form.getKeyLength());
            KeyPair keys = generator.generateKeyPair();
            return new Generated(keys, request(form, names, keys, null));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate the key", e);
        }
    }

    /**
     * The request for a key pair, signed by {@code signer} (null: the default providers); a PKCS#11 token's provider
     * signs inside the token, with a private key that cannot leave it.
     */
    static String request(CsrForm form, List<AlternativeNames.Entry> names, KeyPair keys, Provider signer) {
        try {
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(names.stream().map(CertificateRequests::generalName).toArray(GeneralName[]::new)));
            extensions.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            extensions.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(subject(form),
                    keys.getPublic())
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                    .build(signer(signatureAlgorithm(form), signer).build(keys.getPrivate()));
            return pem(request);
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot build the certificate signing request", e);
        }
    }

    /**
     * A self-signed certificate for a token key: a PKCS#11 key store lists a private key by its certificate, so the
     * request's key is kept in the token under this placeholder until the signed certificate replaces it.
     */
    static X509Certificate placeholder(CsrForm form, KeyPair keys, Provider signer) {
        try {
            Instant now = Instant.now();
            X500Name subject = subject(form);
            return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(subject,
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now), Date.from(now.plus(Duration.ofDays(1))),
                    subject, keys.getPublic()).build(signer(signatureAlgorithm(form), signer)
                            .build(keys.getPrivate())));
        } catch (OperatorCreationException | CertificateException e) {
            throw new IllegalStateException("cannot sign the placeholder certificate in the token", e);
        }
    }

    private static String signatureAlgorithm(CsrForm form) {
        return form.getDigestAlgorithm().replace("-", "") + "withRSA";
    }

    private static JcaContentSignerBuilder signer(String algorithm, Provider provider) {
        JcaContentSignerBuilder b = new JcaContentSignerBuilder(algorithm);
        return provider == null ? b : b.setProvider(provider);
    }

    private static X500Name subject(CsrForm form) {
        X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
        add(b, BCStyle.C, form.getCountry());
        add(b, BCStyle.ST, form.getStateOrProvince());
        add(b, BCStyle.L, form.getLocality());
        add(b, BCStyle.O, form.getOrganization());
        add(b, BCStyle.OU, form.getOrganizationalUnit());
        add(b, BCStyle.CN, form.getCommonName());
        add(b, BCStyle.EmailAddress, form.getEmailAddress());
        return b.build();
    }

    private static void add(X500NameBuilder b, ASN1ObjectIdentifier type, String value) {
        if (value != null && !value.isBlank()) {
            b.addRDN(type, value.strip());
        }
    }

    private static GeneralName generalName(AlternativeNames.Entry e) {
        return switch (e.format()) {
            case DNS -> new GeneralName(GeneralName.dNSName, e.value());
            case XMPP_ADDRESS -> otherName(XMPP_ADDR, new DERUTF8String(e.value()));
            case SRV_NAME -> otherName(DNS_SRV, new DERIA5String(e.value()));
        };
    }

    /** OtherName ::= SEQUENCE { type-id OID, value [0] EXPLICIT ANY } (RFC 5280 4.2.1.6). */
    private static GeneralName otherName(ASN1ObjectIdentifier type, ASN1Encodable value) {
        return new GeneralName(GeneralName.otherName,
                new DERSequence(new ASN1Encodable[] {type, new DERTaggedObject(true, 0, value)}));
    }

    private static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
