package org.edgeway.engine.sip.transaction;

import java.util.function.Consumer;
import org.edgeway.engine.sip.message.SipMessage;
import org.edgeway.engine.sip.transport.Flow;

/** Encodes and sends a message along a flow; transport failures are reported to {@code onError}. */
@FunctionalInterface
public interface Sender {

    void send(SipMessage message, Flow flow, Consumer<Throwable> onError);
}
