package org.edgeway.engine.sip.dialog;

import java.util.List;
import java.util.function.Function;
import org.edgeway.engine.sip.message.HeaderNames;
import org.edgeway.engine.sip.message.Responses;
import org.edgeway.engine.sip.message.SipMessage;
import org.edgeway.engine.sip.message.Via;
import org.edgeway.engine.sip.transaction.ClientTransaction;
import org.edgeway.engine.sip.transaction.TransactionLayer;
import org.edgeway.engine.zones.ZoneConfig.Transport;

/**
 * Sends a BYE into one side of a dialog on behalf of the other (RFC 3261 15.1.1): to that side's Contact, along its
 * Route set, on the flow its messages used, in a client transaction whose answer nobody waits for.
 */
final class ByeSender {

    static final ClientTransaction.Listener IGNORE = new ClientTransaction.Listener() {
        @Override
        public void onResponse(ClientTransaction tx, SipMessage response) {
        }

        @Override
        public void onTimeout(ClientTransaction tx) {
        }

        @Override
        public void onTransportError(ClientTransaction tx, Throwable cause) {
        }
    };

    private final TransactionLayer layer;
    private final Function<Transport, String> sentBy;

    ByeSender(TransactionLayer layer, Function<Transport, String> sentBy) {
        this.layer = layer;
        this.sentBy = sentBy;
    }

    /** A BYE to {@code to} from {@code from} (its name-addr with tag), CSeq {@code cseq}. */
    void send(String callId, CallLeg to, org.edgeway.engine.sip.message.NameAddr from, long cseq) {
        if (to.contact() == null || to.self() == null || from == null) {
            return; // a side that never gave its target or tag cannot be addressed inside the dialog
        }
        SipMessage bye = SipMessage.request("BYE", to.contact().uri(), List.of(), new byte[0]);
        Transport transport = to.flow().transport();
        bye.addHeader(HeaderNames.VIA, "SIP/2.0/" + transport + " " + sentBy.apply(transport) + ";branch="
                + Via.MAGIC_COOKIE + "ewbye" + Responses.tag() + ";rport");
        for (String route : to.routes()) {
            bye.addHeader(HeaderNames.ROUTE, route);
        }
        bye.addHeader(HeaderNames.MAX_FORWARDS, "70");
        bye.addHeader(HeaderNames.FROM, from.toString());
        bye.addHeader(HeaderNames.TO, to.self().toString());
        bye.addHeader(HeaderNames.CALL_ID, callId);
        bye.addHeader(HeaderNames.CSEQ, cseq + " BYE");
        layer.send(bye, to.flow(), IGNORE);
    }
}
