package org.edgeway.services.media;

/** Ports {@code first}..{@code last} another service of this node listens on, and what it is ("the SIP UDP port"). */
public record PortUse(int first, int last, String user) {

    static PortUse single(int port, String user) {
        return new PortUse(port, port, user);
    }

    boolean contains(int port) {
        return port >= first && port <= last;
    }

    boolean overlaps(int start, int end) {
        return first <= end && last >= start;
    }

    /** "the SIP UDP port (5060)", "the TURN media port range (24000-29999)". */
    String describe() {
        return user + " (" + (first == last ? String.valueOf(first) : first + "-" + last) + ")";
    }
}
