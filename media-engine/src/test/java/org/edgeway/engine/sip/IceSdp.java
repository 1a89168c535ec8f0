package org.edgeway.engine.sip;

import java.net.InetSocketAddress;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The SDP an ICE endpoint of the tests writes (RFC 8839 attributes, one PCMU audio stream, one SDES key): its
 * initial offer or answer, and the updated offer or answer once ICE selected a pair. The version rises with each.
 */
final class IceSdp {

    final String crypto = "1 AES_CM_128_HMAC_SHA1_80 inline:" + Base64.getEncoder().encodeToString(random(30));
    private final String user;
    private int version = 1;

    IceSdp(String user) {
        this.user = user;
    }

    /**
     * @param at               the default (c=/m=) address
     * @param candidates       a=candidate values
     * @param remoteCandidates the a=remote-candidates value (the controlling agent's updated offer), or null
     */
    String describe(InetSocketAddress at, String ufrag, String pwd, List<String> candidates, String remoteCandidates) {
        StringBuilder b = new StringBuilder();
        String host = at.getAddress().getHostAddress();
        b.append("v=0\no=").append(user).append(" 4711 ").append(version++).append(" IN IP4 ").append(host)
                .append("\ns=-\nc=IN IP4 ").append(host).append("\nt=0 0\na=ice-ufrag:").append(ufrag)
                .append("\na=ice-pwd:").append(pwd).append("\nm=audio ").append(at.getPort())
                .append(" RTP/SAVP 0\na=rtpmap:0 PCMU/8000\na=crypto:").append(crypto).append('\n');
        for (String c : candidates) {
            b.append("a=candidate:").append(c).append('\n');
        }
        if (remoteCandidates != null) {
            b.append("a=remote-candidates:").append(remoteCandidates).append('\n');
        }
        return b.append("a=sendrecv\n").toString().replace("\n", "\r\n");
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }
}
