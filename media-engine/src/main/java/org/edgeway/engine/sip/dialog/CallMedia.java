package org.edgeway.engine.sip.dialog;

import java.util.List;
import org.edgeway.engine.calls.MediaChannel;
import org.edgeway.engine.calls.MediaEncryption;

/** The media a node relays for one call (its B2BUA path), as the call record shows it. */
public interface CallMedia {

    /** Channels facing the caller, with their counters now. */
    List<MediaChannel> callerSide();

    /** Channels facing the callee. */
    List<MediaChannel> calleeSide();

    /** Media encryption of the caller's leg. */
    MediaEncryption callerEncryption();

    /** Media encryption of the callee's leg. */
    MediaEncryption calleeEncryption();

    /** Nanos (System.nanoTime) of the last media packet in either direction, or of the set-up before any. */
    long lastPacketNanos();

    /** Releases the ports. Idempotent. */
    void close();
}
