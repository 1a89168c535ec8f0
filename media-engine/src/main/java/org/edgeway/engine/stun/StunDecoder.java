package org.edgeway.engine.stun;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.ArrayList;
import java.util.List;
import org.edgeway.engine.stun.attribute.FingerprintAttribute;
import org.edgeway.engine.stun.attribute.MessageIntegrityAttribute;
import org.edgeway.engine.stun.attribute.MessageIntegritySha256Attribute;
import org.edgeway.engine.stun.attribute.StunAttribute;
import org.edgeway.engine.stun.attribute.StunAttributes;
import org.edgeway.engine.stun.attribute.UnknownAttribute;

/**
 * Decodes one complete STUN message (a UDP datagram's payload or one framed TCP message) into a
 * {@link StunMessage}. In a pipeline it turns each inbound {@link ByteBuf} into a message and drops (and counts)
 * what is not STUN; {@link #decode(ByteBuf)} is the same logic for direct use.
 *
 * <p>Validation (RFC 8489 section 6.3): the two most significant bits must be zero, the magic cookie must match,
 * the length must be a multiple of 4 and equal the bytes present, and a FINGERPRINT, if present, must be last and
 * correct; failures are "not STUN" and are discarded. A malformed value of a known attribute in a valid header
 * gives an exception that {@linkplain StunDecoderException#isAnswerable() can be answered} with 400.
 * Section 14.5: "agents MUST ignore all other attributes that follow MESSAGE-INTEGRITY", except
 * MESSAGE-INTEGRITY-SHA256 and FINGERPRINT.
 *
 * <p>Limits: at most {@link #maxMessageSize()} bytes and {@link #MAX_ATTRIBUTES} attributes per message.
 */
public final class StunDecoder extends MessageToMessageDecoder<ByteBuf> {

    /** Default upper bound on a message (header included): a maximum-size UDP payload. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 65_507;
    /** Attributes beyond this count make the message malformed. */
    public static final int MAX_ATTRIBUTES = 64;

    private static final StunDecoder DEFAULT = new StunDecoder(DEFAULT_MAX_MESSAGE_SIZE);

    private final int maxMessageSize;
    private long dropped;

    public StunDecoder(int maxMessageSize) {
        if (maxMessageSize < StunMessage.HEADER_LENGTH) {
            throw new IllegalArgumentException("maxMessageSize too small");
        }
        this.maxMessageSize = maxMessageSize;
    }

    public int maxMessageSize() {
        return maxMessageSize;
    }

    /** Messages dropped by this pipeline decoder instance. */
    public long dropped() {
        return dropped;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf msg, List<Object> out) {
        try {
            out.add(decode(msg));
        } catch (StunDecoderException e) {
            dropped++;
        }
    }

    /** Decodes with the default limits. */
    public static StunMessage decodeMessage(ByteBuf buf) throws StunDecoderException {
        return DEFAULT.decode(buf);
    }

    /** Quick check used for demultiplexing (RFC 7983): first two bits zero and the magic cookie in place. */
    public static boolean looksLikeStun(ByteBuf buf) {
        int i = buf.readerIndex();
        return buf.readableBytes() >= StunMessage.HEADER_LENGTH && (buf.getUnsignedByte(i) & 0xC0) == 0
                && buf.getInt(i + 4) == StunMessage.MAGIC_COOKIE;
    }

    /**
     * Decodes the readable bytes of {@code buf} as exactly one message. Does not move the reader index and does
     * not release the buffer.
     */
    public StunMessage decode(ByteBuf buf) throws StunDecoderException {
        int start = buf.readerIndex();
        int size = buf.readableBytes();
        if (size < StunMessage.HEADER_LENGTH) {
            throw StunDecoderException.notStun("shorter than a STUN header");
        }
        if (size > maxMessageSize) {
            throw StunDecoderException.notStun("larger than " + maxMessageSize + " bytes");
        }
        int type = buf.getUnsignedShort(start);
        if ((type & 0xC000) != 0) {
            throw StunDecoderException.notStun("leading bits not zero");
        }
        int length = buf.getUnsignedShort(start + 2);
        if (buf.getInt(start + 4) != StunMessage.MAGIC_COOKIE) {
            throw StunDecoderException.notStun("no magic cookie");
        }
        if ((length & 3) != 0) {
            throw StunDecoderException.notStun("length not a multiple of 4");
        }
        if (length + StunMessage.HEADER_LENGTH != size) {
            throw StunDecoderException.notStun("length field does not match the message size");
        }
        byte[] raw = new byte[size];
        buf.getBytes(start, raw);
        byte[] tid = new byte[StunMessage.TRANSACTION_ID_LENGTH];
        System.arraycopy(raw, 8, tid, 0, tid.length);
        int method = StunMethod.methodOf(type);
        StunClass cls = StunMethod.classOf(type);
        StunMessage.Builder builder = new StunMessage.Builder(cls, method, tid);
        try {
            return parseAttributes(buf, start, size, raw, builder);
        } catch (StunDecoderException e) {
            throw e.withHeader(new StunMessage.Builder(cls, method, tid).build());
        } catch (RuntimeException e) {
            throw StunDecoderException.badAttribute("malformed attribute: " + e.getMessage())
                    .withHeader(new StunMessage.Builder(cls, method, tid).build());
        }
    }

    private static StunMessage parseAttributes(ByteBuf buf, int start, int size, byte[] raw,
            StunMessage.Builder builder) throws StunDecoderException {
        byte[] tid = builder.attributesTid();
        int offset = StunMessage.HEADER_LENGTH;
        int integrityOffset = -1;
        int integritySha256Offset = -1;
        boolean fingerprintSeen = false;
        int count = 0;
        List<Integer> unknownRequired = new ArrayList<>(0);
        while (offset < size) {
            if (size - offset < 4) {
                throw StunDecoderException.notStun("truncated attribute header");
            }
            int type = buf.getUnsignedShort(start + offset);
            int length = buf.getUnsignedShort(start + offset + 2);
            int padded = (length + 3) & ~3;
            if (offset + 4 + padded > size) {
                throw StunDecoderException.notStun("attribute runs past the message end");
            }
            if (fingerprintSeen) {
                throw StunDecoderException.notStun("FINGERPRINT is not the last attribute");
            }
            if (++count > MAX_ATTRIBUTES) {
                throw StunDecoderException.badAttribute("more than " + MAX_ATTRIBUTES + " attributes");
            }
            boolean ignored = (integritySha256Offset >= 0 && type != FingerprintAttribute.TYPE)
                    || (integrityOffset >= 0 && type != MessageIntegritySha256Attribute.TYPE
                            && type != FingerprintAttribute.TYPE);
            if (!ignored) {
                StunAttribute attribute = StunAttributes.decode(type, buf.slice(start + offset + 4, length), tid);
                switch (type) {
                    case MessageIntegrityAttribute.TYPE -> integrityOffset = offset;
                    case MessageIntegritySha256Attribute.TYPE -> integritySha256Offset = offset;
                    case FingerprintAttribute.TYPE -> {
                        fingerprintSeen = true;
                        int expected = FingerprintAttribute.compute(raw, offset);
                        if (((FingerprintAttribute) attribute).crc() != expected) {
                            throw StunDecoderException.notStun("FINGERPRINT mismatch");
                        }
                    }
                    default -> {
                        if (attribute instanceof UnknownAttribute && type < 0x8000) {
                            unknownRequired.add(type);
                        }
                    }
                }
                builder.add(attribute);
            }
            offset += 4 + padded;
        }
        return StunMessage.decoded(builder, raw, integrityOffset, integritySha256Offset, unknownRequired);
    }
}
