package org.edgeway.services.certificates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.edgeway.services.security.NodeCertificate;

/**
 * The files behind the server certificate, in the node's {@code tls} directory: {@code https.p12} in use (HTTPS,
 * SIP TLS, TURN TLS, traversal), {@code https.p12.pending} uploaded and waiting for the restart (edgeway.sh moves it
 * into place before the server starts, keeping the old one as {@code https.p12.previous}), and a pending request:
 * {@code csr.pem} with its private key {@code csr.key}, encrypted by the caller (never stored in clear).
 */
final class ServerKeyStore {

    private static final String ALIAS = "server";

    /** A key with its certificate chain (leaf first). */
    record Entry(PrivateKey key, List<X509Certificate> chain) {
    }

    private final Path dir;
    private final char[] password;

    ServerKeyStore(Path keyStore, String password) {
        this.dir = keyStore.getParent();
        this.password = password == null ? new char[0] : password.toCharArray();
    }

    static ServerKeyStore ofNode() {
        return new ServerKeyStore(Path.of(NodeCertificate.keyStorePath()), NodeCertificate.keyStorePassword());
    }

    Entry inUse() {
        return read(dir.resolve("https.p12")).orElseThrow(() -> new IllegalStateException("no server keystore"));
    }

    Optional<Entry> waitingForRestart() {
        return read(dir.resolve("https.p12.pending"));
    }

    Optional<String> requestPem() {
        Path p = dir.resolve("csr.pem");
        return Files.exists(p) ? Optional.of(readString(p)) : Optional.empty();
    }

    /** The pending request's key as stored (encrypted by the caller). */
    Optional<String> requestKey() {
        Path p = dir.resolve("csr.key");
        return Files.exists(p) ? Optional.of(readString(p)) : Optional.empty();
    }

    /** A request and its key (encrypted); no key file when the key was generated in a PKCS#11 token. */
    void saveRequest(String pem, String encryptedKey) {
        try {
            if (encryptedKey == null) {
                Files.deleteIfExists(dir.resolve("csr.key"));
            } else {
                writePrivate(dir.resolve("csr.key"), encryptedKey.getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writePrivate(dir.resolve("csr.pem"), pem.getBytes(StandardCharsets.US_ASCII));
    }

    void discardRequest() {
        try {
            Files.deleteIfExists(dir.resolve("csr.pem"));
            Files.deleteIfExists(dir.resolve("csr.key"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores key and chain as the keystore the next start uses. */
    void installOnRestart(Entry entry) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, entry.key(), password, entry.chain().toArray(Certificate[]::new));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, password);
            writePrivate(dir.resolve("https.p12.pending"), out.toByteArray());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write the new server keystore", e);
        }
    }

    static String encodeKey(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    static PrivateKey decodeKey(String pkcs8) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                    .decode(pkcs8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the pending request's key is unreadable", e);
        }
    }

    private Optional<Entry> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            for (String alias : Collections.list(ks.aliases())) {
                Key key = ks.getKey(alias, password);
                if (key instanceof PrivateKey pk) {
                    return Optional.of(new Entry(pk, Arrays.stream(ks.getCertificateChain(alias))
                            .map(X509Certificate.class::cast).toList()));
                }
            }
            throw new IllegalStateException(file + " holds no private key");
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** Written whole then moved into place, readable by the node's user only. */
    private static void writePrivate(Path target, byte[] bytes) {
        try {
            Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(bytes);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readString(Path p) {
        try {
            return Files.readString(p, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
