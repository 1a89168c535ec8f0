package org.edgeway.services.hsm;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A PKCS#11 token through the JDK's SunPKCS11 provider, configured at run time ({@link Provider#configure}). Keys
 * are generated inside the token as token objects that are sensitive and never extractable (the configuration's
 * attribute template), so the private key never leaves it: signatures (the CSR, TLS handshakes) are computed by the
 * token. Entries are named by alias: the key of the pending certificate signing request, the uploaded certificate
 * waiting for the restart, and the one the HTTPS listener uses.
 */
public final class Pkcs11Token {

    /** The key a CSR was generated for, with a placeholder self-signed certificate (PKCS#11 key stores list keys by certificate). */
    public static final String REQUEST = "edgeway-request";
    /** The uploaded certificate and its key, installed for the listener by the next start. */
    public static final String PENDING = "edgeway-pending";
    /** The certificate and key the HTTPS listener uses (the only alias its key store shows). */
    public static final String SERVER = "edgeway-server";
    /** SunPKCS11 names its provider after the configuration's name: the listener's key store asks for it. */
    public static final String PROVIDER_NAME = "SunPKCS11-Edgeway";

    /** One configured provider per configuration: each one loads the library and holds its sessions. */
    private static final Map<String, Provider> PROVIDERS = new ConcurrentHashMap<>();

    private final Provider provider;
    private final char[] pin;

    private Pkcs11Token(Provider provider, char[] pin) {
        this.provider = provider;
        this.pin = pin;
    }

    /** The SunPKCS11 configuration of a library and slot: the private keys it generates stay in the token. */
    public static String configuration(String library, long slot) {
        return "name = Edgeway\n"
                + "library = \"" + library + "\"\n"
                + "slot = " + slot + "\n"
                + "attributes(generate, CKO_PRIVATE_KEY, *) = {\n"
                + "  CKA_TOKEN = true\n  CKA_PRIVATE = true\n  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n}\n"
                + "attributes(generate, CKO_PUBLIC_KEY, *) = {\n  CKA_TOKEN = true\n}\n";
    }

    /**
     * Loads the library, finds the slot and logs in. Throws {@link TokenException} with the reason an administrator
     * can act on (library missing, no such slot, wrong PIN).
     */
    public static Pkcs11Token open(String configuration, String pin) {
        Provider provider;
        try {
            provider = PROVIDERS.computeIfAbsent(configuration,
                    c -> Security.getProvider("SunPKCS11").configure("--" + c));
        } catch (RuntimeException e) {
            throw new TokenException("the PKCS#11 library cannot be loaded or has no such slot: " + reason(e));
        }
        Pkcs11Token token = new Pkcs11Token(provider, pin == null ? new char[0] : pin.toCharArray());
        token.keyStore(); // logs in
        return token;
    }

    public Provider provider() {
        return provider;
    }

    /** A new RSA key pair generated inside the token. */
    public KeyPair generateKeyPair(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", provider);
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new TokenException("the token cannot generate an RSA " + bits + "-bit key: " + reason(e));
        }
    }

    /** The key and certificate chain stored under an alias. */
    public Optional<Entry> entry(String alias) {
        try {
            KeyStore ks = keyStore();
            if (!ks.isKeyEntry(alias)) {
                return Optional.empty();
            }
            return Optional.of(new Entry((PrivateKey) ks.getKey(alias, null), Arrays.stream(
                    ks.getCertificateChain(alias)).map(X509Certificate.class::cast).toList()));
        } catch (GeneralSecurityException e) {
            throw new TokenException("cannot read " + alias + " from the token: " + reason(e));
        }
    }

    /** Stores a token key under an alias with its chain; a key already under another alias moves (no copy). */
    public void store(String alias, PrivateKey key, List<X509Certificate> chain) {
        try {
            KeyStore ks = keyStore();
            if (ks.containsAlias(alias)) {
                ks.deleteEntry(alias);
            }
            ks.setKeyEntry(alias, key, null, chain.toArray(Certificate[]::new));
        } catch (GeneralSecurityException e) {
            throw new TokenException("cannot store " + alias + " in the token: " + reason(e));
        }
    }

    public void delete(String alias) {
        try {
            KeyStore ks = keyStore();
            if (ks.containsAlias(alias)) {
                ks.deleteEntry(alias);
            }
        } catch (GeneralSecurityException e) {
            throw new TokenException("cannot delete " + alias + " from the token: " + reason(e));
        }
    }

    /** At start, before the listener loads the token: the uploaded certificate replaces the one in use. */
    public boolean installPending() {
        Optional<Entry> pending = entry(PENDING);
        if (pending.isEmpty()) {
            return false;
        }
        delete(SERVER);
        store(SERVER, pending.get().key(), pending.get().chain());
        return true;
    }

    private KeyStore keyStore() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS11", provider);
            ks.load(null, pin);
            return ks;
        } catch (java.io.IOException e) {
            throw new TokenException("the token refused the PIN: " + reason(e));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new TokenException("the token cannot be opened: " + reason(e));
        }
    }

    /** The innermost message: PKCS#11 return codes such as CKR_PIN_INCORRECT are what an administrator looks up. */
    static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** A key with its certificate chain (leaf first). */
    public record Entry(PrivateKey key, List<X509Certificate> chain) {
    }

    /**
     * The token cannot do what was asked; the message says why. An application exception, so callers of the services
     * receive it as is (the token's state is not the transaction's).
     */
    @jakarta.ejb.ApplicationException
    public static final class TokenException extends RuntimeException {
        public TokenException(String message) {
            super(message);
        }
    }
}
