package org.edgeway.engine.sip;

import org.edgeway.engine.ServiceKey;

/**
 * The SIP edge as an engine service. Contract only for now: its key, so the EJB side can contribute the
 * configuration; the service itself (listeners, transactions, registrar, proxy, zones) is being built.
 */
public final class SipService {

    static final String NAME = "SIP";
    public static final ServiceKey<SipConfig, SipSnapshot> KEY = new ServiceKey<>(NAME, SipConfig.class,
            SipSnapshot.class, SipConfig.defaults(), SipSnapshot.inactive("SIP mode Off"));

    private SipService() {
    }
}
