package org.edgeway.engine.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import org.edgeway.engine.calls.MediaChannel;
import org.edgeway.engine.srtp.SrtpContext;
import org.edgeway.engine.srtp.SrtpException;

/**
 * One side of a relayed media stream: the RTP and RTCP sockets facing one peer (its own pair, or the E's shared
 * demultiplexing pair), where that peer sends from (declared by its SDP, then latched from its first packet: symmetric
 * latching, RFC 4961 / "comedia"), and what it sent. Packets from the peer go out through the {@link #peer} side.
 * Counters have one writer (the event loop of the sockets) and are read from anywhere.
 */
public final class RelayEndpoint {

    private final String media;
    private final Channel rtp;
    private final Channel rtcp;
    private final InetSocketAddress local;
    private final boolean demultiplexed;
    private final int clockRate;
    private volatile InetSocketAddress remoteRtp;
    private volatile InetSocketAddress remoteRtcp;
    /** The RTP address the peer's SDP last named. */
    private volatile InetSocketAddress sdpRtp;
    private volatile boolean latchedRtp;
    private volatile boolean latchedRtcp;
    private volatile long rtpPackets;
    private volatile long rtpBytes;
    private volatile long rtcpPackets;
    private volatile long rtcpBytes;
    private volatile long lost;
    private volatile long jitter;
    private volatile long lastPacketNanos = System.nanoTime();
    /** Decrypts what the peer sends (its SDES key), null on a clear or pass-through leg. */
    private volatile SrtpContext fromPeer;
    /** Encrypts what goes to the peer (this node's key for that leg). */
    private volatile SrtpContext toPeer;
    private volatile long undecryptable;
    RelayEndpoint peer;

    RelayEndpoint(String media, Channel rtp, Channel rtcp, InetSocketAddress local, boolean demultiplexed,
            int clockRate) {
        this.media = media;
        this.rtp = rtp;
        this.rtcp = rtcp;
        this.local = local;
        this.demultiplexed = demultiplexed;
        this.clockRate = clockRate;
    }

    /** The RTP address this side offers its peer (RTCP is the next port). */
    public InetSocketAddress local() {
        return local;
    }

    /**
     * Where the peer said (in SDP) it receives RTP and RTCP; the first packet it sends overrides this. A later
     * offer or answer naming another address (the peer moved) drops the latch: the new address holds until the
     * peer's first packet from wherever it now sends.
     */
    void declare(InetSocketAddress rtpAddress, InetSocketAddress rtcpAddress) {
        InetSocketAddress before = sdpRtp;
        sdpRtp = rtpAddress;
        if (before != null && !before.equals(rtpAddress)) {
            latchedRtp = false;
            latchedRtcp = false;
        }
        if (!latchedRtp) {
            remoteRtp = rtpAddress;
        }
        if (!latchedRtcp) {
            remoteRtcp = rtcpAddress;
        }
    }

    /** This leg is SRTP terminated here: what the peer sends is decrypted with its key. */
    public void decryptWith(SrtpContext peerKey) {
        fromPeer = peerKey;
    }

    /** What goes to the peer is encrypted with this node's key for the leg. */
    public void encryptWith(SrtpContext ownKey) {
        toPeer = ownKey;
    }

    /** Packets from the peer dropped because they did not authenticate. */
    public long undecryptable() {
        return undecryptable;
    }

    InetSocketAddress declaredRtp() {
        return remoteRtp;
    }

    InetSocketAddress declaredRtcp() {
        return remoteRtcp;
    }

    boolean demultiplexed() {
        return demultiplexed;
    }

    /** A packet from the peer on this side's RTP or RTCP socket: latch, count, relay through the other side. */
    void received(boolean control, DatagramPacket packet) {
        ByteBuf content = packet.content();
        int bytes = content.readableBytes();
        lastPacketNanos = System.nanoTime();
        if (control) {
            if (!latchedRtcp && !demultiplexed) {
                remoteRtcp = packet.sender();
                latchedRtcp = true;
            }
            if (fromPeer == null) { // SRTCP reports are read once decrypted, below
                report(content);
            }
            rtcpBytes += bytes;
            rtcpPackets++; // last: a reader that sees the packet sees its report

        } else {
            if (!latchedRtp && !demultiplexed) {
                remoteRtp = packet.sender();
                latchedRtp = true;
            }
            rtpPackets++;
            rtpBytes += bytes;
        }
        RelayEndpoint out = peer;
        if (out == null) {
            return;
        }
        SrtpContext in = fromPeer;
        if (in == null) {
            out.send(control, content.retain());
            return;
        }
        byte[] data = ByteBufUtil.getBytes(content);
        try {
            byte[] plain = control ? in.unprotectRtcp(data) : in.unprotectRtp(data);
            if (control) {
                report(Unpooled.wrappedBuffer(plain));
            }
            out.send(control, Unpooled.wrappedBuffer(plain));
        } catch (SrtpException | java.security.GeneralSecurityException e) {
            undecryptable++;
        }
    }

    /** Loss and jitter from the last report block of an RTCP compound packet. */
    private void report(ByteBuf rtcp) {
        RtcpReports.Block block = RtcpReports.lastBlock(rtcp);
        if (block != null) {
            lost = block.cumulativeLost();
            jitter = block.jitter();
        }
    }

    /** Sends a packet to this side's peer, dropped while its address is unknown. Takes ownership of {@code data}. */
    void send(boolean control, ByteBuf data) {
        InetSocketAddress to = control ? remoteRtcp : remoteRtp;
        Channel channel = control ? rtcp : rtp;
        if (to == null || !channel.isActive()) {
            data.release();
            return;
        }
        SrtpContext out = toPeer;
        if (out != null) {
            byte[] plain = ByteBufUtil.getBytes(data);
            data.release();
            try {
                data = Unpooled.wrappedBuffer(control ? out.protectRtcp(plain) : out.protectRtp(plain));
            } catch (java.security.GeneralSecurityException e) {
                return;
            }
        }
        channel.writeAndFlush(new DatagramPacket(data, to), channel.voidPromise());
    }

    long lastPacketNanos() {
        return lastPacketNanos;
    }

    /** What this side received from its peer, RTP and RTCP, as the call record shows it. */
    java.util.List<MediaChannel> channels() {
        double jitterMillis = clockRate > 0 ? jitter * 1000.0 / clockRate : 0;
        return java.util.List.of(
                new MediaChannel(media + " RTP", format(remoteRtp), format(local), rtpPackets, rtpBytes, lost,
                        jitterMillis),
                new MediaChannel(media + " RTCP", format(remoteRtcp),
                        format(new InetSocketAddress(local.getAddress(), local.getPort() + 1)), rtcpPackets,
                        rtcpBytes, 0, 0));
    }

    /** Closes this side's own sockets (a shared demultiplexing pair stays open). */
    void close() {
        if (!demultiplexed) {
            rtp.close();
            rtcp.close();
        }
    }

    private static String format(InetSocketAddress a) {
        return a == null ? "" : a.getAddress().getHostAddress() + ":" + a.getPort();
    }
}
