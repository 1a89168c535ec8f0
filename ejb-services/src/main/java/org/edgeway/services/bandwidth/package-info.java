/**
 * Status &gt; Bandwidth &gt; Links: the media bandwidth each link carries now, sampled from the engine's relayed
 * byte counters per call.
 */
package org.edgeway.services.bandwidth;
