package org.edgeway.services.dialplan;

import java.util.List;

/**
 * The names of the configured zones a search rule may name as source or target, besides LocalZone and
 * DefaultZone which always exist. The zones feature supplies it as a CDI bean; without one there are no others.
 */
public interface ZoneNames {

    List<String> names();
}
