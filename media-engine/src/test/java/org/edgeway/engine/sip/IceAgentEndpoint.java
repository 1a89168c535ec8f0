package org.edgeway.engine.sip;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.edgeway.engine.TestPorts;
import org.edgeway.engine.netns.IceAgentMain;
import org.edgeway.engine.sdp.SessionDescription;
import org.ice4j.TransportAddress;
import org.ice4j.ice.Agent;
import org.ice4j.ice.CandidatePair;
import org.ice4j.ice.Component;
import org.ice4j.ice.IceMediaStream;
import org.ice4j.ice.IceProcessingState;
import org.ice4j.ice.KeepAliveStrategy;
import org.ice4j.ice.LocalCandidate;

/**
 * One endpoint of an ICE call for tests: a jitsi ice4j {@link Agent} with one audio stream (RTP component only, as
 * with rtcp-mux), its host candidates on the test port band, and a plain UDP socket on loopback that is its default
 * (c=/m=) address until ICE concludes, so the media that starts on the B2BUA path can be sent and counted. Writes its
 * SDP (RFC 8839 attributes, one SDES key) and reads the peer's candidates from the SDP that reached it.
 */
final class IceAgentEndpoint implements AutoCloseable {

    final Agent agent;
    final IceMediaStream stream;
    final Component rtp;
    /** The default address before ICE concludes. */
    final DatagramSocket media;
    private final IceSdp description;
    final String crypto;

    /**
     * @param controlling the caller's agent is the controlling one (RFC 8445 6.1.1: the offerer, full ICE both)
     */
    IceAgentEndpoint(String user, boolean controlling) throws IOException {
        description = new IceSdp(user);
        crypto = description.crypto;
        agent = new Agent();
        agent.setControlling(controlling);
        stream = agent.createMediaStream("audio");
        int base = TestPorts.range(4);
        rtp = agent.createComponent(stream, base, base, base + 3, KeepAliveStrategy.SELECTED_ONLY, true);
        media = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), TestPorts.port()));
        media.setSoTimeout(5_000);
    }

    /** The first IPv4 address of an interface other than loopback (ice4j gathers no loopback candidates), or null. */
    static InetAddress hostAddress() throws SocketException {
        for (NetworkInterface i : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!i.isUp() || i.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(i.getInetAddresses())) {
                if (a instanceof java.net.Inet4Address) {
                    return a;
                }
            }
        }
        return null;
    }

    /** The initial offer or answer: default address on the plain socket, every candidate, the ICE credentials. */
    String sdp() {
        List<String> candidates = new ArrayList<>();
        for (LocalCandidate c : rtp.getLocalCandidates()) {
            candidates.add(candidate(c));
        }
        return sdp(new InetSocketAddress(InetAddress.getLoopbackAddress(), media.getLocalPort()), candidates, null);
    }

    /**
     * The controlling agent's updated offer (RFC 8839 4.2.4) or the answer to it: the selected pair's local candidate
     * as the default and the only candidate, and (offer only) the remote one in a=remote-candidates.
     */
    String selectedSdp(boolean offer) {
        CandidatePair pair = rtp.getSelectedPair();
        LocalCandidate local = pair.getLocalCandidate();
        TransportAddress remote = pair.getRemoteCandidate().getTransportAddress();
        return sdp(local.getTransportAddress(), List.of(candidate(local)), offer
                ? "1 " + remote.getHostAddress() + " " + remote.getPort() : null);
    }

    private String sdp(InetSocketAddress at, List<String> candidates, String remoteCandidates) {
        return description.describe(at, agent.getLocalUfrag(), agent.getLocalPassword(), candidates,
                remoteCandidates);
    }

    private static String candidate(LocalCandidate c) {
        return IceAgentMain.value(c);
    }

    /** Takes the peer's credentials and candidates from the description that reached this endpoint. */
    void peer(SessionDescription sdp) {
        stream.setRemoteUfrag(sdp.attributes("ice-ufrag").get(0));
        stream.setRemotePassword(sdp.attributes("ice-pwd").get(0));
        for (String value : sdp.media().get(0).attributes("candidate")) {
            IceAgentMain.addRemote(rtp, value);
        }
    }

    /** Whether ICE processing ended with a selected pair. */
    boolean completed() {
        IceProcessingState s = agent.getState();
        return (s == IceProcessingState.COMPLETED || s == IceProcessingState.TERMINATED)
                && rtp.getSelectedPair() != null;
    }

    /** Sends on the selected pair (the path ICE chose, around the nodes). */
    void sendSelected(byte[] data) throws IOException {
        CandidatePair pair = rtp.getSelectedPair();
        pair.getIceSocketWrapper().send(new DatagramPacket(data, data.length,
                pair.getRemoteCandidate().getTransportAddress()));
    }

    /** The next datagram the agent's component received, or an exception after the timeout. */
    byte[] receiveSelected() throws IOException {
        DatagramSocket socket = rtp.getSocket();
        socket.setSoTimeout(5_000);
        DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
        socket.receive(p);
        return java.util.Arrays.copyOf(p.getData(), p.getLength());
    }

    @Override
    public void close() {
        agent.free();
        media.close();
    }
}
