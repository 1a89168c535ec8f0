/**
 * ICE (RFC 8445) as a B2BUA that passes it through sees it: the SDP attributes of RFC 8839
 * ({@link org.edgeway.engine.ice.IceCandidate}), and the reading of the controlling agent's updated offer into the
 * call's ICE passthrough call type ({@link org.edgeway.engine.ice.IcePathClassifier}). This node never runs
 * connectivity checks itself: the endpoints do, and the signalling says what they chose.
 */
package org.edgeway.engine.ice;
