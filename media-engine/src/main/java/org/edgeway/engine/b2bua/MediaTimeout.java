package org.edgeway.engine.b2bua;

import java.util.function.Supplier;
import org.edgeway.engine.rtp.MediaRelay;
import org.edgeway.engine.sip.dialog.CallMedia;
import org.edgeway.engine.sip.dialog.CallTracker;
import org.edgeway.engine.sip.dialog.TrackedCall;

/**
 * Ends answered calls whose relayed media has been silent both ways for the relay's media timeout (a peer gone
 * without a BYE): BYE to both sides, reason "Media timeout". Calls whose media ICE moved off this node are not
 * watched. Run periodically on an event loop.
 */
public final class MediaTimeout implements Runnable {

    public static final String REASON = "Media timeout";

    private final CallTracker calls;
    private final Supplier<MediaRelay> relay;

    public MediaTimeout(CallTracker calls, Supplier<MediaRelay> relay) {
        this.calls = calls;
        this.relay = relay;
    }

    @Override
    public void run() {
        MediaRelay r = relay.get();
        if (r == null) {
            return;
        }
        long limit = r.config().mediaTimeout().toNanos();
        long now = System.nanoTime();
        for (TrackedCall call : calls.calls()) {
            CallMedia media = call.media();
            if (call.mediaHere() && call.confirmed() && now - media.lastPacketNanos() > limit) {
                calls.hangUp(call, REASON);
            }
        }
    }
}
