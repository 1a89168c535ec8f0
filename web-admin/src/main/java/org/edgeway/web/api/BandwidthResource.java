package org.edgeway.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.edgeway.services.bandwidth.BandwidthLinks;
import org.edgeway.services.bandwidth.LinkUsage;
import org.edgeway.services.validation.InvalidSettingsException;

/** Status &gt; Bandwidth &gt; Links over the API: paged and sorted by the service. */
@Path("/status/bandwidth")
@Produces(MediaType.APPLICATION_JSON)
public class BandwidthResource {

    private static final int DEFAULT_SIZE = 50;

    @Inject
    private BandwidthLinks links;

    /** One link: its name, the zone at its far end, relayed calls on it, usage in kbps over the last window. */
    public record Link(String link, String zone, int calls, long kbps) {
        static Link of(LinkUsage u) {
            return new Link(u.link(), u.zone(), u.calls(), u.kbps());
        }
    }

    public record Page(int page, int size, int total, String sort, List<Link> links) {
    }

    /** {@code ?page=0&size=50&sort=kbps,desc} (sort by link, calls or kbps; default link,asc). */
    @GET
    @Path("links")
    public Page links(@QueryParam("page") String pageText, @QueryParam("size") String sizeText,
            @QueryParam("sort") String sort) {
        Map<String, String> params = new HashMap<>();
        params.put("page", pageText);
        params.put("size", sizeText);
        int page = CallsResource.number(params, "page", 0);
        int size = CallsResource.number(params, "size", DEFAULT_SIZE);
        if (page < 0 || size < 1 || size > BandwidthLinks.MAX_PAGE_SIZE) {
            throw new InvalidSettingsException(page < 0 ? Map.of("page", "must be 0 or more")
                    : Map.of("size", "must be between 1 and " + BandwidthLinks.MAX_PAGE_SIZE));
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw new InvalidSettingsException(Map.of("page", "is beyond the last link"));
        }
        Map.Entry<BandwidthLinks.Sort, Boolean> order = BandwidthLinks.Sort.parse(sort);
        List<Link> rows = links.page(order.getKey(), order.getValue(), page * size, size).stream().map(Link::of)
                .toList();
        return new Page(page, size, links.count(), order.getKey().apiName() + (order.getValue() ? ",desc" : ",asc"),
                rows);
    }
}
