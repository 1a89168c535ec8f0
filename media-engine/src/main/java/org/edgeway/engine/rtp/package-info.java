/**
 * The media relay (RTP/RTCP, RFC 3550) the B2BUA anchors calls on: per-call RTP/RTCP port pairs from the traversal
 * media range, the Expressway-E's shared demultiplexing pair facing the Expressway-C (seed 003 "Media
 * Demultiplexing"), symmetric latching, per-channel counters with loss and jitter read from RTCP receiver reports,
 * all on the engine's event loops.
 */
package org.edgeway.engine.rtp;
