package org.edgeway.services.sip;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.edgeway.engine.calls.CallComponent;
import org.edgeway.engine.calls.CallRecord;
import org.edgeway.engine.calls.MediaChannel;

/**
 * A call now going through this node, as the SIP status shows it: its serial number and tag, where it was going,
 * its components in order (SIP, B2BUA, SIP) and what each relayed media channel has carried so far.
 */
public record ActiveCall(String serialNumber, String tag, String destinationAlias, List<String> components,
        List<Channel> media) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * One relayed channel: the index of its component, its name ("audio RTP"), the peer it comes from and the
     * node's address it arrives at ("ip:port"), packets and bytes so far.
     */
    public record Channel(int component, String name, String from, String to, long packets, long bytes)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    static ActiveCall of(CallRecord r) {
        List<String> components = new ArrayList<>();
        List<Channel> media = new ArrayList<>();
        for (int i = 0; i < r.components().size(); i++) {
            CallComponent c = r.components().get(i);
            components.add(c.type().label());
            for (MediaChannel m : c.media()) {
                media.add(new Channel(i, m.name(), m.from(), m.to(), m.packets(), m.bytes()));
            }
        }
        return new ActiveCall(r.serialNumber(), r.tag(), r.destinationAlias(), components, media);
    }
}
