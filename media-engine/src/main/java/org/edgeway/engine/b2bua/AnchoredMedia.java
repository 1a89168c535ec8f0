package org.edgeway.engine.b2bua;

import java.util.ArrayList;
import java.util.List;
import org.edgeway.engine.calls.MediaChannel;
import org.edgeway.engine.calls.MediaEncryption;
import org.edgeway.engine.rtp.RelayedStream;
import org.edgeway.engine.sip.dialog.CallMedia;

/**
 * The relayed streams of one call, one per accepted m= line of its offers (null where the line was rejected or
 * removed). The list changes as re-offers add and remove lines; readers (the record, the media timeout) copy it.
 */
final class AnchoredMedia implements CallMedia {

    private final List<RelayedStream> streams;
    private final long openedNanos = System.nanoTime();
    private volatile boolean closed;
    private final MediaEncryption callerEncryption;
    private final MediaEncryption calleeEncryption;

    AnchoredMedia(List<RelayedStream> streams, MediaEncryption callerEncryption, MediaEncryption calleeEncryption) {
        this.streams = streams;
        this.callerEncryption = callerEncryption;
        this.calleeEncryption = calleeEncryption;
    }

    @Override
    public MediaEncryption callerEncryption() {
        return callerEncryption;
    }

    @Override
    public MediaEncryption calleeEncryption() {
        return calleeEncryption;
    }

    /** The stream of the i-th m= line, or null. */
    synchronized RelayedStream stream(int index) {
        return index < streams.size() ? streams.get(index) : null;
    }

    /** A stream opened for the i-th m= line (a later offer added the line). */
    synchronized void place(int index, RelayedStream stream) {
        while (streams.size() <= index) {
            streams.add(null);
        }
        streams.set(index, stream);
        if (closed) {
            stream.close();
        }
    }

    /** The i-th line was removed (port 0): its ports go back to the pool. */
    synchronized void close(int index) {
        RelayedStream s = stream(index);
        if (s != null) {
            s.close();
            streams.set(index, null);
        }
    }

    /** Whether a stream of this call receives RTP on that port of this node (either side). */
    synchronized boolean anchors(int port) {
        for (RelayedStream s : streams) {
            if (s != null && (port == s.callerSide().local().getPort() || port == s.calleeSide().local().getPort())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized List<MediaChannel> callerSide() {
        List<MediaChannel> out = new ArrayList<>();
        for (RelayedStream s : streams) {
            if (s != null) {
                out.addAll(s.callerChannels());
            }
        }
        return out;
    }

    @Override
    public synchronized List<MediaChannel> calleeSide() {
        List<MediaChannel> out = new ArrayList<>();
        for (RelayedStream s : streams) {
            if (s != null) {
                out.addAll(s.calleeChannels());
            }
        }
        return out;
    }

    @Override
    public synchronized long lastPacketNanos() {
        long last = openedNanos;
        for (RelayedStream s : streams) {
            if (s != null && s.lastPacketNanos() - last > 0) {
                last = s.lastPacketNanos();
            }
        }
        return last;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (RelayedStream s : streams) {
            if (s != null) {
                s.close();
            }
        }
    }
}
