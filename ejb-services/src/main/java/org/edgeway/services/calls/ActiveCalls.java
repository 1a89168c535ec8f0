package org.edgeway.services.calls;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.edgeway.engine.calls.CallControl;
import org.edgeway.services.configlog.Changes;
import org.edgeway.services.configlog.ConfigurationLog;
import org.edgeway.services.engine.EngineLifecycle;
import org.edgeway.services.security.Caller;

/**
 * Status &gt; Calls &gt; Calls: the calls now active, read live from the engine (none while the engine carries no
 * calls), and Disconnect, which read-write administrators may do and the configuration log records.
 */
@Stateless
public class ActiveCalls {

    static final String PAGE = "Status > Calls";

    @Inject
    private EngineLifecycle engine;
    @Inject
    private Caller caller;
    @Inject
    private ConfigurationLog log;

    /** Newest first. */
    public List<CallRow> list() {
        Instant now = Instant.now();
        return control().map(c -> c.activeCalls().stream()
                .sorted(java.util.Comparator.comparing(org.edgeway.engine.calls.CallRecord::start).reversed())
                .map(r -> CallRecords.row(r, now)).toList()).orElse(List.of());
    }

    /** An active call's detail record, with its current counters. */
    public Optional<CallDetail> detail(String serialNumber) {
        Instant now = Instant.now();
        return control().flatMap(c -> c.activeCalls().stream()
                .filter(r -> r.serialNumber().equals(serialNumber)).findFirst().map(r -> CallRecords.detail(r, now)));
    }

    /**
     * Ends an active call ("Disconnected by administrator").
     *
     * @return false when no active call has this serial number (it ended meanwhile, or never was)
     */
    public boolean disconnect(String serialNumber) {
        caller.requireWrite();
        Optional<CallControl> control = control();
        if (control.isEmpty() || !control.get().disconnect(serialNumber)) {
            return false;
        }
        log.record(new Changes(PAGE).compare("Call " + serialNumber, "Active", "Disconnected"));
        return true;
    }

    /** The engine's live calls; empty while no engine service carries calls. */
    private Optional<CallControl> control() {
        return engine.findService(CallControl.class);
    }
}
