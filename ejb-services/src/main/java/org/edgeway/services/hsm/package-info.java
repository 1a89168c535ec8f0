/**
 * Maintenance &gt; Security &gt; HSM configuration: HSM Mode, the nShield settings and modules (configuration only),
 * and the PKCS#11 token that holds the server's private key through the JDK's SunPKCS11 provider.
 */
package org.edgeway.services.hsm;
