package org.edgeway.engine.bench;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Calls relayed by a chain of rtpengine instances, set up over rtpengine's ng control protocol (bencoded
 * dictionaries over UDP, each request prefixed with a cookie): the caller's offer goes through every rtpengine in
 * order, the callee's answer back through them in reverse, as a chain of SIP proxies driving them would do.
 */
final class NgCalls implements RtpLoad.Calls {

    private final List<InetSocketAddress> chain;
    private final DatagramSocket socket;

    NgCalls(List<InetSocketAddress> chain) throws IOException {
        this.chain = chain;
        this.socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        socket.setSoTimeout(1_000);
    }

    @Override
    public InetSocketAddress[] setUp(int call, int callerPort, int calleePort) throws IOException {
        String sdp = Sdp.audio(2L * call + 1, callerPort);
        for (InetSocketAddress r : chain) {
            sdp = command(r, "offer", call, "sdp", sdp).get("sdp");
        }
        InetSocketAddress calleeRemote = Sdp.receiver(sdp);
        sdp = Sdp.audio(2L * call + 2, calleePort);
        for (int i = chain.size() - 1; i >= 0; i--) {
            sdp = command(chain.get(i), "answer", call, "to-tag", "uas" + call, "sdp", sdp).get("sdp");
        }
        return new InetSocketAddress[] {Sdp.receiver(sdp), calleeRemote};
    }

    @Override
    public void tearDown(int call) throws IOException {
        for (InetSocketAddress r : chain) {
            command(r, "delete", call);
        }
    }

    /** One command (again after a second without an answer); fails unless the result is "ok". */
    private Map<String, String> command(InetSocketAddress server, String name, int call, String... more)
            throws IOException {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("command", name);
        d.put("call-id", "rtpload-" + call);
        d.put("from-tag", "uac" + call);
        for (int i = 0; i + 1 < more.length; i += 2) {
            d.put(more[i], more[i + 1]);
        }
        String cookie = UUID.randomUUID().toString().substring(0, 12);
        byte[] request = (cookie + " " + Bencode.encode(d)).getBytes(StandardCharsets.UTF_8);
        byte[] buf = new byte[65_535];
        for (int attempt = 0; attempt < 5; attempt++) {
            socket.send(new DatagramPacket(request, request.length, server));
            try {
                while (true) {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    socket.receive(p);
                    String reply = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
                    if (!reply.startsWith(cookie + " ")) {
                        continue; // a late answer to an earlier attempt
                    }
                    Map<String, String> answer = Bencode.decode(reply.substring(cookie.length() + 1));
                    if (!"ok".equals(answer.get("result"))) {
                        throw new IOException(name + " " + call + ": " + answer);
                    }
                    return answer;
                }
            } catch (SocketTimeoutException e) {
                // sent again
            }
        }
        throw new IOException(name + " " + call + ": no answer from " + server);
    }

    @Override
    public void close() {
        socket.close();
    }

    /**
     * Bencoding of what ng needs: dictionaries of strings out; in, a dictionary whose lists and integers are kept as
     * their bencoded text.
     */
    static final class Bencode {

        static String encode(Map<String, String> d) {
            StringBuilder b = new StringBuilder("d");
            for (var e : d.entrySet()) {
                b.append(string(e.getKey())).append(string(e.getValue()));
            }
            return b.append('e').toString();
        }

        private static String string(String s) {
            return s.getBytes(StandardCharsets.UTF_8).length + ":" + s;
        }

        static Map<String, String> decode(String text) throws IOException {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            int[] at = {0};
            if (b.length == 0 || b[0] != 'd') {
                throw new IOException("not a dictionary: " + text);
            }
            at[0] = 1;
            Map<String, String> out = new LinkedHashMap<>();
            while (b[at[0]] != 'e') {
                String key = value(b, at);
                out.put(key, value(b, at));
            }
            return out;
        }

        /** One value from at[0]: a string as itself, anything else as its bencoded text. */
        private static String value(byte[] b, int[] at) throws IOException {
            int start = at[0];
            switch (b[start]) {
                case 'i' -> {
                    while (b[at[0]] != 'e') {
                        at[0]++;
                    }
                    at[0]++;
                    return new String(b, start, at[0] - start, StandardCharsets.UTF_8);
                }
                case 'l', 'd' -> {
                    at[0]++;
                    while (b[at[0]] != 'e') {
                        value(b, at);
                    }
                    at[0]++;
                    return new String(b, start, at[0] - start, StandardCharsets.UTF_8);
                }
                default -> {
                    int colon = start;
                    while (b[colon] != ':') {
                        colon++;
                    }
                    int length = Integer.parseInt(new String(b, start, colon - start, StandardCharsets.US_ASCII));
                    at[0] = colon + 1 + length;
                    return new String(b, colon + 1, length, StandardCharsets.UTF_8);
                }
            }
        }
    }
}
