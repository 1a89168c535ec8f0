package org.edgeway.services.certificates;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.edgeway.engine.NodeRole;
import org.edgeway.services.alarms.Alarms;
import org.edgeway.services.configlog.Changes;
import org.edgeway.services.configlog.ConfigurationLog;
import org.edgeway.services.hsm.HsmConfiguration;
import org.edgeway.services.hsm.Pkcs11Token;
import org.edgeway.services.security.Caller;
import org.edgeway.services.security.SecretBox;
import org.edgeway.services.system.DnsSettings;
import org.edgeway.services.system.SystemSettingsService;
import org.edgeway.services.validation.InvalidSettingsException;
import org.edgeway.services.zones.ZoneService;

/**
 * Maintenance &gt; Security &gt; Server certificate: the certificate in use, Generate CSR (the key stays on the node,
 * encrypted, until the signed certificate comes back), and the upload of the signed certificate, which takes effect
 * at the next restart (seed 002: "You must restart the Expressway for the new server certificate to take effect").
 */
@Stateless
public class ServerCertificates {

    public static final String PAGE = "Maintenance > Security > Server certificate";
    public static final String RESTART_ALARM = "restart.serverCertificate";
    /** The seed's rule (B-CERT-01), as the upload refuses it. */
    static final String CLIENT_AUTH_REQUIRED = "The certificate must include the Client Authentication extended key"
            + " usage: a server certificate without it cannot be uploaded while Unified Communications features are"
            + " enabled (a Unified Communications traversal zone exists)";

    @Inject
    private Caller caller;
    @Inject
    private SecretBox secrets;
    @Inject
    private ConfigurationLog configurationLog;
    @Inject
    private Alarms alarms;
    @Inject
    private SystemSettingsService settings;
    @Inject
    private ZoneService zones;
    @Inject
    private HsmConfiguration hsm;

    /** The certificate the HTTPS listener uses: the token's when edgeway.sh started it on the token. */
    public ServerCertificateView inUse() {
        return ServerCertificateView.of(inUseChain());
    }

    /** The certificate uploaded and waiting for the restart (in the token while HSM Mode is PKCS#11). */
    public Optional<ServerCertificateView> waitingForRestart() {
        return store().waitingForRestart().map(ServerKeyStore.Entry::chain)
                .or(() -> tokenEntry(Pkcs11Token.PENDING).map(Pkcs11Token.Entry::chain)).map(ServerCertificateView::of);
    }

    /** The pending certificate signing request, PEM. */
    public Optional<String> pendingRequest() {
        return store().requestPem();
    }

    /** Which alternative-name fields Generate CSR shows: an E's ({@code true}) or a C's. */
    public boolean expresswayE() {
        return role() == NodeRole.EXPRESSWAY_E;
    }

    /** Whether a field of Generate CSR applies on this node (the API refuses the others). */
    public boolean applies(String field) {
        return AlternativeNames.appliesTo(field, role());
    }

    private NodeRole role() {
        return settings.administration().getNodeRole();
    }

    /** A form with the defaults: the node's FQDN as common name. */
    public CsrForm newRequestForm() {
        CsrForm form = new CsrForm();
        form.setCommonName(nodeFqdn());
        return form;
    }

    /** "Alternative name as it will appear" for the form as it stands (no checks: the page updates it as one types). */
    public String alternativeNamesPreview(CsrForm form) {
        return AlternativeNames.preview(AlternativeNames.of(form, nodeFqdn(), role()));
    }

    /** Generates a key and a request for it, replacing any pending one; returns the request (PEM). */
    public String generateRequest(CsrForm form) {
        caller.requireWrite();
        NodeRole role = role();
        CsrRules.check(form, role);
        List<AlternativeNames.Entry> names = AlternativeNames.of(form, nodeFqdn(), role);
        Optional<Pkcs11Token> token = openToken("commonName");
        ServerKeyStore store = store();
        String previous = store.requestPem().isPresent() ? "pending request replaced" : null;
        String pem;
        if (token.isPresent()) {
            pem = generateInToken(token.get(), form, names);
            store.saveRequest(pem, null);
        } else {
            CertificateRequests.Generated request = CertificateRequests.generate(form, names);
            pem = request.pem();
            store.saveRequest(pem, secrets.encrypt(ServerKeyStore.encodeKey(request.keys().getPrivate())));
        }
        configurationLog.record(new Changes(PAGE).compare("Certificate signing request", previous,
                "generated for " + form.getCommonName().strip() + " (" + AlternativeNames.preview(names) + ", RSA "
                        + form.getKeyLength() + " bits, " + form.getDigestAlgorithm()
                        + (token.isPresent() ? ", key generated in the PKCS#11 token" : "") + ")"));
        return pem;
    }

    /** The key is generated in the token and signs the request there; it stays under the request alias. */
    private static String generateInToken(Pkcs11Token token, CsrForm form, List<AlternativeNames.Entry> names) {
        KeyPair keys = token.generateKeyPair(form.getKeyLength());
        String pem = CertificateRequests.request(form, names, keys, token.provider());
        token.store(Pkcs11Token.REQUEST, keys.getPrivate(),
                List.of(CertificateRequests.placeholder(form, keys, token.provider())));
        return pem;
    }

    public void discardRequest() {
        caller.requireWrite();
        if (store().requestPem().isPresent()) {
            store().discardRequest();
            openToken("csr").ifPresent(t -> t.delete(Pkcs11Token.REQUEST));
            configurationLog.record(new Changes(PAGE).compare("Certificate signing request", "pending", "discarded"));
        }
    }

    /**
     * Takes the signed certificate (PEM, leaf first, then any intermediates) for the pending request's key (or the
     * key in use, for a renewal of the same key) and installs it for the next start.
     */
    public ServerCertificateView upload(String pem) {
        caller.requireWrite();
        List<PemCertificates.Parsed> parsed = PemCertificates.parse(pem);
        List<X509Certificate> chain = parsed.stream().map(PemCertificates.Parsed::certificate).toList();
        X509Certificate leaf = chain.get(0);
        ServerKeyStore store = store();
        Optional<Pkcs11Token> token = openToken(PemCertificates.FIELD);
        Optional<PrivateKey> tokenKey = token.flatMap(t -> t.entry(Pkcs11Token.REQUEST).or(() -> t.entry(
                Pkcs11Token.SERVER))).filter(e -> e.chain().get(0).getPublicKey().equals(leaf.getPublicKey()))
                .map(Pkcs11Token.Entry::key);
        PrivateKey key = tokenKey.isPresent() ? tokenKey.get() : keyFor(leaf.getPublicKey(), store);
        check(leaf);
        if (tokenKey.isPresent()) {
            token.get().store(Pkcs11Token.PENDING, key, chain); // edgeway.sh installs it at the restart
        } else {
            store.installOnRestart(new ServerKeyStore.Entry(key, chain));
        }
        boolean renewal = inUseChain().get(0).getPublicKey().equals(leaf.getPublicKey());
        if (!renewal) {
            store.discardRequest();
        }
        ServerCertificateView uploaded = ServerCertificateView.of(chain);
        configurationLog.record(new Changes(PAGE).compare("Server certificate", inUse().subject() + " ("
                + inUse().sha256Fingerprint() + ")", uploaded.subject() + " (" + uploaded.sha256Fingerprint()
                + "), takes effect after a restart"));
        alarms.raise(RESTART_ALARM, "Warning", "Restart required: a new server certificate was uploaded",
                "Restart the node for the new server certificate to take effect (HTTPS, SIP TLS, traversal, TURN TLS)");
        return uploaded;
    }

    /** At start: the restart has installed any uploaded certificate (edgeway.sh), so its alarm is over. */
    public void reconcileRestartAlarm() {
        if (waitingForRestart().isEmpty()) {
            alarms.lower(RESTART_ALARM);
        }
    }

    private List<X509Certificate> inUseChain() {
        if (HsmConfiguration.listenerUsesToken()) {
            Optional<Pkcs11Token.Entry> server = tokenEntry(Pkcs11Token.SERVER);
            if (server.isPresent()) {
                return server.get().chain();
            }
        }
        return store().inUse().chain();
    }

    /** An entry of the token while HSM Mode is PKCS#11; empty when the token cannot be read (its status says why). */
    private Optional<Pkcs11Token.Entry> tokenEntry(String alias) {
        try {
            return hsm.token().flatMap(t -> t.entry(alias));
        } catch (Pkcs11Token.TokenException e) {
            return Optional.empty();
        }
    }

    /** The token while HSM Mode is PKCS#11; a token that fails is a reason given next to the field. */
    private Optional<Pkcs11Token> openToken(String field) {
        try {
            return hsm.token();
        } catch (Pkcs11Token.TokenException e) {
            throw new InvalidSettingsException(Map.of(field, "HSM Mode is PKCS#11 but " + e.getMessage()
                    + " (Maintenance > Security > HSM configuration)"));
        }
    }

    private PrivateKey keyFor(PublicKey certificateKey, ServerKeyStore store) {
        Optional<String> requestKey = store.requestKey();
        if (requestKey.isPresent()) {
            PrivateKey pending = ServerKeyStore.decodeKey(secrets.decrypt(requestKey.get()));
            if (KeyPairs.match(certificateKey, pending)) {
                return pending;
            }
        }
        ServerKeyStore.Entry current = store.inUse();
        if (current.chain().get(0).getPublicKey().equals(certificateKey)) {
            return current.key();
        }
        throw invalid(requestKey.isPresent()
                ? "does not match the private key of the pending certificate signing request: upload the certificate"
                        + " the CA signed for the last CSR generated on this node"
                : "does not match this node's key and no certificate signing request is pending: generate a CSR,"
                        + " have it signed, then upload the certificate");
    }

    private void check(X509Certificate leaf) {
        Instant now = Instant.now();
        if (leaf.getNotAfter().toInstant().isBefore(now)) {
            throw invalid("has expired (valid to " + leaf.getNotAfter().toInstant() + ")");
        }
        if (leaf.getNotBefore().toInstant().isAfter(now)) {
            throw invalid("is not valid yet (valid from " + leaf.getNotBefore().toInstant() + ")");
        }
        List<String> purposes;
        try {
            purposes = ServerCertificateView.extendedKeyUsages(leaf);
        } catch (CertificateParsingException e) {
            throw invalid("has an unreadable extended key usage extension");
        }
        if (!purposes.isEmpty() && !purposes.contains("Server Authentication")) {
            throw invalid("lacks the Server Authentication extended key usage: TLS clients would refuse it");
        }
        if (zones.unifiedCommunicationsEnabled() && !purposes.contains("Client Authentication")) {
            throw invalid(CLIENT_AUTH_REQUIRED);
        }
        boolean[] usage = leaf.getKeyUsage();
        if (usage != null && !usage[0]) {
            throw invalid("has a key usage without digitalSignature, which TLS needs");
        }
    }

    /** host.domain from System &gt; DNS, else the host name alone, else the machine's name. */
    private String nodeFqdn() {
        DnsSettings dns = settings.dns();
        String host = dns.getHostName();
        if (host == null || host.isBlank()) {
            return inUseCommonName();
        }
        String domain = dns.getDomainName();
        return domain == null || domain.isBlank() ? host : host + "." + domain;
    }

    private String inUseCommonName() {
        String subject = inUseChain().get(0).getSubjectX500Principal().getName();
        for (String part : subject.split(",")) {
            if (part.strip().startsWith("CN=")) {
                return part.strip().substring(3);
            }
        }
        return "localhost";
    }

    private static InvalidSettingsException invalid(String message) {
        return new InvalidSettingsException(Map.of(PemCertificates.FIELD, "The certificate " + message));
    }

    ServerKeyStore store() {
        return ServerKeyStore.ofNode();
    }
}
