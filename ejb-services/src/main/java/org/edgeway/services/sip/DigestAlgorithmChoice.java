package org.edgeway.services.sip;

import java.util.Arrays;
import java.util.List;
import org.edgeway.engine.sip.auth.DigestAlgorithm;

/**
 * "Digest algorithms" on the SIP page: which challenges the node offers, most preferred first (RFC 8760). The
 * console, the API ({@code "digestAlgorithms"}) and the database use these names; the engine takes the list.
 * "MD5 only" is for clients that know only MD5 or, like SIPp, give up when the first challenge is SHA-256.
 */
public enum DigestAlgorithmChoice {

    SHA_256_AND_MD5("SHA-256 and MD5", List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5)),
    MD5("MD5 only", List.of(DigestAlgorithm.MD5)),
    SHA_256("SHA-256 only", List.of(DigestAlgorithm.SHA_256));

    private final String label;
    private final List<DigestAlgorithm> algorithms;

    DigestAlgorithmChoice(String label, List<DigestAlgorithm> algorithms) {
        this.label = label;
        this.algorithms = algorithms;
    }

    /** As the page and the configuration log show it. */
    public String getLabel() {
        return label;
    }

    /** The algorithms the engine offers, most preferred first. */
    List<DigestAlgorithm> forEngine() {
        return algorithms;
    }

    /** The choice that offers exactly {@code algorithms} (the engine's default gives the form's). */
    static DigestAlgorithmChoice of(List<DigestAlgorithm> algorithms) {
        return Arrays.stream(values()).filter(c -> c.algorithms.equals(algorithms)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no choice offers " + algorithms));
    }
}
