/**
 * SRTP and SRTCP (RFC 3711) with the AES_CM_128_HMAC_SHA1_80 crypto suite of SDES (RFC 4568), on the JCE: key
 * derivation (4.3), AES counter mode (4.1.1), HMAC-SHA1 authentication truncated to 80 bits (4.2), replay-free
 * index estimation with the rollover counter (3.3.1). Checked against RFC 3711's appendix B test vectors.
 */
package org.edgeway.engine.srtp;
