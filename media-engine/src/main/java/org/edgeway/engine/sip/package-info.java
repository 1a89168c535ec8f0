/** SIP (RFC 3261): message model and codec, transactions, registrar, proxy and the SIP engine service. */
package org.edgeway.engine.sip;
