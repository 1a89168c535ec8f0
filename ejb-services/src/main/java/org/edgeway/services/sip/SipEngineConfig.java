package org.edgeway.services.sip;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.edgeway.engine.EngineConfig;
import org.edgeway.engine.sip.SipConfig;
import org.edgeway.engine.sip.SipService;
import org.edgeway.services.authentication.LocalDatabase;
import org.edgeway.services.dialplan.SearchRules;
import org.edgeway.services.domains.Domains;
import org.edgeway.services.engine.EngineConfigContributor;
import org.edgeway.services.maintenance.MaintenanceMode;

/**
 * The SIP page, the domains, the dial plan and the local database's credentials as SIP's part of the engine
 * configuration. Each part replaces only its own component of the SIP configuration already there, so the zones
 * and certificates other features contribute survive whatever order contributors run in.
 */
@ApplicationScoped
public class SipEngineConfig implements EngineConfigContributor {

    @Inject
    private SipSettingsService settings;
    @Inject
    private Domains domains;
    @Inject
    private SearchRules searchRules;
    @Inject
    private LocalDatabase localDatabase;
    @Inject
    private MaintenanceMode maintenanceMode;

    @Override
    public EngineConfig contribute(EngineConfig config) {
        SipConfig sip = config.service(SipService.KEY);
        sip = settings.withProtocol(sip)
                .withDomains(domains.forEngine())
                .withSearchRules(searchRules.forEngine())
                .withCredentials(sip.realm(), localDatabase.passwordsForEngine())
                .withMaintenanceMode(maintenanceMode.isOn());
        return config.with(SipService.KEY, sip);
    }
}
