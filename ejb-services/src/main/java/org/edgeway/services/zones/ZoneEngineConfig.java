package org.edgeway.services.zones;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.edgeway.engine.EngineConfig;
import org.edgeway.engine.sip.SipService;
import org.edgeway.services.engine.EngineConfigContributor;

/** The zones' part of the SIP engine configuration; the other parts (SIP page, domains, rules) are other features'. */
@ApplicationScoped
public class ZoneEngineConfig implements EngineConfigContributor {

    @Inject
    private ZoneService zones;

    @Override
    public EngineConfig contribute(EngineConfig config) {
        return config.with(SipService.KEY, config.service(SipService.KEY).withZones(zones.engineZones()));
    }
}
