package org.edgeway.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Chooses the WildFly port offsets before any test class runs, so arquillian.xml (read when the first Arquillian
 * test starts) and every {@link ServerNode} see the same numbers. Registered in META-INF/services.
 */
public final class PortReservation implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        NodeOffsets.resolve();
    }
}
