package org.edgeway.engine.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.unix.IovArray;
import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * Sends datagrams from a channel's socket at once, one {@code sendto}/{@code sendmsg} each: no outbound buffer
 * entry, envelope, promise, pipeline hop or flush, which were most of the Java time of a relayed packet. For the
 * media relay path only: a datagram the socket cannot take now (send buffer full) is dropped, as a router (and
 * coturn) would, instead of being queued. Native epoll only; {@link #of} answers null under NIO, where the caller
 * writes through the channel.
 *
 * <p>Event loop of the socket only (the header scratch memory is not shared), which is also where the socket is
 * closed: a closed socket is refused, so a descriptor number is never written to after it was freed.
 */
public final class DirectDatagramSender {

    private final Socket socket;
    // the 4-byte header of a prefixed send and its two-entry gather list, allocated on the first prefixed send
    private ByteBuf header;
    private IovArray iov;

    private DirectDatagramSender(Socket socket) {
        this.socket = socket;
    }

    /** A sender for {@code channel}'s socket, or null when the channel is not a native epoll datagram channel. */
    public static DirectDatagramSender of(Channel channel) {
        return channel instanceof EpollDatagramChannel epoll ? new DirectDatagramSender((Socket) epoll.fd()) : null;
    }

    /** A sender for a native socket (see {@link BoundDatagram#nativeSocket()}). */
    public static DirectDatagramSender of(Socket socket) {
        return new DirectDatagramSender(socket);
    }

    /**
     * Sends {@code length} bytes of {@code data} from {@code index} (indices and reference count untouched) to
     * {@code to}. The packet path's buffers are direct; a heap buffer (an answer) is copied first.
     *
     * @return true if the socket took the whole datagram; false if it was dropped (buffer full, closed, error)
     */
    public boolean send(ByteBuf data, int index, int length, InetSocketAddress to) {
        if (!socket.isOpen()) {
            return false;
        }
        try {
            if (data.hasMemoryAddress()) {
                return socket.sendToAddress(data.memoryAddress(), index, index + length, to.getAddress(),
                        to.getPort()) == length;
            }
            if (data.isDirect() && data.nioBufferCount() == 1) {
                // no Unsafe: through the buffer's NIO view
                ByteBuffer nio = data.nioBuffer(index, length);
                return socket.sendTo(nio, nio.position(), nio.limit(), to.getAddress(), to.getPort()) == length;
            }
            // a heap buffer (an encoded STUN answer): the system call needs native memory
            ByteBuf copy = Unpooled.directBuffer(length).writeBytes(data, index, length);
            try {
                return send(copy, 0, length, to);
            } finally {
                copy.release();
            }
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Sends one datagram of the 4 bytes {@code prefix} (big endian) followed by {@code length} bytes of {@code data}
     * from {@code index}, gathered by the kernel: a ChannelData header in front of the relayed bytes without copying
     * them.
     *
     * @return true if the socket took the whole datagram
     */
    public boolean send(int prefix, ByteBuf data, int index, int length, InetSocketAddress to) {
        if (!socket.isOpen()) {
            return false;
        }
        if (iov == null) {
            header = Unpooled.directBuffer(4);
            iov = new IovArray(Unpooled.directBuffer(2 * IovArray.IOV_SIZE));
        }
        header.setInt(0, prefix);
        iov.clear();
        if (!iov.add(header, 0, 4) || !iov.add(data, index, length)) {
            return false;
        }
        try {
            return socket.sendToAddresses(iov.memoryAddress(0), iov.count(), to.getAddress(), to.getPort())
                    == 4 + length;
        } catch (IOException e) {
            return false;
        }
    }

    /** Frees the scratch memory; on the socket's event loop once the socket is closed. */
    public void close() {
        if (iov != null) {
            iov.release();
            header.release();
            iov = null;
            header = null;
        }
    }
}
