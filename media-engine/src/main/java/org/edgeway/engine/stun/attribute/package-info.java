/**
 * One class per STUN attribute, each quoting the RFC section that defines it. Base STUN attributes come from
 * <a href="https://www.rfc-editor.org/rfc/rfc8489#section-14">RFC 8489 section 14</a> (which obsoletes
 * <a href="https://www.rfc-editor.org/rfc/rfc5389">RFC 5389</a>); TURN attributes from
 * <a href="https://www.rfc-editor.org/rfc/rfc8656#section-18">RFC 8656 section 18</a> (which obsoletes
 * <a href="https://www.rfc-editor.org/rfc/rfc5766">RFC 5766</a> and
 * <a href="https://www.rfc-editor.org/rfc/rfc6156">RFC 6156</a>).
 *
 * <p>Every attribute is immutable. Each class has a {@code TYPE} constant, a static {@code decode(ByteBuf value,
 * byte[] transactionId)} that reads exactly the attribute value (without header and padding) and throws
 * {@link org.edgeway.engine.stun.StunDecoderException} on a malformed value, and {@code writeValue} that writes the
 * value for {@link org.edgeway.engine.stun.StunEncoder}. {@link org.edgeway.engine.stun.attribute.StunAttributes}
 * maps a type to its decoder; anything it does not know becomes an {@link
 * org.edgeway.engine.stun.attribute.UnknownAttribute} so that a 420 (Unknown Attribute) can list it.
 */
package org.edgeway.engine.stun.attribute;
