package org.edgeway.engine.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.edgeway.engine.sip.message.SipCodec;
import org.edgeway.engine.sip.message.SipParseException;

/**
 * Cuts a TCP/TLS byte stream into SIP messages by Content-Length (RFC 3261 18.3). Answers a CRLFCRLF keep-alive ping
 * with a CRLF pong (RFC 5626 4.4.1) and skips stray CRLFs between messages (RFC 3261 7.5). A stream that breaks
 * the framing (no Content-Length, header section beyond the size limit) cannot be resynchronised: it is closed.
 */
final class StreamFramer extends ByteToMessageDecoder {

    private static final byte[] PONG = {'\r', '\n'};

    private final SipCodec codec;
    private final Runnable onMalformed;

    StreamFramer(SipCodec codec, Runnable onMalformed) {
        this.codec = codec;
        this.onMalformed = onMalformed;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int crlfs = leadingCrlfs(in);
            if (crlfs > 0) {
                if (crlfs >= 2) {
                    ctx.writeAndFlush(Unpooled.wrappedBuffer(PONG));
                }
                in.skipBytes(crlfs * 2);
                continue;
            }
            if (in.readableBytes() >= 1 && in.getByte(in.readerIndex()) == '\r' && in.readableBytes() < 2) {
                return;
            }
            byte[] view = new byte[in.readableBytes()];
            in.getBytes(in.readerIndex(), view);
            int length;
            try {
                length = codec.frameLength(view, 0, view.length);
            } catch (SipParseException e) {
                onMalformed.run();
                in.skipBytes(in.readableBytes());
                ctx.close();
                return;
            }
            if (length < 0) {
                return;
            }
            byte[] frame = new byte[length];
            in.readBytes(frame);
            out.add(frame);
        }
    }

    /** Number of whole CRLF pairs at the reader index. */
    private static int leadingCrlfs(ByteBuf in) {
        int n = 0;
        int i = in.readerIndex();
        while (i + 1 < in.writerIndex() && in.getByte(i) == '\r' && in.getByte(i + 1) == '\n') {
            n++;
            i += 2;
        }
        return n;
    }
}
