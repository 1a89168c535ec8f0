package org.edgeway.engine.netns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.edgeway.engine.ice.IceCandidate;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.Agent;
import org.ice4j.ice.CandidatePair;
import org.ice4j.ice.CandidateType;
import org.ice4j.ice.Component;
import org.ice4j.ice.IceMediaStream;
import org.ice4j.ice.IceProcessingState;
import org.ice4j.ice.KeepAliveStrategy;
import org.ice4j.ice.LocalCandidate;
import org.ice4j.ice.NominationStrategy;
import org.ice4j.ice.RemoteCandidate;
import org.ice4j.ice.harvest.StunCandidateHarvester;
import org.ice4j.ice.harvest.TurnCandidateHarvester;
import org.ice4j.security.LongTermCredential;

/**
 * An ICE endpoint as a process of its own, run inside a network namespace by {@link IceAgentProcess}: one jitsi
 * ice4j {@link Agent}, one audio stream with its RTP component (as with rtcp-mux), harvesting host candidates and,
 * when told, server-reflexive ones from a STUN server and relayed ones from a TURN server.
 *
 * <p>Arguments: {@code controlling|controlled PORT [stun IP:PORT] [turn IP:PORT USER PASSWORD]}. The line protocol,
 * one line each way per item:
 * <pre>
 *   out: ufrag U / pwd P / candidate VALUE (RFC 8839, one per local candidate) / gathered
 *   in:  ufrag U / pwd P / candidate VALUE ... / check           the peer's, then start the checks
 *   out: selected LOCAL-VALUE|REMOTE-IP REMOTE-PORT REMOTE-TYPE  or  failed STATE
 *   in:  send TEXT                                              sent on the selected pair
 *   out: received TEXT                                          for every datagram that arrives on it
 * </pre>
 * End of input ends the process (as does SIGTERM).
 */
public final class IceAgentMain {

    private final PrintStream out;
    private final Agent agent = new Agent();
    private final IceMediaStream stream;
    private final Component rtp;

    private IceAgentMain(String[] args, PrintStream out) throws IOException {
        this.out = out;
        agent.setControlling(args[0].equals("controlling"));
        // nominate the highest-priority valid pair once every check ended: the path then depends on the NATs, not
        // on which check happened to answer first (ice4j's default nominates the first valid pair)
        agent.setNominationStrategy(NominationStrategy.NOMINATE_HIGHEST_PRIO);
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("stun")) {
                agent.addCandidateHarvester(new StunCandidateHarvester(address(args[++i])));
            } else if (args[i].equals("turn")) {
                TransportAddress server = address(args[++i]);
                LongTermCredential credential = new LongTermCredential(args[++i], args[++i]);
                agent.addCandidateHarvester(new TurnCandidateHarvester(server, credential));
            }
        }
        stream = agent.createMediaStream("audio");
        int port = Integer.parseInt(args[1]);
        rtp = agent.createComponent(stream, port, port, port + 9, KeepAliveStrategy.SELECTED_ONLY, true);
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("ice4j.harvest.mapping.aws.enabled", "false");
        System.setProperty("ice4j.harvest.use-link-local-addresses", "false");
        System.setProperty("ice4j.harvest.use-ipv6", "false");
        System.setProperty("ice4j.harvest.timeout", "5 seconds");
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        System.setOut(System.err); // ice4j's and the JDK's chatter stays off the protocol
        new IceAgentMain(args, out).run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        System.exit(0);
    }

    private void run(BufferedReader in) throws Exception {
        out.println("ufrag " + agent.getLocalUfrag());
        out.println("pwd " + agent.getLocalPassword());
        for (LocalCandidate c : rtp.getLocalCandidates()) {
            out.println("candidate " + value(c));
        }
        out.println("gathered");
        String line;
        while ((line = in.readLine()) != null) {
            String word = line.split(" ", 2)[0];
            String rest = line.substring(word.length()).strip();
            switch (word) {
                case "ufrag" -> stream.setRemoteUfrag(rest);
                case "pwd" -> stream.setRemotePassword(rest);
                case "candidate" -> addRemote(rest);
                case "check" -> check();
                case "send" -> send(rest.getBytes(StandardCharsets.UTF_8));
                default -> System.err.println("unknown line: " + line);
            }
        }
        agent.free();
    }

    private void addRemote(String value) {
        addRemote(rtp, value);
    }

    /** Adds the peer's candidate (an a=candidate value) to an RTP component; other components' are skipped. */
    public static void addRemote(Component rtp, String value) {
        IceCandidate c = IceCandidate.parse(value);
        if (c != null && c.component() == 1) {
            rtp.addRemoteCandidate(new RemoteCandidate(new TransportAddress(c.address(), c.port(), Transport.UDP),
                    rtp, CandidateType.parse(c.type().token()), c.foundation(), c.priority(), null));
        }
    }

    /** Runs the checks; reports the selected pair, or the state ICE failed in, once processing ends. */
    private void check() {
        agent.addStateChangeListener(e -> {
            IceProcessingState s = agent.getState();
            if (s == IceProcessingState.COMPLETED) {
                CandidatePair pair = rtp.getSelectedPair();
                TransportAddress remote = pair.getRemoteCandidate().getTransportAddress();
                out.println("selected " + value(pair.getLocalCandidate()) + "|" + remote.getHostAddress() + " "
                        + remote.getPort() + " " + pair.getRemoteCandidate().getType());
                Thread receiver = new Thread(this::receive, "selected-pair-receiver");
                receiver.setDaemon(true);
                receiver.start();
            } else if (s == IceProcessingState.FAILED) {
                out.println("failed " + s);
            }
        });
        agent.startConnectivityEstablishment();
    }

    private void send(byte[] data) throws IOException {
        CandidatePair pair = rtp.getSelectedPair();
        pair.getIceSocketWrapper().send(new DatagramPacket(data, data.length,
                pair.getRemoteCandidate().getTransportAddress()));
    }

    private void receive() {
        try {
            DatagramSocket socket = rtp.getSocket();
            while (true) {
                DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
                socket.receive(p);
                out.println("received " + new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the agent was freed
        }
    }

    /** A local candidate as the value of an RFC 8839 a=candidate attribute. */
    public static String value(LocalCandidate c) {
        TransportAddress a = c.getTransportAddress();
        String line = c.getFoundation() + " " + c.getParentComponent().getComponentID() + " UDP " + c.getPriority()
                + " " + a.getHostAddress() + " " + a.getPort() + " typ " + c.getType();
        TransportAddress related = c.getRelatedAddress();
        return related == null ? line : line + " raddr " + related.getHostAddress() + " rport " + related.getPort();
    }

    private static TransportAddress address(String hostPort) throws IOException {
        int colon = hostPort.lastIndexOf(':');
        return new TransportAddress(InetAddress.getByName(hostPort.substring(0, colon)),
                Integer.parseInt(hostPort.substring(colon + 1)), Transport.UDP);
    }
}
