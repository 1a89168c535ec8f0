package org.edgeway.engine.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Encodes one query and decodes the answer section of a response (RFC 1035 section 4, name compression 4.1.4). */
final class DnsCodec {

    /** A decoded response header and answer section. */
    record Response(int id, boolean truncated, int rcode, List<DnsRecord> answers) {
    }

    private static final int MAX_POINTERS = 64;

    private DnsCodec() {
    }

    /** A standard query with recursion desired. */
    static byte[] query(int id, String name, RecordType type) {
        ByteBuffer b = ByteBuffer.allocate(18 + name.length() + 2);
        b.putShort((short) id).putShort((short) 0x0100).putShort((short) 1).putShort((short) 0).putShort((short) 0)
                .putShort((short) 0);
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (!n.isEmpty()) {
            for (String label : n.split("\\.", -1)) {
                byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
                if (bytes.length == 0 || bytes.length > 63) {
                    throw new IllegalArgumentException("not a domain name: " + name);
                }
                b.put((byte) bytes.length).put(bytes);
            }
        }
        b.put((byte) 0).putShort((short) type.code()).putShort((short) 1);
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    static Response decode(byte[] message) {
        try {
            ByteBuffer b = ByteBuffer.wrap(message);
            int id = b.getShort() & 0xFFFF;
            int flags = b.getShort() & 0xFFFF;
            int questions = b.getShort() & 0xFFFF;
            int answers = b.getShort() & 0xFFFF;
            b.getShort();
            b.getShort();
            for (int i = 0; i < questions; i++) {
                name(message, b);
                b.position(b.position() + 4);
            }
            List<DnsRecord> records = new ArrayList<>();
            for (int i = 0; i < answers; i++) {
                String owner = name(message, b);
                int type = b.getShort() & 0xFFFF;
                b.getShort(); // class
                long ttl = b.getInt() & 0xFFFFFFFFL;
                int length = b.getShort() & 0xFFFF;
                int end = b.position() + length;
                if (end > message.length) {
                    throw new IllegalArgumentException("record data runs past the message");
                }
                RecordType t = RecordType.of(type);
                if (t != null) {
                    records.add(new DnsRecord(owner, t, ttl, data(message, b, t, length)));
                }
                b.position(end);
            }
            return new Response(id, (flags & 0x0200) != 0, flags & 0x000F, records);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("truncated DNS message", e);
        }
    }

    private static String data(byte[] message, ByteBuffer b, RecordType type, int length) {
        int start = b.position();
        return switch (type) {
            case A, AAAA -> address(message, start, length);
            case CNAME, NS, PTR -> name(message, b);
            case MX -> (b.getShort() & 0xFFFF) + " " + name(message, b);
            case SRV -> (b.getShort() & 0xFFFF) + " " + (b.getShort() & 0xFFFF) + " " + (b.getShort() & 0xFFFF) + " "
                    + name(message, b);
            case NAPTR -> (b.getShort() & 0xFFFF) + " " + (b.getShort() & 0xFFFF) + " \"" + string(b) + "\" \""
                    + string(b) + "\" \"" + string(b) + "\" " + name(message, b);
            case TXT -> {
                StringBuilder s = new StringBuilder();
                while (b.position() < start + length) {
                    s.append(s.isEmpty() ? "" : " ").append('"').append(string(b)).append('"');
                }
                yield s.toString();
            }
        };
    }

    private static String address(byte[] message, int start, int length) {
        try {
            return InetAddress.getByAddress(java.util.Arrays.copyOfRange(message, start, start + length))
                    .getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad address length " + length);
        }
    }

    private static String string(ByteBuffer b) {
        byte[] bytes = new byte[b.get() & 0xFF];
        b.get(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** A possibly compressed name; the buffer ends after it. */
    private static String name(byte[] message, ByteBuffer b) {
        StringBuilder s = new StringBuilder();
        int at = b.position();
        int resume = -1;
        for (int jumps = 0; ; ) {
            int len = message[at] & 0xFF;
            if ((len & 0xC0) == 0xC0) {
                if (++jumps > MAX_POINTERS) {
                    throw new IllegalArgumentException("name compression loop");
                }
                if (resume < 0) {
                    resume = at + 2;
                }
                at = ((len & 0x3F) << 8) | (message[at + 1] & 0xFF);
                continue;
            }
            if (len == 0) {
                at++;
                break;
            }
            if (s.length() > 0) {
                s.append('.');
            }
            s.append(new String(message, at + 1, len, StandardCharsets.US_ASCII));
            at += 1 + len;
        }
        b.position(resume >= 0 ? resume : at);
        return s.toString();
    }
}
