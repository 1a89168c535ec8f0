/**
 * A DNS stub resolver (RFC 1035, RFC 2782 SRV, RFC 3403 NAPTR, RFC 3596 AAAA): one query to a given server over UDP,
 * again over TCP when the answer is truncated. Maintenance &gt; Tools &gt; DNS lookup asks through it, so what the
 * administrator sees is what the configured DNS server answers.
 */
package org.edgeway.engine.dns;
