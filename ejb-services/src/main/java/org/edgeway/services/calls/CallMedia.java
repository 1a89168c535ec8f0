package org.edgeway.services.calls;

/** One media channel of a leg with what the node relayed on it. */
public record CallMedia(String name, String from, String to, long packets, long bytes, long lost,
        double jitterMillis) {
}
