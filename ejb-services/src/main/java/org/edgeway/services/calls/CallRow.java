package org.edgeway.services.calls;

import java.time.Instant;

/**
 * One call as the Calls and History lists, the API and the CSV show it. Status and ICE passthrough call type are the
 * product's labels ("Completed", "host_to_host").
 *
 * @param end             null while the call is active
 * @param durationSeconds until the end, or until now while active
 */
public record CallRow(String serialNumber, String tag, Instant start, Instant end, long durationSeconds,
        String sourceAlias, String destinationAlias, String protocol, String status, String disconnectReason,
        long bandwidthKbps, String iceCallType) {
}
