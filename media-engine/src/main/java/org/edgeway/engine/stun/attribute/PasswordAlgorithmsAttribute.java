package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.edgeway.engine.stun.PasswordAlgorithm;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * PASSWORD-ALGORITHMS (RFC 8489 section 14.11): "The PASSWORD-ALGORITHMS attribute may be present in requests and
 * responses. It contains the list of algorithms that the server can use to derive the long-term password. [...]
 * The set of known algorithms is maintained by IANA. The initial set defined by this specification is found in
 * Section 18.5." Each entry is a 16-bit Algorithm, a 16-bit parameters length and the padded parameters.
 *
 * <p>Used for bid-down protection (section 9.2.4): a request must echo the list exactly as the server sent it.
 *
 * @param algorithms the algorithm numbers in wire order (unknown numbers are kept so that echo checks are exact)
 */
public record PasswordAlgorithmsAttribute(List<Integer> algorithms) implements StunAttribute {

    public static final int TYPE = 0x8002;

    public PasswordAlgorithmsAttribute {
        algorithms = List.copyOf(algorithms);
    }

    /** The list a server offers, in preference order. */
    public static PasswordAlgorithmsAttribute of(List<PasswordAlgorithm> algorithms) {
        return new PasswordAlgorithmsAttribute(algorithms.stream().map(PasswordAlgorithm::number).toList());
    }

    @Override
    public int type() {
        return TYPE;
    }

    public static PasswordAlgorithmsAttribute decode(ByteBuf value, byte[] transactionId)
            throws StunDecoderException {
        List<Integer> list = new ArrayList<>();
        int idx = value.readerIndex();
        int end = value.writerIndex();
        while (idx < end) {
            if (end - idx < 4) {
                throw StunDecoderException.badAttribute("PASSWORD-ALGORITHMS truncated");
            }
            list.add(value.getUnsignedShort(idx));
            int len = (value.getUnsignedShort(idx + 2) + 3) & ~3;
            idx += 4 + len;
            if (idx > end || list.size() > 64) {
                throw StunDecoderException.badAttribute("PASSWORD-ALGORITHMS truncated");
            }
        }
        return new PasswordAlgorithmsAttribute(list);
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        for (int a : algorithms) {
            out.writeShort(a);
            out.writeShort(0);
        }
    }
}
