package org.edgeway.engine.net;

import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoEvent;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.Socket;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A native UDP socket registered with one event loop as a bare I/O handle instead of a Netty channel (native epoll
 * only): registration for reading, the ready event, and closing on the loop. Subclasses read in {@link #readable}
 * and free what they hold in {@link #closed}. Event loop only, apart from {@link #close}.
 */
public abstract class NativeDatagramHandle implements EpollIoHandle {

    private static final Logger LOG = Logger.getLogger(NativeDatagramHandle.class.getName());

    protected final Socket socket;
    protected final IoEventLoop loop;
    private IoRegistration registration;
    private boolean closed;

    protected NativeDatagramHandle(Socket socket, IoEventLoop loop) {
        this.socket = socket;
        this.loop = loop;
    }

    /** Registers for reading; closes the socket if that fails. The future tells how registration went. */
    public final Future<IoRegistration> register() {
        Future<IoRegistration> f = loop.register(this);
        f.addListener(done -> {
            if (!done.isSuccess()) {
                LOG.warning("UDP socket not registered: " + done.cause());
                close();
                return;
            }
            IoRegistration r = f.getNow();
            if (closed) {
                r.cancel();
                return;
            }
            registration = r;
            r.submit(EpollIoOps.EPOLLIN);
        });
        return f;
    }

    @Override
    public final FileDescriptor fd() {
        return socket;
    }

    @Override
    public final void handle(IoRegistration registration, IoEvent event) {
        EpollIoOps ops = ((EpollIoEvent) event).ops();
        if (!closed && (ops.contains(EpollIoOps.EPOLLIN) || ops.contains(EpollIoOps.EPOLLERR))) {
            readable();
        }
    }

    /** Datagrams wait (level-triggered: called again while some remain). Never throws. */
    protected abstract void readable();

    /** After the socket was closed, on the loop (or while the loop shuts down): frees what the subclass holds. */
    protected abstract void closed();

    protected final boolean isClosed() {
        return closed;
    }

    /** Stops reading and closes the socket, on the event loop unless that is shutting down. Idempotent. */
    @Override
    public final void close() {
        if (!loop.inEventLoop() && !loop.isShuttingDown()) {
            loop.execute(this::close);
            return;
        }
        if (closed) {
            return;
        }
        closed = true;
        if (registration != null) {
            registration.cancel();
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
        closed();
    }

    /** {@link #close}, waiting (a little) for the loop to have done it. */
    public final void closeAndWait() {
        if (!loop.inEventLoop() && !loop.isShuttingDown()) {
            loop.submit(this::close).awaitUninterruptibly(2, TimeUnit.SECONDS);
        } else {
            close();
        }
    }
}
