package org.edgeway.engine.b2bua;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.edgeway.engine.rtp.MediaRelay;
import org.edgeway.engine.rtp.RelayedStream;
import org.edgeway.engine.sdp.Connection;
import org.edgeway.engine.sdp.MediaDescription;
import org.edgeway.engine.sdp.SdpCodec;
import org.edgeway.engine.sdp.SdpParseException;
import org.edgeway.engine.sdp.SessionDescription;
import org.edgeway.engine.sip.dialog.MessageRewrite;
import org.edgeway.engine.sip.dialog.TrackedCall;
import org.edgeway.engine.sip.message.HeaderNames;
import org.edgeway.engine.sip.message.SipMessage;

/**
 * Anchors one call's media on this node: the INVITE's offer gets a relayed stream per accepted m= line and goes on
 * naming this node's callee-facing ports; the answer (18x or 2xx) tells the streams where the callee receives and
 * goes back naming the caller-facing ports. ICE attributes are removed: on the B2BUA path the endpoints see this
 * node as their only peer. An offer that is not valid SDP refuses the INVITE with 488.
 */
final class SdpAnchoring implements MessageRewrite {

    /** Lines that would let the endpoints try paths around this node. */
    static final List<String> ICE_ATTRIBUTES = List.of("candidate", "remote-candidates", "ice-ufrag", "ice-pwd",
            "ice-options", "ice-lite", "ice-mismatch");
    private static final Logger LOG = Logger.getLogger(SdpAnchoring.class.getName());

    private final MediaRelay relay;
    private final TrackedCall call;
    private final String address;
    private final boolean callerDemultiplexed;
    private final boolean calleeDemultiplexed;
    private AnchoredMedia media;

    SdpAnchoring(MediaRelay relay, TrackedCall call, String address, boolean callerDemultiplexed,
            boolean calleeDemultiplexed) {
        this.relay = relay;
        this.call = call;
        this.address = address;
        this.callerDemultiplexed = callerDemultiplexed;
        this.calleeDemultiplexed = calleeDemultiplexed;
    }

    @Override
    public int request(SipMessage outgoing) {
        if (!isSdp(outgoing)) {
            return 0; // no offer in the INVITE (offer in the 2xx): media is not anchored for this call
        }
        SessionDescription offer;
        try {
            offer = SdpCodec.decode(outgoing.body());
        } catch (SdpParseException e) {
            LOG.fine(() -> "INVITE " + outgoing.callId() + " refused: " + e.getMessage());
            return 488;
        }
        List<RelayedStream> streams = new ArrayList<>();
        List<MediaDescription> rewritten = new ArrayList<>();
        try {
            for (MediaDescription m : offer.media()) {
                if (m.port() == 0) {
                    streams.add(null);
                    rewritten.add(m);
                    continue;
                }
                RelayedStream s = relay.open(m.media(), clockRate(m), callerDemultiplexed, calleeDemultiplexed);
                streams.add(s);
                s.callerAt(rtp(offer, m), rtcp(offer, m));
                rewritten.add(through(m, s.calleeSide().local().getPort()));
            }
        } catch (SdpParseException e) {
            new AnchoredMedia(streams).close();
            return 488;
        } catch (IOException e) {
            LOG.warning("call " + call.serialNumber() + " not relayed: " + e.getMessage());
            new AnchoredMedia(streams).close();
            return 503;
        }
        media = new AnchoredMedia(streams);
        call.media(media);
        outgoing.setBody(SdpCodec.encodeBytes(offer.withConnection(Connection.of(address)).withMedia(rewritten)));
        return 0;
    }

    @Override
    public void response(SipMessage upstream) {
        int status = upstream.status();
        if (media == null || status < 180 || status >= 300 || !isSdp(upstream)) {
            return;
        }
        try {
            SessionDescription answer = SdpCodec.decode(upstream.body());
            List<MediaDescription> rewritten = new ArrayList<>();
            for (int i = 0; i < answer.media().size(); i++) {
                MediaDescription m = answer.media().get(i);
                RelayedStream s = media.stream(i);
                if (s == null || m.port() == 0) {
                    rewritten.add(m);
                    continue;
                }
                s.calleeAt(rtp(answer, m), rtcp(answer, m));
                rewritten.add(through(m, s.callerSide().local().getPort()));
            }
            call.bandwidth(answer.bandwidthKbps());
            upstream.setBody(SdpCodec.encodeBytes(answer.withConnection(Connection.of(address))
                    .withMedia(rewritten)));
        } catch (SdpParseException e) {
            LOG.warning("call " + call.serialNumber() + ": answer not relayed, its SDP is invalid: "
                    + e.getMessage());
        }
    }

    /** The m= line as it leaves: this node's port and address, RTCP on the next port, no ICE. */
    private MediaDescription through(MediaDescription m, int port) {
        MediaDescription out = m.withPort(port).withConnection(Connection.of(address))
                .withoutAttributes(ICE_ATTRIBUTES);
        return m.attribute("rtcp") == null ? out : out.withAttribute("rtcp", String.valueOf(port + 1));
    }

    private static InetSocketAddress rtp(SessionDescription sdp, MediaDescription m) throws SdpParseException {
        return new InetSocketAddress(sdp.connection(m).address(), m.port());
    }

    /** RFC 3605 a=rtcp, else the next port (RFC 3550 11). */
    private static InetSocketAddress rtcp(SessionDescription sdp, MediaDescription m) throws SdpParseException {
        String a = m.attribute("rtcp");
        int port = m.port() + 1;
        String host = sdp.connection(m).address();
        if (a != null) {
            String[] p = a.trim().split(" ");
            try {
                port = Integer.parseInt(p[0]);
            } catch (NumberFormatException e) {
                throw new SdpParseException("a=rtcp port is not a number: " + a);
            }
            if (p.length == 4) {
                host = p[3];
            }
        }
        return new InetSocketAddress(host, port);
    }

    /** The clock rate of the first format (rtpmap, else RFC 3551's static payload types: 8 kHz audio, 90 kHz video). */
    private static int clockRate(MediaDescription m) {
        String first = m.formats().get(0);
        for (String map : m.attributes("rtpmap")) {
            String[] p = map.split(" ", 2);
            if (p.length == 2 && p[0].equals(first)) {
                String[] enc = p[1].split("/");
                try {
                    return Integer.parseInt(enc[1]);
                } catch (RuntimeException e) {
                    break;
                }
            }
        }
        return m.media().equals("video") ? 90000 : 8000;
    }

    private static boolean isSdp(SipMessage m) {
        String type = m.header(HeaderNames.CONTENT_TYPE);
        return m.body().length > 0 && type != null && type.toLowerCase().startsWith("application/sdp");
    }
}
