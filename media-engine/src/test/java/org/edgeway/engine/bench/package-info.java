/**
 * Benchmark tools (not tests): {@link org.edgeway.engine.bench.TurnLoad} drives any RFC 5766/8656 TURN server over
 * UDP (ours or coturn) to find the relay saturation point, allocations per second and memory per live allocation.
 * Run by {@code bench/turn-vs-coturn.sh}; see {@code docs/performance.md}.
 */
package org.edgeway.engine.bench;
