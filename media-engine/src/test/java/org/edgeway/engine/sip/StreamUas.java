package org.edgeway.engine.sip;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.edgeway.engine.sip.message.SipCodec;
import org.edgeway.engine.sip.message.SipMessage;

/**
 * The inside end of a test call: a SIP listener on a stream transport (a TLS or plain server socket on loopback)
 * that accepts every connection the node opens, queues the requests that arrive on any of them and answers each on
 * the connection it came from.
 */
final class StreamUas implements AutoCloseable {

    /** A request and the connection to answer it on. */
    record Received(SipMessage request, Socket connection) {
    }

    private final SipCodec codec = new SipCodec(SipCodec.Limits.DEFAULT);
    private final ServerSocket server;
    private final BlockingQueue<Received> requests = new LinkedBlockingQueue<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    /** @param server bound, unaccepted (a plain ServerSocket or an SSLServerSocket) */
    StreamUas(ServerSocket server) {
        this.server = server;
        acceptor = new Thread(this::accept, "uas-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static ServerSocket bind(ServerSocket unbound, int port) throws IOException {
        unbound.setReuseAddress(true);
        unbound.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return unbound;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.add(s);
                Thread reader = new Thread(() -> read(s), "uas-read-" + s.getPort());
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void read(Socket s) {
        byte[] pending = new byte[0];
        byte[] buf = new byte[8_192];
        try (s) {
            InputStream in = s.getInputStream();
            while (true) {
                int length = codec.frameLength(pending, 0, pending.length);
                if (length > 0) {
                    requests.add(new Received(codec.decode(pending, 0, length, false), s));
                    pending = Arrays.copyOfRange(pending, length, pending.length);
                    continue;
                }
                int n = in.read(buf);
                if (n < 0) {
                    return;
                }
                pending = Arrays.copyOf(pending, pending.length + n);
                System.arraycopy(buf, 0, pending, pending.length - n, n);
            }
        } catch (Exception e) {
            // the connection closed (the node stopped, or close() below)
        }
    }

    /** The next request of this method (others skipped: keep-alive OPTIONS), or an AssertionError after 10 s. */
    Received next(String method) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Received r = requests.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (r != null && r.request().isRequest() && r.request().method().equals(method)) {
                return r;
            }
        }
        throw new AssertionError("no " + method + " reached the callee");
    }

    /** Sends a response back on the connection the request came on. */
    void answer(Received to, SipMessage response) throws IOException {
        OutputStream out = to.connection().getOutputStream();
        synchronized (to.connection()) {
            out.write(codec.encode(response));
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : connections) {
            s.close();
        }
    }
}
