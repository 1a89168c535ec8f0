package org.edgeway.engine.srtp;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One direction of SRTP and SRTCP under one master key (AES_CM_128_HMAC_SHA1_80): protects what this side sends,
 * or unprotects what it receives. Keeps the rollover counter and highest sequence number per SSRC (RFC 3711 3.3.1,
 * appendix A) and the SRTCP index it sends. Not thread-safe: one per relay side, used on its event loop. No replay
 * list yet (a replayed packet with a valid tag is accepted).
 */
public final class SrtpContext {

    static final int TAG = 10;
    private static final int RTCP_INDEX = 4;

    private final SrtpKeys rtp;
    private final SrtpKeys rtcp;
    private final Cipher rtpAes;
    private final Cipher rtcpAes;
    private final Mac rtpMac;
    private final Mac rtcpMac;
    /** Per SSRC: {rollover counter, highest sequence number seen, whether one was seen}. */
    private final Map<Integer, long[]> streams = new HashMap<>();
    private int rtcpIndex;

    public SrtpContext(byte[] masterKey, byte[] masterSalt) throws GeneralSecurityException {
        rtp = SrtpKeys.rtp(masterKey, masterSalt);
        rtcp = SrtpKeys.rtcp(masterKey, masterSalt);
        rtpAes = aes(rtp.cipherKey());
        rtcpAes = aes(rtcp.cipherKey());
        rtpMac = mac(rtp.authKey());
        rtcpMac = mac(rtcp.authKey());
    }

    /** An RTP packet encrypted and authenticated: a new array, {@link #TAG} bytes longer. */
    public byte[] protectRtp(byte[] packet) throws GeneralSecurityException {
        int header = rtpHeaderLength(packet, packet.length);
        int seq = u16(packet, 2);
        int ssrc = i32(packet, 8);
        long[] s = streams.computeIfAbsent(ssrc, k -> new long[3]);
        if (s[2] == 1 && seq < s[1] && s[1] - seq > 32768) {
            s[0]++; // the sequence number wrapped
        }
        if (s[2] == 0 || seq > s[1] || s[1] - seq > 32768) {
            s[1] = seq;
        }
        s[2] = 1;
        long index = (s[0] << 16) | seq;
        byte[] out = Arrays.copyOf(packet, packet.length + TAG);
        AesCounter.apply(rtpAes, iv(rtp.salt(), ssrc, index, 8, 6), out, header, packet.length - header);
        tag(rtpMac, out, packet.length, (int) s[0], out, packet.length);
        return out;
    }

    /** An SRTP packet verified and decrypted: a new array without the tag. */
    public byte[] unprotectRtp(byte[] packet) throws GeneralSecurityException, SrtpException {
        int length = packet.length - TAG;
        if (length < 12) {
            throw new SrtpException("SRTP packet too short");
        }
        int header = rtpHeaderLength(packet, length);
        int seq = u16(packet, 2);
        int ssrc = i32(packet, 8);
        long[] s = streams.computeIfAbsent(ssrc, k -> new long[3]);
        long roc = s[0];
        if (s[2] == 1) { // RFC 3711 appendix A: guess the ROC from the highest sequence number seen
            if (s[1] < 32768 && seq - s[1] > 32768) {
                roc = s[0] - 1;
            } else if (s[1] >= 32768 && s[1] - 32768 > seq) {
                roc = s[0] + 1;
            }
        }
        byte[] expected = new byte[TAG];
        tag(rtpMac, packet, length, (int) roc, expected, 0);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(packet, length, packet.length))) {
            throw new SrtpException("SRTP authentication failed");
        }
        if (s[2] == 0 || roc > s[0] || (roc == s[0] && seq > s[1])) {
            s[0] = roc;
            s[1] = seq;
        }
        s[2] = 1;
        byte[] out = Arrays.copyOf(packet, length);
        AesCounter.apply(rtpAes, iv(rtp.salt(), ssrc, (roc << 16) | seq, 8, 6), out, header, length - header);
        return out;
    }

    /** An RTCP compound packet encrypted (after its first 8 bytes), with E||SRTCP index and tag appended. */
    public byte[] protectRtcp(byte[] packet) throws GeneralSecurityException {
        int index = rtcpIndex;
        rtcpIndex = (rtcpIndex + 1) & 0x7fffffff;
        byte[] out = Arrays.copyOf(packet, packet.length + RTCP_INDEX + TAG);
        AesCounter.apply(rtcpAes, iv(rtcp.salt(), i32(packet, 4), index, 10, 4), out, 8, packet.length - 8);
        int e = index | 0x80000000;
        out[packet.length] = (byte) (e >>> 24);
        out[packet.length + 1] = (byte) (e >>> 16);
        out[packet.length + 2] = (byte) (e >>> 8);
        out[packet.length + 3] = (byte) e;
        tag(rtcpMac, out, packet.length + RTCP_INDEX, -1, out, packet.length + RTCP_INDEX);
        return out;
    }

    /** An SRTCP packet verified and decrypted (when its E flag says so). */
    public byte[] unprotectRtcp(byte[] packet) throws GeneralSecurityException, SrtpException {
        int length = packet.length - TAG - RTCP_INDEX;
        if (length < 8) {
            throw new SrtpException("SRTCP packet too short");
        }
        byte[] expected = new byte[TAG];
        tag(rtcpMac, packet, length + RTCP_INDEX, -1, expected, 0);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(packet, length + RTCP_INDEX, packet.length))) {
            throw new SrtpException("SRTCP authentication failed");
        }
        int e = i32(packet, length);
        byte[] out = Arrays.copyOf(packet, length);
        if (e < 0) {
            AesCounter.apply(rtcpAes, iv(rtcp.salt(), i32(packet, 4), e & 0x7fffffff, 10, 4), out, 8, length - 8);
        }
        return out;
    }

    /** IV = salt * 2^16 XOR SSRC * 2^64 XOR index * 2^16 (the index in {@code width} bytes ending at byte 13). */
    static byte[] iv(byte[] salt, int ssrc, long index, int at, int width) {
        byte[] iv = new byte[16];
        System.arraycopy(salt, 0, iv, 0, 14);
        iv[4] ^= (byte) (ssrc >>> 24);
        iv[5] ^= (byte) (ssrc >>> 16);
        iv[6] ^= (byte) (ssrc >>> 8);
        iv[7] ^= (byte) ssrc;
        for (int i = 0; i < width; i++) {
            iv[at + i] ^= (byte) (index >>> (8 * (width - 1 - i)));
        }
        return iv;
    }

    /** HMAC-SHA1 over data[0..length) (and the ROC for SRTP, {@code roc} -1 for SRTCP), 80 bits into out. */
    private static void tag(Mac mac, byte[] data, int length, int roc, byte[] out, int at)
            throws GeneralSecurityException {
        mac.update(data, 0, length);
        if (roc != -1) {
            mac.update(new byte[] {(byte) (roc >>> 24), (byte) (roc >>> 16), (byte) (roc >>> 8), (byte) roc});
        }
        System.arraycopy(mac.doFinal(), 0, out, at, TAG);
    }

    static int rtpHeaderLength(byte[] p, int length) {
        int header = 12 + 4 * (p[0] & 0x0f);
        if ((p[0] & 0x10) != 0 && header + 4 <= length) {
            header += 4 + 4 * u16(p, header + 2);
        }
        return Math.min(header, length);
    }

    private static int u16(byte[] p, int at) {
        return (p[at] & 0xff) << 8 | (p[at + 1] & 0xff);
    }

    private static int i32(byte[] p, int at) {
        return (p[at] & 0xff) << 24 | (p[at + 1] & 0xff) << 16 | (p[at + 2] & 0xff) << 8 | (p[at + 3] & 0xff);
    }

    private static Cipher aes(byte[] key) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/ECB/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        return c;
    }

    private static Mac mac(byte[] key) throws GeneralSecurityException {
        Mac m = Mac.getInstance("HmacSHA1");
        m.init(new SecretKeySpec(key, "HmacSHA1"));
        return m;
    }
}
