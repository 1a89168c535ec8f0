package org.edgeway.engine.net;

/** What a datagram (or a frame on a multiplexed stream) carries, by its first byte (RFC 7983). */
public enum PacketKind {
    STUN,
    ZRTP,
    DTLS,
    CHANNEL_DATA,
    RTP,
    UNKNOWN
}
