package org.edgeway.services.metrics;

import java.io.Serializable;
import java.time.Instant;

/** One minute's reading for the Status &gt; Overview charts: calls, SIP registrations and TURN relays at that time. */
public record ActivitySample(Instant at, int calls, int registrations, int relays) implements Serializable {

    private static final long serialVersionUID = 1L;
}
