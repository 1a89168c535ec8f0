package org.edgeway.engine.rtp;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.edgeway.engine.EngineEvent;
import org.edgeway.engine.EngineService;
import org.edgeway.engine.EngineState;
import org.edgeway.engine.ServiceContext;
import org.edgeway.engine.ServiceKey;
import org.edgeway.engine.ServiceStatus;

/**
 * The media relay as an engine service: runs a {@link MediaRelay} with the node's media settings; the SIP service
 * anchors calls on {@link #relay()}. A change of the settings restarts the relay; calls already relayed keep their
 * ports until they end.
 */
public final class MediaRelayService implements EngineService<MediaConfig, MediaSnapshot> {

    static final String NAME = "Media relay";
    public static final ServiceKey<MediaConfig, MediaSnapshot> KEY = new ServiceKey<>(NAME, MediaConfig.class,
            MediaSnapshot.class, MediaConfig.defaults(), MediaSnapshot.inactive("stopped"));
    private static final Logger LOG = Logger.getLogger(MediaRelayService.class.getName());

    private volatile MediaRelay relay;
    private volatile MediaSnapshot snapshot = KEY.inactive();
    private MediaConfig running;
    private ServiceContext context;

    @Override
    public ServiceKey<MediaConfig, MediaSnapshot> key() {
        return KEY;
    }

    @Override
    public void start(ServiceContext ctx, MediaConfig config) {
        context = ctx;
        running = config;
        try {
            MediaRelay started = new MediaRelay(ctx.loops(), InetAddress.getByName(ctx.node().bindAddress()), config,
                    ctx.node().role(), ctx.node().size());
            relay = started;
            String demux = started.demuxAddress() == null ? "" : "; demultiplexing on "
                    + started.demuxAddress().getPort() + "/" + (started.demuxAddress().getPort() + 1);
            snapshot = new MediaSnapshot(EngineState.RUNNING, "ports " + config.rangeStart() + "-"
                    + config.rangeEnd() + demux);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "media relay failed to start", e);
            snapshot = new MediaSnapshot(EngineState.FAILED, "Failed to start: " + e.getMessage());
        }
        if (snapshot.state() == EngineState.FAILED) {
            // running is no news: the relay holds no port until a call needs one
            emit(new EngineEvent.StateChanged(Instant.now(), NAME, snapshot.state(), snapshot.detail()));
        }
    }

    @Override
    public void apply(ServiceContext ctx, MediaConfig config) {
        if (config.equals(running)) {
            return;
        }
        stop();
        start(ctx, config);
    }

    @Override
    public void stop() {
        MediaRelay current = relay;
        if (current != null) {
            relay = null;
            current.close();
            snapshot = KEY.inactive();
        }
    }

    /** The running relay, or null. */
    public MediaRelay relay() {
        return relay;
    }

    @Override
    public MediaSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public ServiceStatus status() {
        MediaSnapshot s = snapshot;
        return new ServiceStatus(NAME, s.state(), s.detail());
    }

    private void emit(EngineEvent event) {
        try {
            context.events().onEvent(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "engine listener failed", e);
        }
    }
}
