package org.edgeway.services.bootstrap;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.edgeway.engine.NodeRole;
import org.edgeway.engine.SystemSize;
import org.edgeway.services.security.AdminAccounts;
import org.edgeway.services.security.Caller;
import org.edgeway.services.system.SystemSettingsService;
import org.edgeway.services.turn.TurnSettingsService;

/** The first-start work that needs a transaction; does nothing on later starts. */
@Stateless
public class FirstStart {

    /** The server log line tests and administrators look for. */
    public static final String PASSWORD_LOG_PREFIX = "Initial administrator password for 'admin' (one-time, change at first login): ";

    private static final Logger LOG = Logger.getLogger(FirstStart.class.getName());

    @Inject
    private Caller caller;
    @Inject
    private SystemSettingsService settings;
    @Inject
    private AdminAccounts accounts;
    @Inject
    private TurnSettingsService turnSettings;

    public void initialize(NodeRole role, SystemSize size) {
        caller.identifyAsSystem();
        settings.initialize(role, size);
        turnSettings.initialize();
        accounts.createInitialAdmin().ifPresent(password -> LOG.warning(PASSWORD_LOG_PREFIX + password));
    }
}
