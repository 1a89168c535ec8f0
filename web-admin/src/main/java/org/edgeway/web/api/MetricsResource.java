package org.edgeway.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.edgeway.services.metrics.NodeMetrics;
import org.edgeway.services.metrics.OpenMetricsText;

/**
 * Metrics for scraping (the seed's collectd, in OpenMetrics text): under the API, so a scraper signs in as an API
 * user does; WildFly's own /metrics is not provisioned.
 */
@Path("/metrics")
public class MetricsResource {

    @Inject
    private NodeMetrics metrics;

    @GET
    public Response get() {
        return Response.ok(metrics.openMetrics(), OpenMetricsText.CONTENT_TYPE).build();
    }
}
