/**
 * STUN message codec (<a href="https://www.rfc-editor.org/rfc/rfc8489">RFC 8489</a>, which obsoletes
 * <a href="https://www.rfc-editor.org/rfc/rfc5389">RFC 5389</a>), verified against the
 * <a href="https://www.rfc-editor.org/rfc/rfc5769">RFC 5769</a> test vectors and RFC 8489 Appendix B.1.
 *
 * <ul>
 *   <li>{@link org.edgeway.engine.stun.StunMessage}: the message model (class, method, transaction ID,
 *       attributes), with factories for requests and responses;</li>
 *   <li>{@link org.edgeway.engine.stun.StunDecoder}: bytes to message, with size limits, and never an exception
 *       other than {@link org.edgeway.engine.stun.StunDecoderException};</li>
 *   <li>{@link org.edgeway.engine.stun.StunEncoder}: message to bytes, {@code @Sharable}; appends
 *       MESSAGE-INTEGRITY / MESSAGE-INTEGRITY-SHA256 and FINGERPRINT when asked;</li>
 *   <li>{@link org.edgeway.engine.stun.MessageIntegrity}, {@link org.edgeway.engine.stun.LongTermCredentials},
 *       {@link org.edgeway.engine.stun.PasswordAlgorithm} and {@link org.edgeway.engine.stun.NonceCookie}: the
 *       long-term credential mechanism of RFC 8489 section 9.2 including PASSWORD-ALGORITHMS, USERHASH and the
 *       bid-down protection nonce cookie;</li>
 *   <li>attributes, one class each, in {@link org.edgeway.engine.stun.attribute}.</li>
 * </ul>
 */
package org.edgeway.engine.stun;
