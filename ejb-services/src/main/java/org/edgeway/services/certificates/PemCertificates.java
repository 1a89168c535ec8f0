package org.edgeway.services.certificates;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.edgeway.services.validation.InvalidSettingsException;

/**
 * Reads an upload of one or many PEM certificates: each BEGIN/END CERTIFICATE block is parsed on its own by the
 * JDK's CertificateFactory, so a bad block is named by its position and nothing of the upload is accepted.
 */
final class PemCertificates {

    static final String FIELD = "pem";
    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";
    private static final Pattern ANY_BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");

    /** One parsed certificate with its canonical PEM. */
    record Parsed(X509Certificate certificate, String pem, String fingerprint) {
    }

    private PemCertificates() {
    }

    static List<Parsed> parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("is empty: paste or upload one or more PEM certificates");
        }
        Matcher other = ANY_BEGIN.matcher(text);
        while (other.find()) {
            if (!other.group(1).equals("CERTIFICATE")) {
                throw invalid("contains a " + other.group(1) + " block: only CERTIFICATE blocks are accepted"
                        + " (never upload a private key)");
            }
        }
        List<Parsed> result = new ArrayList<>();
        int at = text.indexOf(BEGIN);
        while (at >= 0) {
            int end = text.indexOf(END, at);
            if (end < 0) {
                throw invalid("certificate " + (result.size() + 1) + " has no " + END + " line");
            }
            result.add(parse(result.size() + 1, text.substring(at + BEGIN.length(), end)));
            at = text.indexOf(BEGIN, end);
        }
        if (result.isEmpty()) {
            throw invalid("contains no " + BEGIN + " ... " + END + " block");
        }
        return result;
    }

    private static Parsed parse(int n, String base64) {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw invalid("certificate " + n + " is not valid base64");
        }
        try {
            X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            return new Parsed(c, pem(c), fingerprint(c));
        } catch (CertificateException | ClassCastException e) {
            throw invalid("certificate " + n + " is not a valid X.509 certificate");
        }
    }

    static String pem(X509Certificate c) throws CertificateEncodingException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(c.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    /** SHA-256 of the DER encoding, as colon-separated upper-case hex. */
    static String fingerprint(X509Certificate c) throws CertificateEncodingException {
        return fingerprint("SHA-256", c);
    }

    /** A digest of the DER encoding, as colon-separated upper-case hex. */
    static String fingerprint(String algorithm, X509Certificate c) throws CertificateEncodingException {
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(c.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InvalidSettingsException invalid(String message) {
        return new InvalidSettingsException(Map.of(FIELD, message));
    }
}
