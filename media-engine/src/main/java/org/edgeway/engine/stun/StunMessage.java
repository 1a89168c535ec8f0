package org.edgeway.engine.stun;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.edgeway.engine.stun.attribute.ErrorCodeAttribute;
import org.edgeway.engine.stun.attribute.FingerprintAttribute;
import org.edgeway.engine.stun.attribute.MessageIntegrityAttribute;
import org.edgeway.engine.stun.attribute.MessageIntegritySha256Attribute;
import org.edgeway.engine.stun.attribute.StunAttribute;
import org.edgeway.engine.stun.attribute.UnknownAttribute;

/**
 * An immutable STUN message (RFC 8489 section 5): "All STUN messages comprise a 20-byte header followed by zero or
 * more attributes. The STUN header contains a STUN message type, message length, magic cookie, and transaction
 * ID."
 *
 * <p>A decoded message also keeps its raw bytes and the offsets of MESSAGE-INTEGRITY(-SHA256), so that
 * {@link #verifyIntegrity(byte[])} can check the HMAC over the bytes exactly as received. A message to be sent can
 * carry a signing key: {@link StunEncoder} then appends MESSAGE-INTEGRITY or MESSAGE-INTEGRITY-SHA256 (and
 * FINGERPRINT when asked) after the listed attributes.
 */
public final class StunMessage {

    /** RFC 8489 section 5: "The Magic Cookie field MUST contain the fixed value 0x2112A442 in network byte order." */
    public static final int MAGIC_COOKIE = 0x2112A442;
    public static final int HEADER_LENGTH = 20;
    public static final int TRANSACTION_ID_LENGTH = 12;

    /** Which integrity attribute(s) the encoder appends. */
    public enum Integrity {
        NONE, SHA1, SHA256, BOTH
    }

    private final StunClass messageClass;
    private final int method;
    private final byte[] transactionId;
    private final List<StunAttribute> attributes;
    private final byte[] integrityKey;
    private final Integrity integrity;
    private final boolean fingerprint;
    // decoded messages only
    private final byte[] raw;
    private final int integrityOffset;
    private final int integritySha256Offset;
    private final List<Integer> unknownRequired;

    private StunMessage(Builder b, byte[] raw, int integrityOffset, int integritySha256Offset,
            List<Integer> unknownRequired) {
        this.messageClass = Objects.requireNonNull(b.messageClass, "class");
        this.method = b.method;
        this.transactionId = b.transactionId;
        this.attributes = Collections.unmodifiableList(new ArrayList<>(b.attributes));
        this.integrityKey = b.integrityKey;
        this.integrity = b.integrity;
        this.fingerprint = b.fingerprint;
        this.raw = raw;
        this.integrityOffset = integrityOffset;
        this.integritySha256Offset = integritySha256Offset;
        this.unknownRequired = unknownRequired;
    }

    // ---------------------------------------------------------------- factories

    public static Builder builder(StunClass cls, int method) {
        return new Builder(cls, method, randomTransactionId());
    }

    public static Builder builder(StunClass cls, int method, byte[] transactionId) {
        return new Builder(cls, method, transactionId);
    }

    /** A request with a fresh random transaction ID. */
    public static Builder request(int method) {
        return builder(StunClass.REQUEST, method);
    }

    /** A success response to {@code request} (same method and transaction ID). */
    public static Builder successResponse(StunMessage request) {
        return new Builder(StunClass.SUCCESS_RESPONSE, request.method, request.transactionId);
    }

    /** An error response to {@code request} carrying ERROR-CODE with the standard reason phrase. */
    public static Builder errorResponse(StunMessage request, int code) {
        return new Builder(StunClass.ERROR_RESPONSE, request.method, request.transactionId)
                .add(new ErrorCodeAttribute(code, StunErrorCode.reason(code)));
    }

    /** RFC 8489 section 5: "The transaction ID MUST be uniformly and randomly chosen from the interval 0 .. 2**96-1". */
    public static byte[] randomTransactionId() {
        byte[] id = new byte[TRANSACTION_ID_LENGTH];
        ThreadLocalRandom.current().nextBytes(id);
        return id;
    }

    static StunMessage decoded(Builder b, byte[] raw, int integrityOffset, int integritySha256Offset,
            List<Integer> unknownRequired) {
        return new StunMessage(b, raw, integrityOffset, integritySha256Offset, List.copyOf(unknownRequired));
    }

    // ---------------------------------------------------------------- accessors

    public StunClass messageClass() {
        return messageClass;
    }

    public int method() {
        return method;
    }

    /** The 16-bit message type on the wire. */
    public int messageType() {
        return StunMethod.messageType(method, messageClass);
    }

    /** A copy of the transaction ID. */
    public byte[] transactionId() {
        return transactionId.clone();
    }

    byte[] transactionIdUnsafe() {
        return transactionId;
    }

    public boolean isRequest() {
        return messageClass == StunClass.REQUEST;
    }

    public List<StunAttribute> attributes() {
        return attributes;
    }

    /** The first attribute of the given class, or null. RFC 8489 section 14: only the first occurrence counts. */
    public <T extends StunAttribute> T get(Class<T> type) {
        for (StunAttribute a : attributes) {
            if (type.isInstance(a)) {
                return type.cast(a);
            }
        }
        return null;
    }

    /** The first attribute with the given type code, or null. */
    public StunAttribute get(int type) {
        for (StunAttribute a : attributes) {
            if (a.type() == type) {
                return a;
            }
        }
        return null;
    }

    /** All attributes of a class, in order (e.g. several XOR-PEER-ADDRESS in CreatePermission). */
    public <T extends StunAttribute> List<T> getAll(Class<T> type) {
        List<T> list = new ArrayList<>(2);
        for (StunAttribute a : attributes) {
            if (type.isInstance(a)) {
                list.add(type.cast(a));
            }
        }
        return list;
    }

    public boolean has(int type) {
        return get(type) != null;
    }

    /** Unknown comprehension-required attribute types (before MESSAGE-INTEGRITY) of a decoded message. */
    public List<Integer> unknownComprehensionRequired() {
        if (unknownRequired != null) {
            return unknownRequired;
        }
        List<Integer> list = new ArrayList<>();
        for (StunAttribute a : attributes) {
            if (a instanceof UnknownAttribute && a.comprehensionRequired()) {
                list.add(a.type());
            }
        }
        return list;
    }

    /** The error code of an error response, or 0. */
    public int errorCode() {
        ErrorCodeAttribute e = get(ErrorCodeAttribute.class);
        return e == null ? 0 : e.code();
    }

    byte[] integrityKey() {
        return integrityKey;
    }

    Integrity integrity() {
        return integrity;
    }

    boolean fingerprint() {
        return fingerprint;
    }

    /** True if this (decoded) message carried a FINGERPRINT. */
    public boolean hasFingerprint() {
        return has(FingerprintAttribute.TYPE);
    }

    /** True if this (decoded) message carried MESSAGE-INTEGRITY. */
    public boolean hasIntegrity() {
        return has(MessageIntegrityAttribute.TYPE);
    }

    /** True if this (decoded) message carried MESSAGE-INTEGRITY-SHA256. */
    public boolean hasIntegritySha256() {
        return has(MessageIntegritySha256Attribute.TYPE);
    }

    /** The raw bytes of a decoded message (a copy), or null for a built one. */
    public byte[] raw() {
        return raw == null ? null : raw.clone();
    }

    /**
     * Checks MESSAGE-INTEGRITY (HMAC-SHA1, RFC 8489 section 14.5) with {@code key} over the bytes as received.
     *
     * @return false if absent or wrong
     */
    public boolean verifyIntegrity(byte[] key) {
        MessageIntegrityAttribute mi = get(MessageIntegrityAttribute.class);
        return mi != null && raw != null && integrityOffset >= 0
                && MessageIntegrity.verify(raw, integrityOffset, MessageIntegrity.SHA1, key, mi.value());
    }

    /**
     * Checks MESSAGE-INTEGRITY-SHA256 (RFC 8489 section 14.6), accepting a truncated value of at least 16 bytes.
     *
     * @return false if absent or wrong
     */
    public boolean verifyIntegritySha256(byte[] key) {
        MessageIntegritySha256Attribute mi = get(MessageIntegritySha256Attribute.class);
        return mi != null && raw != null && integritySha256Offset >= 0
                && MessageIntegrity.verify(raw, integritySha256Offset, MessageIntegrity.SHA256, key, mi.value());
    }

    /** A builder initialised with this message's header and attributes (to re-sign or amend it). */
    public Builder toBuilder() {
        Builder b = new Builder(messageClass, method, transactionId);
        attributes.forEach(b::add);
        b.integrityKey = integrityKey;
        b.integrity = integrity;
        b.fingerprint = fingerprint;
        return b;
    }

    @Override
    public String toString() {
        return StunMethod.name(method) + " " + messageClass + " " + HexFormat.of().formatHex(transactionId) + " "
                + attributes;
    }

    /** Builds messages; attributes are written in the order added. */
    public static final class Builder {
        private final StunClass messageClass;
        private final int method;
        private final byte[] transactionId;
        private final List<StunAttribute> attributes = new ArrayList<>(8);
        private byte[] integrityKey;
        private Integrity integrity = Integrity.NONE;
        private boolean fingerprint;

        Builder(StunClass messageClass, int method, byte[] transactionId) {
            if (transactionId.length != TRANSACTION_ID_LENGTH) {
                throw new IllegalArgumentException("transaction ID must be 12 bytes");
            }
            if (method < 0 || method > 0xFFF) {
                throw new IllegalArgumentException("method out of range: " + method);
            }
            this.messageClass = messageClass;
            this.method = method;
            this.transactionId = transactionId.clone();
        }

        public Builder add(StunAttribute attribute) {
            attributes.add(Objects.requireNonNull(attribute));
            return this;
        }

        /** Adds the attribute if not null. */
        public Builder addIfPresent(StunAttribute attribute) {
            if (attribute != null) {
                attributes.add(attribute);
            }
            return this;
        }

        /** Signs with MESSAGE-INTEGRITY (HMAC-SHA1) and/or MESSAGE-INTEGRITY-SHA256 using {@code key}. */
        public Builder integrity(byte[] key, Integrity mode) {
            this.integrityKey = mode == Integrity.NONE ? null : key.clone();
            this.integrity = mode;
            return this;
        }

        /** Appends FINGERPRINT (RFC 8489 section 14.7) as the last attribute. */
        public Builder fingerprint(boolean on) {
            this.fingerprint = on;
            return this;
        }

        public StunMessage build() {
            return new StunMessage(this, null, -1, -1, null);
        }

        List<StunAttribute> attributes() {
            return attributes;
        }

        byte[] attributesTid() {
            return transactionId;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StunMessage m && m.messageClass == messageClass && m.method == method
                && Arrays.equals(m.transactionId, transactionId) && m.attributes.equals(attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageClass, method, Arrays.hashCode(transactionId), attributes);
    }
}
