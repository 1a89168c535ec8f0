/**
 * The TURN server of the Expressway-E (Configuration &gt; Traversal &gt; TURN, B-TURN-*):
 * <a href="https://www.rfc-editor.org/rfc/rfc8656">RFC 8656</a> (Traversal Using Relays around NAT, which obsoletes
 * <a href="https://www.rfc-editor.org/rfc/rfc5766">RFC 5766</a> and
 * <a href="https://www.rfc-editor.org/rfc/rfc6156">RFC 6156</a>) on top of the STUN codec of
 * {@link org.edgeway.engine.stun}, with the long-term credential mechanism of
 * <a href="https://www.rfc-editor.org/rfc/rfc8489#section-9.2">RFC 8489 section 9.2</a> and the TURN REST API
 * time-limited credentials (draft-uberti-behave-turn-rest).
 *
 * <ul>
 *   <li>{@link org.edgeway.engine.turn.TurnServer}: lifecycle, listeners (UDP and TCP request ports, the Large port
 *       range, TCP 443, TLS-over-TCP "turns:" with a certificate reloaded from its keystore file), the allocation
 *       table, capacity, expiry, status and events;</li>
 *   <li>{@code TurnRequestProcessor}: Allocate, Refresh, CreatePermission, ChannelBind, Binding, and the relay fast
 *       paths for Send indications and ChannelData;</li>
 *   <li>{@code Allocation}, {@code NativeRelaySocket} (native epoll) or {@code RelayHandler} (NIO),
 *       {@code TurnWire}, {@link org.edgeway.engine.net.DirectDatagramSender}: relaying with no copy of application
 *       data;</li>
 *   <li>{@link org.edgeway.engine.net.PeerAddressPolicy} and {@link org.edgeway.engine.net.Cidr}: which peers are
 *       allowed (403 otherwise), including IPv4 addresses hidden in IPv6 spellings;</li>
 *   <li>{@code TurnAuthenticator}, {@code NonceManager}, {@code RateLimiter}: credentials, stateless nonces and 401
 *       rate limiting.</li>
 * </ul>
 * Configuration comes only from {@link org.edgeway.engine.turn.TurnConfig}; status goes out as
 * {@link org.edgeway.engine.turn.TurnSnapshot} and {@link org.edgeway.engine.EngineEvent}s.
 */
package org.edgeway.engine.turn;

