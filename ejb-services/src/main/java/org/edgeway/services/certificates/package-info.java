/**
 * Maintenance &gt; Security &gt; Trusted CA certificate (P45): the certificates TLS verify trusts, and the node's
 * TLS material handed to the SIP engine with them.
 */
package org.edgeway.services.certificates;
