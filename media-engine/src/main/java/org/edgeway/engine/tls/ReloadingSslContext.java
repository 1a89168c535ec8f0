package org.edgeway.engine.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.logging.Logger;
import javax.net.ssl.KeyManagerFactory;

/**
 * A server {@link SslContext} built from a PKCS12 keystore file and built again when the file changes, so a new
 * certificate is used without restarting the listener.
 *
 * <p>{@link #current()} is what a listener asks for each new connection. {@link #check()} stats the file (last
 * modified time, size, file key) at most once per check interval and, if it differs from the file last seen,
 * loads it. A file that cannot be loaded (partly written, corrupt, wrong password, no key entry) keeps the previous
 * context and is reported by {@link #lastFailure()}; it is not tried again until it changes once more. Connections
 * already established keep the session they negotiated.
 *
 * <p>JDK provider only (no netty-tcnative), TLS 1.2 and 1.3, no client certificates.
 */
public final class ReloadingSslContext {

    private static final Logger LOG = Logger.getLogger(ReloadingSslContext.class.getName());
    /** Protocols offered: TLS 1.3 and 1.2 (RFC 8656 section 3.1 requires at least TLS 1.2). */
    public static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final Path file;
    private final char[] password;
    private final long intervalNanos;
    private volatile SslContext context;
    private volatile String subject;
    private volatile String lastFailure;
    private volatile int reloads;
    private Stamp loaded;
    private Stamp failed;
    private long lastCheckNanos;

    /** Identity of one version of the file: a rewrite changes time or size, a replacement the file key. */
    private record Stamp(long modifiedNanos, long size, Object fileKey) {
        static Stamp of(Path file) throws IOException {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), a.size(),
                    a.fileKey());
        }
    }

    /**
     * Loads the keystore now.
     *
     * @param file          PKCS12 keystore with one private key entry and its certificate chain
     * @param password      keystore and key password (null = empty)
     * @param checkInterval least time between two looks at the file
     * @throws IOException              the file cannot be read or parsed (wrong password included)
     * @throws GeneralSecurityException the keystore has no usable key
     */
    public ReloadingSslContext(Path file, String password, Duration checkInterval)
            throws IOException, GeneralSecurityException {
        this.file = Objects.requireNonNull(file, "file");
        this.password = password == null ? new char[0] : password.toCharArray();
        this.intervalNanos = checkInterval.toNanos();
        Stamp stamp = Stamp.of(file);
        load();
        loaded = stamp;
        lastCheckNanos = System.nanoTime();
    }

    /** The context for a new connection. */
    public SslContext current() {
        return context;
    }

    /** Subject of the certificate in use ("CN=host,O=..."), for status and tests. */
    public String subject() {
        return subject;
    }

    /** Why the last changed file could not be used, or null once a file loaded. */
    public String lastFailure() {
        return lastFailure;
    }

    /** How many times a changed file was loaded since construction. */
    public int reloads() {
        return reloads;
    }

    /**
     * Looks at the file if the check interval has passed and reloads it if it changed. Cheap when nothing changed
     * (one stat). Never throws.
     *
     * @return true if a new certificate is now in use
     */
    public synchronized boolean check() {
        long now = System.nanoTime();
        if (now - lastCheckNanos < intervalNanos) {
            return false;
        }
        lastCheckNanos = now;
        Stamp stamp;
        try {
            stamp = Stamp.of(file);
        } catch (IOException e) {
            fail(null, "cannot read " + file + ", keeping the previous certificate: " + e);
            return false;
        }
        if (stamp.equals(loaded) || stamp.equals(failed)) {
            return false;
        }
        try {
            load();
            loaded = stamp;
            failed = null;
            lastFailure = null;
            reloads++;
            LOG.info("TLS certificate reloaded from " + file + ": " + subject);
            return true;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            fail(stamp, "cannot load " + file + ", keeping the previous certificate: " + e);
            return false;
        }
    }

    /** Logs once per distinct problem; {@code stamp} (null if the file could not be read) is not tried again. */
    private void fail(Stamp stamp, String why) {
        if (!why.equals(lastFailure)) {
            LOG.warning("TLS " + why);
        }
        failed = stamp;
        lastFailure = why;
    }

    private void load() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        X509Certificate certificate = null;
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                Certificate[] chain = store.getCertificateChain(alias);
                if (chain != null && chain.length > 0 && chain[0] instanceof X509Certificate x) {
                    store.getKey(alias, password); // wrong key password fails here, not at the first handshake
                    certificate = x;
                    break;
                }
            }
        }
        if (certificate == null) {
            throw new GeneralSecurityException("no private key entry with a certificate in " + file);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SslContext built = SslContextBuilder.forServer(keys).sslProvider(SslProvider.JDK).protocols(PROTOCOLS)
                .clientAuth(ClientAuth.NONE).build();
        subject = certificate.getSubjectX500Principal().getName();
        context = built;
    }
}
