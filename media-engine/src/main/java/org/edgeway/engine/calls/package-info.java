/**
 * Calls as the engine reports them: the record of one call ({@link org.edgeway.engine.calls.CallRecord}) with its
 * components and media channels, the events that carry it to the services ({@link org.edgeway.engine.calls.CallEvent})
 * and the live view a status page acts on ({@link org.edgeway.engine.calls.CallControl}). The service that carries
 * calls (the SIP proxy and the B2BUA) produces them; the services persist and show them.
 */
package org.edgeway.engine.calls;
