package org.edgeway.engine.sip.transaction;

import java.util.function.Consumer;
import java.util.function.Function;
import org.edgeway.engine.sip.message.SipMessage;
import org.edgeway.engine.sip.transport.Flow;

/**
 * Encodes and sends a message along a flow; transport failures are reported to {@code onError}. A transaction that
 * may have to resend a response keeps its bytes rather than the parsed message (a tenth of the memory).
 */
public interface Sender {

    byte[] encode(SipMessage message);

    void send(byte[] encoded, Flow flow, Consumer<Throwable> onError);

    default void send(SipMessage message, Flow flow, Consumer<Throwable> onError) {
        send(encode(message), flow, onError);
    }

    /** Bytes to a flow. */
    @FunctionalInterface
    interface Transport {
        void send(byte[] encoded, Flow flow, Consumer<Throwable> onError);
    }

    static Sender of(Function<SipMessage, byte[]> encoder, Transport transport) {
        return new Sender() {
            @Override
            public byte[] encode(SipMessage message) {
                return encoder.apply(message);
            }

            @Override
            public void send(byte[] encoded, Flow flow, Consumer<Throwable> onError) {
                transport.send(encoded, flow, onError);
            }
        };
    }
}
