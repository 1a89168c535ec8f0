package org.edgeway.engine.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Creates the node's self-signed server certificate at first start (HTTPS console, later TLS listeners), like a
 * factory-fresh Expressway's temporary certificate. The host name goes into the SAN, which is what peers check
 * (seed 001: "Expressway uses the SAN attribute to validate received certificates, not the CN").
 */
public final class SelfSignedCertificate {

    /** Alias of the key entry in the keystores this class writes. */
    public static final String ALIAS = "server";
    private static final Duration VALIDITY = Duration.ofDays(2 * 365);

    private SelfSignedCertificate() {
    }

    /** A new RSA-2048 key and a SHA-256 self-signed certificate for {@code hostName} (plus localhost). */
    public static KeyStore create(String hostName, char[] password) throws GeneralSecurityException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, new SecureRandom());
        KeyPair keys = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=" + hostName + ",O=Edgeway,OU=Temporary certificate");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
        List<GeneralName> names = new ArrayList<>();
        names.add(new GeneralName(GeneralName.dNSName, hostName));
        if (!"localhost".equalsIgnoreCase(hostName)) {
            names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        }
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(names.toArray(GeneralName[]::new)));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
        X509Certificate certificate;
        try {
            certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign certificate", e);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, keys.getPrivate(), password, new X509Certificate[] {certificate});
        return store;
    }

    /** Writes a new keystore to {@code file} unless one is already there. Returns true if it wrote one. */
    public static boolean createIfAbsent(Path file, char[] password, String hostName)
            throws GeneralSecurityException, IOException {
        if (Files.exists(file) && Files.size(file) > 0) {
            return false;
        }
        KeyStore store = create(hostName, password);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(partial)) {
            store.store(out, password);
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** {@code SelfSignedCertificate <keystore.p12> <password> <host name>}: used by bin/edgeway.sh at first start. */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: SelfSignedCertificate <keystore.p12> <password> <host name>");
            System.exit(2);
        }
        if (createIfAbsent(Path.of(args[0]), args[1].toCharArray(), args[2])) {
            System.out.println("created self-signed certificate for " + args[2] + " in " + args[0]);
        }
    }
}
