package org.edgeway.engine;

import java.util.List;
import org.edgeway.engine.rtp.MediaRelayService;
import org.edgeway.engine.sip.SipService;
import org.edgeway.engine.turn.TurnService;

/** The services of an Edgeway node, in start order; the one place that lists them (SIP, zones, B2BUA join here). */
final class StandardServices {

    private StandardServices() {
    }

    static List<EngineService<?, ?>> create() {
        MediaRelayService media = new MediaRelayService();
        return List.of(new TurnService(), media, new SipService(media));
    }
}
