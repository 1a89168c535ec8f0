package org.edgeway.engine.sip;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a libpcap capture of RTP over Ethernet/IPv4/UDP (such as SIPp's g711a.pcap) holds: its UDP packets and their
 * payload bytes, so a test knows what SIPp's play_pcap_audio will send.
 */
public record PcapFile(long packets, long payloadBytes) {

    public static final Path SIPP_G711A = Path.of("/usr/share/sip-tester/g711a.pcap");

    public static PcapFile read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        int magic = b.getInt(0);
        b.order(magic == 0xa1b2c3d4 || magic == 0xa1b23c4d ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(20) != 1) {
            throw new IOException(file + ": not an Ethernet capture");
        }
        long packets = 0;
        long bytes = 0;
        int at = 24;
        while (at + 16 <= b.limit()) {
            int captured = b.getInt(at + 8);
            int frame = at + 16;
            int ip = frame + 14;
            // the record header is in the file's byte order, the packet in network order
            boolean ipv4Udp = unsigned16(b, frame + 12) == 0x0800 && (b.get(ip + 9) & 0xff) == 17;
            if (ipv4Udp) {
                int udp = ip + (b.get(ip) & 0x0f) * 4;
                packets++;
                bytes += unsigned16(b, udp + 4) - 8;
            }
            at = frame + captured;
        }
        return new PcapFile(packets, bytes);
    }

    private static int unsigned16(ByteBuffer b, int at) {
        return (b.get(at) & 0xff) << 8 | (b.get(at + 1) & 0xff);
    }
}
