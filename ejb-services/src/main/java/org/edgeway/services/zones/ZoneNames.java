package org.edgeway.services.zones;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The names of the configured zones, for pages that pick a zone (search rules' source and target). */
@ApplicationScoped
public class ZoneNames {

    @Inject
    private ZoneService zones;

    /** In zone number order; the built-in LocalZone and DefaultZone are not included. */
    public List<String> names() {
        return zones.names();
    }
}
