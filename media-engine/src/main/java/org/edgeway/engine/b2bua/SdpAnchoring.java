package org.edgeway.engine.b2bua;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.edgeway.engine.calls.IceCandidatesOffered;
import org.edgeway.engine.calls.MediaEncryption;
import org.edgeway.engine.ice.IceAttributes;
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
import org.edgeway.engine.srtp.SdesCrypto;
import org.edgeway.engine.zones.ZoneConfig;

/**
 * Anchors one call's media on this node: the INVITE's offer gets a relayed stream per accepted m= line and goes on
 * naming this node's callee-facing ports; the answer (18x or 2xx) tells the streams where the callee receives and
 * goes back naming the caller-facing ports. ICE attributes are removed (on the B2BUA path the endpoints see this
 * node as their only peer) unless the call passes ICE through: then candidates and keys go on unchanged while the
 * default address stays this node's, so media starts here (B-ICEP-03), and an {@link IcePathWatch} follows the
 * dialog for the path the endpoints choose. An offer that is not valid SDP refuses the INVITE with 488.
 */
final class SdpAnchoring implements MessageRewrite {

    private static final Logger LOG = Logger.getLogger(SdpAnchoring.class.getName());

    private final MediaRelay relay;
    private final TrackedCall call;
    private final String address;
    private final boolean callerDemultiplexed;
    private final boolean calleeDemultiplexed;
    private final ZoneConfig.MediaEncryption callerZone;
    private final ZoneConfig.MediaEncryption calleeZone;
    private final IcePassthroughMode ice;
    private AnchoredMedia media;
    /** The caller's offer as it arrived: its candidates, for reading the updated offer of a passthrough call. */
    private SessionDescription callerOffer;
    private boolean offeredIce;
    /** Per m= line of the offer: its encryption plan and this node's keys (null for a rejected line). */
    private final List<Keys> keys = new ArrayList<>();

    /** This node's key toward each side of one stream; null where that leg is clear or passed through. */
    private record Keys(EncryptionPlan plan, SdesCrypto towardCaller, SdesCrypto towardCallee) {
    }

    SdpAnchoring(MediaRelay relay, TrackedCall call, String address, boolean callerDemultiplexed,
            boolean calleeDemultiplexed, ZoneConfig.MediaEncryption callerZone,
            ZoneConfig.MediaEncryption calleeZone, IcePassthroughMode ice) {
        this.ice = ice;
        this.callerZone = callerZone;
        this.calleeZone = calleeZone;
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
        EncryptionPlan first = null;
        try {
            for (MediaDescription m : offer.media()) {
                if (m.port() == 0) {
                    streams.add(null);
                    keys.add(null);
                    rewritten.add(m);
                    continue;
                }
                SdesCrypto offered = usableCrypto(m);
                EncryptionPlan plan = EncryptionPlan.of(callerZone, calleeZone, offered != null, ice);
                if (plan == null) {
                    close(streams);
                    return 488; // the caller's zone forces what the offer does not do
                }
                first = first == null ? plan : first;
                RelayedStream s = relay.open(m.media(), clockRate(m), callerDemultiplexed, calleeDemultiplexed);
                streams.add(s);
                s.callerAt(rtp(offer, m), rtcp(offer, m));
                MediaDescription out = through(m, s.calleeSide().local().getPort());
                keys.add(terminate(plan, offered, s));
                if (plan.terminated()) {
                    out = out.withoutAttributes(List.of("crypto")).withProto(profile(m.proto(), plan.calleeSrtp()));
                    Keys k = keys.get(keys.size() - 1);
                    if (plan.calleeSrtp()) {
                        out = out.withAddedAttribute("crypto", k.towardCallee().value());
                    }
                }
                rewritten.add(out);
            }
        } catch (SdpParseException e) {
            close(streams);
            return 488;
        } catch (IOException | GeneralSecurityException e) {
            LOG.warning("call " + call.serialNumber() + " not relayed: " + e.getMessage());
            close(streams);
            return 503;
        }
        MediaEncryption callerLeg = first != null && first.callerSrtp() ? MediaEncryption.SRTP : MediaEncryption.NONE;
        MediaEncryption calleeLeg = first != null && first.calleeSrtp() ? MediaEncryption.SRTP : MediaEncryption.NONE;
        media = new AnchoredMedia(streams, callerLeg, calleeLeg);
        call.media(media);
        offeredIce = IceAttributes.offered(offer);
        call.ice(IceCandidatesOffered.of(offeredIce, false), ice == IcePassthroughMode.ON);
        callerOffer = offer;
        outgoing.setBody(SdpCodec.encodeBytes(session(offer).withMedia(rewritten)));
        return 0;
    }

    /** The offer's key toward the caller's leg is replaced by one of this node's; the callee's leg gets another. */
    private static Keys terminate(EncryptionPlan plan, SdesCrypto offered, RelayedStream s)
            throws GeneralSecurityException {
        if (!plan.terminated()) {
            return new Keys(plan, null, null);
        }
        SdesCrypto towardCaller = null;
        if (plan.callerSrtp()) {
            towardCaller = SdesCrypto.generate(offered.tag());
            s.callerSide().decryptWith(offered.context());
            s.callerSide().encryptWith(towardCaller.context());
        }
        SdesCrypto towardCallee = null;
        if (plan.calleeSrtp()) {
            towardCallee = SdesCrypto.generate(1);
            s.calleeSide().encryptWith(towardCallee.context());
        }
        return new Keys(plan, towardCaller, towardCallee);
    }

    private static void close(List<RelayedStream> streams) {
        new AnchoredMedia(streams, MediaEncryption.NONE, MediaEncryption.NONE).close();
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
                MediaDescription out = through(m, s.callerSide().local().getPort());
                Keys k = i < keys.size() ? keys.get(i) : null;
                if (k != null && k.plan().terminated()) {
                    if (k.plan().calleeSrtp()) {
                        SdesCrypto answered = usableCrypto(m);
                        if (answered == null) {
                            LOG.warning("call " + call.serialNumber() + ": the callee answered SRTP without a key");
                        } else {
                            s.calleeSide().decryptWith(answered.context());
                        }
                    }
                    out = out.withoutAttributes(List.of("crypto")).withProto(profile(m.proto(), k.plan().callerSrtp()));
                    if (k.plan().callerSrtp()) {
                        out = out.withAddedAttribute("crypto", k.towardCaller().value());
                    }
                }
                rewritten.add(out);
            }
            call.bandwidth(answer.bandwidthKbps());
            boolean answeredIce = IceAttributes.offered(answer);
            call.ice(IceCandidatesOffered.of(offeredIce, answeredIce), ice == IcePassthroughMode.ON);
            if (ice == IcePassthroughMode.ON && offeredIce && answeredIce && status / 100 == 2) {
                call.offers(new IcePathWatch(call, address, media, callerOffer, answer));
            }
            upstream.setBody(SdpCodec.encodeBytes(session(answer).withMedia(rewritten)));
        } catch (SdpParseException | GeneralSecurityException e) {
            LOG.warning("call " + call.serialNumber() + ": answer not relayed: " + e.getMessage());
        }
    }

    /** The session-level lines as they leave: this node's address, ICE only when passed through. */
    private SessionDescription session(SessionDescription sdp) {
        SessionDescription out = sdp.withConnection(Connection.of(address));
        return ice == IcePassthroughMode.ON ? out : out.withoutAttributes(IceAttributes.ALL);
    }

    /** The first crypto line of our suite on an SRTP profile, or null (a clear offer, or keys we cannot use). */
    private static SdesCrypto usableCrypto(MediaDescription m) {
        if (!m.proto().contains("SAVP")) {
            return null;
        }
        for (String value : m.attributes("crypto")) {
            SdesCrypto c = SdesCrypto.parse(value);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    /** RTP/AVP(F) and RTP/SAVP(F) into each other, as the leg is clear or SRTP. */
    private static String profile(String proto, boolean srtp) {
        String clear = proto.replace("SAVP", "AVP");
        return srtp ? clear.replace("AVP", "SAVP") : clear;
    }

    /** The m= line as it leaves: this node's port and address, RTCP on the next port, ICE only when passed through. */
    private MediaDescription through(MediaDescription m, int port) {
        MediaDescription out = m.withPort(port).withConnection(Connection.of(address));
        out = ice == IcePassthroughMode.ON ? out : out.withoutAttributes(IceAttributes.ALL);
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
