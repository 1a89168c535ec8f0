package org.edgeway.engine.stun;

import io.netty.buffer.ByteBuf;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.edgeway.engine.stun.attribute.FingerprintAttribute;

/**
 * HMAC computation for MESSAGE-INTEGRITY (RFC 8489 section 14.5) and MESSAGE-INTEGRITY-SHA256 (section 14.6), and
 * the CRC-32 of FINGERPRINT (section 14.7).
 *
 * <p>Section 14.5: "The text used as input to HMAC is the STUN message, up to and including the attribute preceding
 * the MESSAGE-INTEGRITY attribute. The Length field of the STUN message header is adjusted to point to the end of
 * the MESSAGE-INTEGRITY attribute. The value of the MESSAGE-INTEGRITY attribute is set to a dummy value." Mac
 * instances are cached per thread.
 */
public final class MessageIntegrity {

    static final String SHA1 = "HmacSHA1";
    static final String SHA256 = "HmacSHA256";

    private static final ThreadLocal<Mac> HMAC_SHA1 = ThreadLocal.withInitial(() -> mac(SHA1));
    private static final ThreadLocal<Mac> HMAC_SHA256 = ThreadLocal.withInitial(() -> mac(SHA256));

    private MessageIntegrity() {
    }

    private static Mac mac(String algorithm) {
        try {
            return Mac.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " missing from the JDK", e);
        }
    }

    private static Mac init(String algorithm, byte[] key) {
        Mac mac = (SHA1.equals(algorithm) ? HMAC_SHA1 : HMAC_SHA256).get();
        try {
            mac.init(new SecretKeySpec(key, algorithm));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("bad HMAC key", e);
        }
        return mac;
    }

    /** HMAC-SHA1 of arbitrary data (also used for TURN REST API passwords). */
    public static byte[] hmacSha1(byte[] key, byte[] data) {
        return init(SHA1, key).doFinal(data);
    }

    /** HMAC-SHA256 of arbitrary data. */
    public static byte[] hmacSha256(byte[] key, byte[] data) {
        return init(SHA256, key).doFinal(data);
    }

    /**
     * The HMAC over {@code raw[0..attributeOffset)} with the header length adjusted to end after the integrity
     * attribute of {@code attributeLength} bytes (header included).
     */
    static byte[] compute(byte[] raw, int attributeOffset, String algorithm, byte[] key) {
        int attributeLength = SHA1.equals(algorithm) ? 24 : 36;
        Mac mac = init(algorithm, key);
        int adjusted = attributeOffset - StunMessage.HEADER_LENGTH + attributeLength;
        mac.update(raw, 0, 2);
        mac.update((byte) (adjusted >>> 8));
        mac.update((byte) adjusted);
        mac.update(raw, 4, attributeOffset - 4);
        return mac.doFinal();
    }

    static boolean verify(byte[] raw, int attributeOffset, String algorithm, byte[] key, byte[] received) {
        byte[] expected = compute(raw, attributeOffset, algorithm, key);
        if (received.length < expected.length) {
            // MESSAGE-INTEGRITY-SHA256 may be truncated to 16..28 bytes (section 14.6)
            byte[] truncated = new byte[received.length];
            System.arraycopy(expected, 0, truncated, 0, received.length);
            expected = truncated;
        }
        return MessageDigest.isEqual(expected, received);
    }

    /** The HMAC of {@code out[start..writerIndex)} (header length already patched by the caller). */
    static byte[] hmac(ByteBuf out, int start, String algorithm, byte[] key) {
        Mac mac = init(algorithm, key);
        mac.update(out.nioBuffer(start, out.writerIndex() - start));
        return mac.doFinal();
    }
}
