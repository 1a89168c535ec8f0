package org.edgeway.engine.bench;

import java.io.IOException;
import java.net.InetSocketAddress;

/** The one-stream audio SDP of the load generators: an offer or answer for a port, and where a peer's SDP receives. */
final class Sdp {

    private Sdp() {
    }

    static String audio(long session, int port) {
        return "v=0\r\no=- " + session + " 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + port + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
    }

    /** The address of the first audio stream: its m= port and the c= that applies to it (media level first). */
    static InetSocketAddress receiver(String sdp) throws IOException {
        String host = null;
        int port = -1;
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("m=")) {
                if (port >= 0) {
                    break; // only the first stream
                }
                port = line.startsWith("m=audio ") ? Integer.parseInt(line.split(" ")[1]) : 0;
            } else if (line.startsWith("c=IN IP4 ")) {
                host = line.substring(9).trim(); // a media-level c= comes after the session's and wins
            }
        }
        if (host == null || port <= 0) {
            throw new IOException("no audio stream in the SDP: " + sdp);
        }
        return new InetSocketAddress(host, port);
    }
}
