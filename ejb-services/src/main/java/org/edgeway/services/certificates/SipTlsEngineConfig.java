package org.edgeway.services.certificates;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.edgeway.engine.EngineConfig;
import org.edgeway.engine.sip.SipService;
import org.edgeway.services.engine.EngineConfigContributor;
import org.edgeway.services.security.NodeCertificate;

/** SIP's TLS material: the node's certificate (as TURN over TLS uses it) and the trusted CA certificates. */
@ApplicationScoped
public class SipTlsEngineConfig implements EngineConfigContributor {

    @Inject
    private TrustedCertificates trusted;

    @Override
    public EngineConfig contribute(EngineConfig config) {
        return config.with(SipService.KEY, config.service(SipService.KEY).withTls(NodeCertificate.keyStorePath(),
                NodeCertificate.keyStorePassword(), trusted.pemsForEngine()));
    }
}
