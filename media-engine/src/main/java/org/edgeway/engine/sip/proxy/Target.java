package org.edgeway.engine.sip.proxy;

import java.util.List;
import org.edgeway.engine.sip.message.SipUri;
import org.edgeway.engine.sip.transport.Flow;

/**
 * Where a search sends the request.
 *
 * @param requestUri the new Request-URI
 * @param flow       next hop
 * @param zone       the zone it lies in (LocalZone for registrations)
 * @param hopCount   Max-Forwards ceiling of that zone (0 = none)
 * @param routes     Route values to add (a registration's Path)
 */
record Target(SipUri requestUri, Flow flow, String zone, int hopCount, List<String> routes) {
}
