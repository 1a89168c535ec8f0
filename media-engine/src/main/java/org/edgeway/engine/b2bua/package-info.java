/**
 * The B2BUA's media half on a node of the traversal pair: for a call that crosses a traversal zone, the offer and
 * the answer are rewritten (RFC 3264) so media flows through this node's {@link org.edgeway.engine.rtp.MediaRelay},
 * and the call's record carries the B2BUA component with the relayed channels' counters.
 */
package org.edgeway.engine.b2bua;
