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
import org.edgeway.engine.sip.dialog.MediaAnchor;
import org.edgeway.engine.sip.dialog.TrackedCall;
import org.edgeway.engine.sip.message.SipMessage;
import org.edgeway.engine.srtp.SdesCrypto;
import org.edgeway.engine.zones.ZoneConfig;

/**
 * Anchors one call's media on this node through every offer/answer exchange (RFC 3264), in either direction: the
 * first offer (the INVITE's, or the callee's in the 2xx of a late-offer INVITE) gets a relayed stream per accepted
 * m= line and goes on naming this node's ports facing the answerer; its answer tells the streams where the answerer
 * receives and goes back naming the ports facing the offerer. Later offers (re-INVITE, UPDATE) from either side
 * update the streams: a changed address re-latches, a new m= line opens a stream, port 0 closes one, direction
 * attributes (hold) pass as they are; SRTP keys this node holds are kept unless the peer's key changes. ICE
 * attributes are removed (on the B2BUA path the endpoints see this node as their only peer) unless the call passes
 * ICE through: then candidates and keys go on unchanged while the first default address stays this node's, so
 * media starts here (B-ICEP-03), and an {@link IcePathWatch} follows the dialog for the path the endpoints choose
 * (later offers pass untouched). An offer that is not valid SDP is refused with 488 and changes nothing.
 */
final class SdpAnchoring implements MediaAnchor {

    private static final Logger LOG = Logger.getLogger(SdpAnchoring.class.getName());

    private final MediaRelay relay;
    private final TrackedCall call;
    private final String address;
    private final boolean callerDemultiplexed;
    private final boolean calleeDemultiplexed;
    private final ZoneConfig.MediaEncryption callerZone;
    private final ZoneConfig.MediaEncryption calleeZone;
    private final IcePassthroughMode ice;
    private final boolean twoDialogs;
    private AnchoredMedia media;
    /** The first offer as it arrived: its candidates, for reading the updated offer of a passthrough call. */
    private SessionDescription firstOffer;
    private boolean firstOfferFromCaller;
    private boolean answered;
    /** The last offer went on untouched (ICE passed through, or the media left this node): so does its answer. */
    private boolean untouched;
    /** Per m= line: its encryption plan and this node's keys (null for a rejected or closed line). */
    private final List<Keys> keys = new ArrayList<>();
    /** Keys of the streams opened by the offer being rewritten, in order, until {@link #commit} places them. */
    private final List<Keys> pending = new ArrayList<>();

    /**
     * This node's key toward each side of one stream (null where that leg is clear or passed through), and the
     * key each side last announced (its SRTP is decrypted with it; a re-offer with the same key keeps the context).
     */
    private static final class Keys {
        final EncryptionPlan plan;
        final SdesCrypto towardCaller;
        final SdesCrypto towardCallee;
        String fromCaller;
        String fromCallee;

        Keys(EncryptionPlan plan, SdesCrypto towardCaller, SdesCrypto towardCallee) {
            this.plan = plan;
            this.towardCaller = towardCaller;
            this.towardCallee = towardCallee;
        }
    }

    SdpAnchoring(MediaRelay relay, TrackedCall call, String address, boolean callerDemultiplexed,
            boolean calleeDemultiplexed, ZoneConfig.MediaEncryption callerZone,
            ZoneConfig.MediaEncryption calleeZone, IcePassthroughMode ice, boolean twoDialogs) {
        this.ice = ice;
        this.callerZone = callerZone;
        this.calleeZone = calleeZone;
        this.relay = relay;
        this.call = call;
        this.address = address;
        this.callerDemultiplexed = callerDemultiplexed;
        this.calleeDemultiplexed = calleeDemultiplexed;
        this.twoDialogs = twoDialogs;
    }

    @Override
    public boolean twoDialogs() {
        return twoDialogs;
    }

    @Override
    public synchronized int offer(SipMessage outgoing, boolean fromCaller) {
        untouched = media != null && (ice == IcePassthroughMode.ON || !call.mediaHere());
        if (untouched) {
            return 0;
        }
        pending.clear();
        SessionDescription offer;
        try {
            offer = SdpCodec.decode(outgoing.body());
            for (MediaDescription m : offer.media()) {
                if (m.port() != 0) {
                    rtp(offer, m);
                    rtcp(offer, m);
                }
            }
        } catch (SdpParseException e) {
            LOG.fine(() -> "offer in " + outgoing.callId() + " refused: " + e.getMessage());
            return 488;
        }
        boolean first = media == null;
        List<RelayedStream> opened = new ArrayList<>();
        List<MediaDescription> rewritten = new ArrayList<>();
        EncryptionPlan firstPlan = null;
        try {
            for (int i = 0; i < offer.media().size(); i++) {
                MediaDescription m = offer.media().get(i);
                RelayedStream s = first ? null : media.stream(i);
                if (m.port() == 0) {
                    rewritten.add(m);
                    continue;
                }
                Keys k = i < keys.size() ? keys.get(i) : null;
                if (s == null) {
                    SdesCrypto offered = usableCrypto(m);
                    EncryptionPlan plan = plan(fromCaller, offered != null);
                    if (plan == null) {
                        close(opened);
                        return 488; // the offerer's zone forces what the offer does not do
                    }
                    firstPlan = firstPlan == null ? plan : firstPlan;
                    s = relay.open(m.media(), clockRate(m), callerDemultiplexed, calleeDemultiplexed);
                    opened.add(s);
                    k = newKeys(plan, offered, fromCaller, s);
                }
                rewritten.add(through(m, s, k, fromCaller));
            }
        } catch (IOException | GeneralSecurityException e) {
            LOG.warning("call " + call.serialNumber() + " not relayed: " + e.getMessage());
            close(opened);
            return 503;
        }
        // every line checked and its stream open: now the call's media changes
        if (first) {
            MediaEncryption callerLeg = firstPlan != null && firstPlan.callerSrtp() ? MediaEncryption.SRTP
                    : MediaEncryption.NONE;
            MediaEncryption calleeLeg = firstPlan != null && firstPlan.calleeSrtp() ? MediaEncryption.SRTP
                    : MediaEncryption.NONE;
            media = new AnchoredMedia(new ArrayList<>(), callerLeg, calleeLeg);
            call.media(media);
            firstOffer = offer;
            firstOfferFromCaller = fromCaller;
            boolean offeredIce = IceAttributes.offered(offer);
            call.ice(IceCandidatesOffered.of(offeredIce, false), ice == IcePassthroughMode.ON);
        }
        commit(offer, opened.iterator(), fromCaller);
        outgoing.setBody(SdpCodec.encodeBytes(session(offer).withMedia(rewritten)));
        return 0;
    }

    /** Applies a checked offer to the streams: new ones placed, closed ones released, the offerer declared. */
    private void commit(SessionDescription offer, java.util.Iterator<RelayedStream> opened, boolean fromCaller) {
        for (int i = 0; i < offer.media().size(); i++) {
            MediaDescription m = offer.media().get(i);
            RelayedStream s = media.stream(i);
            if (m.port() == 0) {
                if (s != null) {
                    media.close(i); // RFC 3264 8.2: port 0 removes the stream
                }
                lineKeys(i, null);
                continue;
            }
            if (s == null) {
                s = opened.next();
                media.place(i, s);
                lineKeys(i, pending.remove(0));
            }
            try {
                declare(s, fromCaller, rtp(offer, m), rtcp(offer, m));
                peerKey(keys.get(i), s, m, fromCaller);
            } catch (SdpParseException | GeneralSecurityException e) {
                LOG.warning("call " + call.serialNumber() + ": offer line " + i + " not applied: " + e.getMessage());
            }
        }
    }

    private void lineKeys(int line, Keys k) {
        while (keys.size() <= line) {
            keys.add(null);
        }
        keys.set(line, k);
    }

    /** The zones' plan for a new stream, in caller/callee terms whichever side offers it. */
    private EncryptionPlan plan(boolean fromCaller, boolean offersSrtp) {
        if (fromCaller) {
            return EncryptionPlan.of(callerZone, calleeZone, offersSrtp, ice);
        }
        EncryptionPlan p = EncryptionPlan.of(calleeZone, callerZone, offersSrtp, ice);
        return p == null ? null : new EncryptionPlan(p.terminated(), p.calleeSrtp(), p.callerSrtp());
    }

    /**
     * This node's keys for a new stream when it terminates SRTP: one per SRTP leg, the one toward the offerer with
     * the offered key's tag (it goes in the answer). Held in {@link #pending} until the offer is committed.
     */
    private Keys newKeys(EncryptionPlan plan, SdesCrypto offered, boolean fromCaller, RelayedStream s)
            throws GeneralSecurityException {
        Keys k;
        if (!plan.terminated()) {
            k = new Keys(plan, null, null);
        } else {
            int offererTag = offered == null ? 1 : offered.tag();
            SdesCrypto towardCaller = plan.callerSrtp() ? SdesCrypto.generate(fromCaller ? offererTag : 1) : null;
            SdesCrypto towardCallee = plan.calleeSrtp() ? SdesCrypto.generate(fromCaller ? 1 : offererTag) : null;
            if (towardCaller != null) {
                s.callerSide().encryptWith(towardCaller.context());
            }
            if (towardCallee != null) {
                s.calleeSide().encryptWith(towardCallee.context());
            }
            k = new Keys(plan, towardCaller, towardCallee);
        }
        pending.add(k);
        return k;
    }

    /** What a side sends is decrypted with the key it announced; a key announced again keeps its context. */
    private static void peerKey(Keys k, RelayedStream s, MediaDescription m, boolean caller)
            throws GeneralSecurityException {
        if (k == null || !k.plan.terminated() || !(caller ? k.plan.callerSrtp() : k.plan.calleeSrtp())) {
            return;
        }
        SdesCrypto announced = usableCrypto(m);
        if (announced == null) {
            return;
        }
        String value = announced.value();
        if (value.equals(caller ? k.fromCaller : k.fromCallee)) {
            return;
        }
        (caller ? s.callerSide() : s.calleeSide()).decryptWith(announced.context());
        if (caller) {
            k.fromCaller = value;
        } else {
            k.fromCallee = value;
        }
    }

    private static void declare(RelayedStream s, boolean caller, InetSocketAddress rtp, InetSocketAddress rtcp) {
        if (caller) {
            s.callerAt(rtp, rtcp);
        } else {
            s.calleeAt(rtp, rtcp);
        }
    }

    /**
     * A line as it goes on from one side to the other: this node's port facing the receiving side, and where this
     * node terminates SRTP the receiving leg's profile and this node's key for it.
     */
    private MediaDescription through(MediaDescription m, RelayedStream s, Keys k, boolean fromCaller) {
        boolean towardCaller = !fromCaller;
        MediaDescription out = through(m, (towardCaller ? s.callerSide() : s.calleeSide()).local().getPort());
        if (k != null && k.plan.terminated()) {
            boolean srtp = towardCaller ? k.plan.callerSrtp() : k.plan.calleeSrtp();
            out = out.withoutAttributes(List.of("crypto")).withProto(profile(m.proto(), srtp));
            if (srtp) {
                out = out.withAddedAttribute("crypto", (towardCaller ? k.towardCaller : k.towardCallee).value());
            }
        }
        return out;
    }

    private static void close(List<RelayedStream> streams) {
        new AnchoredMedia(streams, MediaEncryption.NONE, MediaEncryption.NONE).close();
    }

    @Override
    public synchronized void answer(SipMessage outgoing, boolean fromCaller) {
        if (media == null || untouched) {
            return;
        }
        try {
            SessionDescription answer = SdpCodec.decode(outgoing.body());
            List<MediaDescription> rewritten = new ArrayList<>();
            for (int i = 0; i < answer.media().size(); i++) {
                MediaDescription m = answer.media().get(i);
                RelayedStream s = media.stream(i);
                if (s == null || m.port() == 0) {
                    rewritten.add(m);
                    continue;
                }
                declare(s, fromCaller, rtp(answer, m), rtcp(answer, m));
                Keys k = i < keys.size() ? keys.get(i) : null;
                peerKey(k, s, m, fromCaller);
                rewritten.add(through(m, s, k, fromCaller));
            }
            call.bandwidth(answer.bandwidthKbps());
            if (!answered) {
                answerIce(answer, outgoing, fromCaller);
            }
            answered |= outgoing.isRequest() || outgoing.status() / 100 == 2;
            outgoing.setBody(SdpCodec.encodeBytes(session(answer).withMedia(rewritten)));
        } catch (SdpParseException | GeneralSecurityException e) {
            LOG.warning("call " + call.serialNumber() + ": answer not relayed: " + e.getMessage());
        }
    }

    /** The first answer says whether both endpoints offered ICE; a passthrough call is then watched. */
    private void answerIce(SessionDescription answer, SipMessage outgoing, boolean fromCaller) {
        boolean offeredIce = IceAttributes.offered(firstOffer);
        boolean answeredIce = IceAttributes.offered(answer);
        call.ice(IceCandidatesOffered.of(offeredIce, answeredIce), ice == IcePassthroughMode.ON);
        boolean final2xx = !outgoing.isRequest() && outgoing.status() / 100 == 2;
        if (ice == IcePassthroughMode.ON && firstOfferFromCaller && !fromCaller && offeredIce && answeredIce
                && final2xx) {
            call.offers(new IcePathWatch(call, address, media, firstOffer, answer));
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
}
