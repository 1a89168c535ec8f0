package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.Arrays;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * DATA (RFC 8656 section 18.4): "The DATA attribute is present in all Send indications. If the ICMP attribute is
 * not present in a Data indication, it contains a DATA attribute. The value portion of this attribute is variable
 * length and consists of the application data (that is, the data that would immediately follow the UDP header if
 * the data was sent directly between the client and the peer). The application data is equivalent to the
 * \"UDP user data\" and does not include the \"surplus area\" defined in Section 4 of [UDP-OPT]."
 *
 * <p>This model copies the data; the TURN server's relay path reads DATA in place without this class.
 */
public final class DataAttribute implements StunAttribute {

    public static final int TYPE = 0x0013;

    private final byte[] data;

    public DataAttribute(byte[] data) {
        if (data.length > 0xFFFF) {
            throw new IllegalArgumentException("DATA too long: " + data.length);
        }
        this.data = data.clone();
    }

    @Override
    public int type() {
        return TYPE;
    }

    /** A copy of the application data. */
    public byte[] data() {
        return data.clone();
    }

    public int length() {
        return data.length;
    }

    public static DataAttribute decode(ByteBuf value, byte[] transactionId) throws StunDecoderException {
        return new DataAttribute(ByteBufUtil.getBytes(value));
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        out.writeBytes(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataAttribute other && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "DATA[" + data.length + " bytes]";
    }
}
