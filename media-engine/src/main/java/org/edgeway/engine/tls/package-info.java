/**
 * Certificates and TLS server contexts for the engine's TLS listeners: the node's temporary self-signed certificate
 * ({@link org.edgeway.engine.tls.SelfSignedCertificate}) and a server {@code SslContext} taken again from its
 * PKCS12 keystore file when the file changes ({@link org.edgeway.engine.tls.ReloadingSslContext}, used by TURN over
 * TLS, <a href="https://www.rfc-editor.org/rfc/rfc8656#section-3.1">RFC 8656 section 3.1</a>). JDK TLS provider,
 * TLS 1.2 and 1.3 only.
 */
package org.edgeway.engine.tls;
