/**
 * Benchmark tools (not tests): {@link org.edgeway.engine.bench.RtpLoad} carries 20 ms audio calls through a relay set
 * up by SIP (a node, the C/E pair) or by rtpengine's ng protocol ({@code bench/rtp-vs-rtpengine.sh});
 * {@link org.edgeway.engine.bench.TurnLoad} drives any RFC 5766/8656 TURN server over
 * UDP (ours or coturn) to find the relay saturation point, allocations per second and memory per live allocation.
 * Run by {@code bench/turn-vs-coturn.sh}; see {@code docs/performance.md}.
 */
package org.edgeway.engine.bench;
