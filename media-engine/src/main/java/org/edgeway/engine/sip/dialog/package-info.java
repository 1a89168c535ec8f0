/**
 * Calls as the proxy sees them: each INVITE it routes becomes a {@link org.edgeway.engine.sip.dialog.TrackedCall}
 * followed from the INVITE through its final response to the BYE (or CANCEL), reported as
 * {@link org.edgeway.engine.calls.CallEvent}s and listed live by the {@link org.edgeway.engine.sip.dialog.CallTracker}
 * (the node's {@link org.edgeway.engine.calls.CallControl}).
 */
package org.edgeway.engine.sip.dialog;
