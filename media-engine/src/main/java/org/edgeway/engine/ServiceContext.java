package org.edgeway.engine;

import io.netty.channel.EventLoopGroup;
import org.edgeway.engine.net.SourceGate;

/**
 * What every service gets from the engine besides its own configuration: the node's settings, the shared Netty
 * event loops and the event sink. A change of the node settings restarts every service.
 *
 * @param node   role, size, host name and bind address of this node
 * @param loops  the engine's event loops (services never create their own)
 * @param events where services report state changes, alarms and their own events; never blocks
 * @param gate   the sources automated protection blocks: every listener refuses them at its receive entry
 */
public record ServiceContext(NodeSettings node, EventLoopGroup loops, EngineListener events, SourceGate gate) {

    /** A context blocking nothing (tests, standalone services). */
    public ServiceContext(NodeSettings node, EventLoopGroup loops, EngineListener events) {
        this(node, loops, events, new SourceGate());
    }
}
