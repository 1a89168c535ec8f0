package org.edgeway.engine.sip.dialog;

import org.edgeway.engine.sip.message.NameAddr;
import org.edgeway.engine.sip.transport.Flow;

/**
 * One side of a dialog as this node saw it, enough to send that side a BYE: the flow to it, its Contact, its
 * identity (From for the caller, To with tag for the callee) and the Route set toward it.
 *
 * @param flow    where its messages came from / went
 * @param contact its remote target, null until known
 * @param self    its name-addr with its tag (null until the callee answered)
 * @param routes  Route values toward it, nearest first
 */
record CallLeg(Flow flow, NameAddr contact, NameAddr self, java.util.List<String> routes) {

    String address() {
        return flow.transport() + ":" + flow.remote().getAddress().getHostAddress() + ":" + flow.remote().getPort();
    }
}
