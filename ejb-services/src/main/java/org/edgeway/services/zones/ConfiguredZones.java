package org.edgeway.services.zones;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.edgeway.services.dialplan.ZoneNames;

/** The names of the configured zones, for the search rules' source and target. */
@ApplicationScoped
public class ConfiguredZones implements ZoneNames {

    @Inject
    private ZoneService zones;

    /** In zone number order; the built-in LocalZone and DefaultZone are not included. */
    @Override
    public List<String> names() {
        return zones.names();
    }
}
