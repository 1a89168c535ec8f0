package org.edgeway.engine.rtp;

import org.edgeway.engine.EngineState;

/**
 * The media relay as status pages see it.
 *
 * @param state       running, stopped or failed
 * @param detail      the port range and, on an E, the demultiplexing pair; or why it failed
 */
public record MediaSnapshot(EngineState state, String detail) {

    static MediaSnapshot inactive(String why) {
        return new MediaSnapshot(EngineState.STOPPED, why);
    }
}
