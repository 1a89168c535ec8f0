package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import org.edgeway.engine.stun.StunDecoderException;

/** UTF-8 text attribute values with the byte limits RFC 8489 section 14 sets. */
final class TextCodec {

    private TextCodec() {
    }

    static String decode(ByteBuf value, int maxBytes, String name) throws StunDecoderException {
        if (value.readableBytes() > maxBytes) {
            throw StunDecoderException.badAttribute(name + " longer than " + maxBytes + " bytes");
        }
        return value.toString(StandardCharsets.UTF_8);
    }

    static byte[] encode(String text, int maxBytes, String name) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxBytes) {
            throw new IllegalArgumentException(name + " longer than " + maxBytes + " bytes");
        }
        return bytes;
    }
}
