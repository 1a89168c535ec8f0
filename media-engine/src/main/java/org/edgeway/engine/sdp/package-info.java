/**
 * Session descriptions (RFC 8866): the model ({@link org.edgeway.engine.sdp.SessionDescription},
 * {@link org.edgeway.engine.sdp.MediaDescription}, {@link org.edgeway.engine.sdp.SdpLine}), the one codec that reads
 * and writes it ({@link org.edgeway.engine.sdp.SdpCodec}) and its strict parse error. Lines are kept in their order so
 * that a rewritten description differs from the original only where it was rewritten (c= and m= ports on a relay).
 */
package org.edgeway.engine.sdp;
