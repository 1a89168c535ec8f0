package org.edgeway.engine.stun;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import org.edgeway.engine.stun.attribute.FingerprintAttribute;
import org.edgeway.engine.stun.attribute.MessageIntegrityAttribute;
import org.edgeway.engine.stun.attribute.MessageIntegritySha256Attribute;
import org.edgeway.engine.stun.attribute.StunAttribute;

/**
 * Encodes a {@link StunMessage}: header, attributes (each padded to 32 bits with zeros), then, if the message is
 * signed, MESSAGE-INTEGRITY and/or MESSAGE-INTEGRITY-SHA256 computed over everything before them with the length
 * adjusted (RFC 8489 sections 14.5-14.6), then FINGERPRINT if asked (section 14.7). Stateless and
 * {@code @Sharable}.
 */
@Sharable
public final class StunEncoder extends MessageToByteEncoder<StunMessage> {

    public static final StunEncoder INSTANCE = new StunEncoder();

    private StunEncoder() {
        super(StunMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, StunMessage msg, ByteBuf out) {
        encode(msg, out);
    }

    /** Encodes into a new buffer from {@code alloc}; the caller owns (and must release) it. */
    public static ByteBuf encode(StunMessage msg, ByteBufAllocator alloc) {
        ByteBuf out = alloc.buffer(256);
        try {
            encode(msg, out);
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    /** Encodes to a byte array (tests, fixtures). */
    public static byte[] encodeToBytes(StunMessage msg) {
        ByteBuf out = io.netty.buffer.Unpooled.buffer(256);
        try {
            encode(msg, out);
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            return bytes;
        } finally {
            out.release();
        }
    }

    /** Appends the encoded message to {@code out}. */
    public static void encode(StunMessage msg, ByteBuf out) {
        int start = out.writerIndex();
        byte[] tid = msg.transactionIdUnsafe();
        out.writeShort(msg.messageType());
        out.writeShort(0);
        out.writeInt(StunMessage.MAGIC_COOKIE);
        out.writeBytes(tid);
        for (StunAttribute attribute : msg.attributes()) {
            writeAttribute(out, attribute, tid);
        }
        StunMessage.Integrity integrity = msg.integrity();
        if (integrity == StunMessage.Integrity.SHA1 || integrity == StunMessage.Integrity.BOTH) {
            setLength(out, start, 24);
            byte[] hmac = MessageIntegrity.hmac(out, start, MessageIntegrity.SHA1, msg.integrityKey());
            out.writeShort(MessageIntegrityAttribute.TYPE);
            out.writeShort(20);
            out.writeBytes(hmac);
        }
        if (integrity == StunMessage.Integrity.SHA256 || integrity == StunMessage.Integrity.BOTH) {
            setLength(out, start, 36);
            byte[] hmac = MessageIntegrity.hmac(out, start, MessageIntegrity.SHA256, msg.integrityKey());
            out.writeShort(MessageIntegritySha256Attribute.TYPE);
            out.writeShort(32);
            out.writeBytes(hmac);
        }
        if (msg.fingerprint()) {
            setLength(out, start, 8);
            int crc = FingerprintAttribute.compute(out, start, out.writerIndex() - start);
            out.writeShort(FingerprintAttribute.TYPE);
            out.writeShort(4);
            out.writeInt(crc);
        }
        setLength(out, start, 0);
    }

    /** Sets the header length to the current size plus {@code extra} bytes still to come. */
    private static void setLength(ByteBuf out, int start, int extra) {
        int length = out.writerIndex() - start - StunMessage.HEADER_LENGTH + extra;
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("STUN message too long: " + length);
        }
        out.setShort(start + 2, length);
    }

    /** Writes one attribute: type, length, value, zero padding. */
    public static void writeAttribute(ByteBuf out, StunAttribute attribute, byte[] transactionId) {
        int headerAt = out.writerIndex();
        out.writeShort(attribute.type());
        out.writeShort(0);
        attribute.writeValue(out, transactionId);
        int length = out.writerIndex() - headerAt - 4;
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("attribute too long: " + length);
        }
        out.setShort(headerAt + 2, length);
        out.writeZero((4 - (length & 3)) & 3);
    }
}
