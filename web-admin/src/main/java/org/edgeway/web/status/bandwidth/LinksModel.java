package org.edgeway.web.status.bandwidth;

import java.util.List;
import java.util.Map;
import org.edgeway.services.bandwidth.BandwidthLinks;
import org.edgeway.services.bandwidth.LinkUsage;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** The links table's lazy model: each page and sort is the service's; only the rows on screen are held. */
class LinksModel extends LazyDataModel<LinkUsage> {

    private static final Map<String, BandwidthLinks.Sort> SORT_COLUMNS = Map.of("link", BandwidthLinks.Sort.LINK,
            "calls", BandwidthLinks.Sort.CALLS, "kbps", BandwidthLinks.Sort.KBPS);

    private final transient BandwidthLinks links;

    LinksModel(BandwidthLinks links) {
        this.links = links;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return links.count();
    }

    @Override
    public List<LinkUsage> load(int first, int pageSize, Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
        for (SortMeta s : sortBy.values()) {
            BandwidthLinks.Sort sort = SORT_COLUMNS.get(s.getField());
            if (sort != null && s.getOrder() != SortOrder.UNSORTED) {
                return links.page(sort, s.getOrder() == SortOrder.DESCENDING, first, pageSize);
            }
        }
        return links.page(BandwidthLinks.Sort.LINK, false, first, pageSize);
    }

    @Override
    public String getRowKey(LinkUsage row) {
        return row.link();
    }
}
