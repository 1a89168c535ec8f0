package org.edgeway.services.bandwidth;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edgeway.services.validation.InvalidSettingsException;
import org.edgeway.services.zones.ZoneService;

/**
 * Status &gt; Bandwidth &gt; Links: a link per zone of the node (and the DefaultZone, where unmatched callers come
 * from), with the usage {@link LinkSampler} measured; sorted and paged here, so a page never takes more rows than it
 * shows.
 */
@Stateless
public class BandwidthLinks {

    public static final String DEFAULT_ZONE = "DefaultZone";

    /** The columns a page may sort by. */
    public enum Sort {
        LINK(Comparator.comparing(LinkUsage::link, String.CASE_INSENSITIVE_ORDER)),
        CALLS(Comparator.comparingInt(LinkUsage::calls)),
        KBPS(Comparator.comparingLong(LinkUsage::kbps));

        private final Comparator<LinkUsage> order;

        Sort(Comparator<LinkUsage> order) {
            this.order = order;
        }

        /** The API's name of the column: link, calls, kbps. */
        public String apiName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** "calls" or "calls,desc" (default link, ascending): the column and whether descending. */
        public static Map.Entry<Sort, Boolean> parse(String text) {
            if (text == null || text.isBlank()) {
                return Map.entry(LINK, false);
            }
            String[] p = text.trim().split(",", -1);
            for (Sort s : values()) {
                if (s.apiName().equals(p[0]) && (p.length == 1 || p.length == 2 && p[1].matches("asc|desc"))) {
                    return Map.entry(s, p.length == 2 && "desc".equals(p[1]));
                }
            }
            throw new InvalidSettingsException(Map.of("sort", "must be link, calls or kbps, optionally followed by"
                    + " ,asc or ,desc"));
        }
    }

    @Inject
    private LinkSampler sampler;
    @Inject
    private ZoneService zones;

    public static final int MAX_PAGE_SIZE = 500;

    public List<LinkUsage> page(Sort sort, boolean descending, int first, int size) {
        Comparator<LinkUsage> order = sort.order.thenComparing(LinkUsage::link);
        List<LinkUsage> all = all();
        all.sort(descending ? order.reversed() : order);
        return all.subList(Math.min(first, all.size()), Math.min(first + size, all.size()));
    }

    public int count() {
        return all().size();
    }

    private List<LinkUsage> all() {
        Map<String, LinkUsage> links = new LinkedHashMap<>();
        links.put(DEFAULT_ZONE, LinkUsage.idle(DEFAULT_ZONE));
        zones.names().forEach(z -> links.put(z, LinkUsage.idle(z)));
        links.putAll(sampler.usage()); // a zone a call names that is not configured (LocalZone ...) still shows
        return new ArrayList<>(links.values());
    }
}
