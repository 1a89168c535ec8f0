package org.edgeway.engine.turn;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.edgeway.engine.net.PacketKind;
import org.edgeway.engine.stun.StunMessage;

/**
 * Frames a TURN-over-TCP byte stream (RFC 8656 section 12.4 and RFC 8489 section 6.2.2): a STUN message is its
 * 20-byte header plus the header's length field; a ChannelData message is 4 bytes plus its length rounded up to a
 * multiple of 4. Emits one retained slice per frame. A frame larger than {@code maxFrame}, or a first byte that is
 * neither STUN nor ChannelData, means the stream cannot be resynchronised: the connection is closed and counted.
 */
final class TcpFrameDecoder extends ByteToMessageDecoder {

    private final int maxFrame;
    private final TurnCounters counters;

    TcpFrameDecoder(int maxFrame, TurnCounters counters) {
        this.maxFrame = Math.max(maxFrame, 548);
        this.counters = counters;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= 4) {
            int at = in.readerIndex();
            PacketKind kind = TurnWire.DEMUX.kind(in.getUnsignedByte(at));
            int length = in.getUnsignedShort(at + 2);
            int frame;
            if (kind == PacketKind.STUN) {
                frame = StunMessage.HEADER_LENGTH + length;
            } else if (kind == PacketKind.CHANNEL_DATA) {
                frame = 4 + ((length + 3) & ~3);
            } else {
                fail(ctx, in);
                return;
            }
            if (frame > maxFrame + StunMessage.HEADER_LENGTH) {
                fail(ctx, in);
                return;
            }
            if (in.readableBytes() < frame) {
                return;
            }
            out.add(in.readRetainedSlice(frame));
        }
    }

    private void fail(ChannelHandlerContext ctx, ByteBuf in) {
        counters.malformed.increment();
        in.skipBytes(in.readableBytes());
        ctx.close();
    }
}
