package org.edgeway.engine.net;

import java.net.InetAddress;

/**
 * Where every listener asks whether a source is blocked: the engine replaces the {@link BlockedSources} as a whole
 * ({@link org.edgeway.engine.Engine#blockSources}); the packet path reads one volatile field and, while nothing is
 * blocked, nothing else.
 */
public final class SourceGate {

    private volatile BlockedSources blocked = BlockedSources.NONE;

    public boolean refuses(InetAddress source) {
        BlockedSources b = blocked;
        return !b.isEmpty() && b.contains(source);
    }

    /** True while nothing is blocked: a listener need not even build the source's address to ask. */
    public boolean blocksNothing() {
        return blocked.isEmpty();
    }

    public void set(BlockedSources next) {
        blocked = next == null ? BlockedSources.NONE : next;
    }

    public BlockedSources current() {
        return blocked;
    }
}
