package org.edgeway.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgeway.services.calls.ActiveCalls;
import org.edgeway.services.calls.CallHistory;
import org.edgeway.services.calls.CallHistoryCsv;
import org.edgeway.services.calls.CallHistoryFilter;
import org.edgeway.services.calls.CallHistorySort;
import org.edgeway.services.validation.InvalidSettingsException;

/**
 * Status &gt; Calls over the API: the active calls and Disconnect, the history (paged, sorted and filtered by the
 * database), one call detail record, and the filtered history as CSV, written while it is read.
 */
@Path("/status/calls")
@Produces(MediaType.APPLICATION_JSON)
public class CallsResource {

    static final Set<String> FILTERS = Set.of("from", "to", "alias", "iceCallType", "status");
    private static final Set<String> PAGING = Set.of("page", "size", "sort");
    private static final int DEFAULT_SIZE = 50;

    @Inject
    private ActiveCalls active;
    @Inject
    private CallHistory history;

    /** The calls now active, newest first. */
    @GET
    public List<CallJson.Call> active() {
        return active.list().stream().map(CallJson.Call::of).toList();
    }

    /** An active call's detail record with its current counters. */
    @GET
    @Path("{serial}")
    public CallJson.Detail activeCall(@PathParam("serial") String serial) {
        return active.detail(serial).map(CallJson.Detail::of)
                .orElseThrow(() -> ApiError.notFound("No active call " + serial));
    }

    /** Ends an active call; 404 when none has this serial number (it may have ended meanwhile). */
    @POST
    @Path("{serial}/disconnect")
    public Response disconnect(@PathParam("serial") String serial) {
        if (!active.disconnect(serial)) {
            throw ApiError.notFound("No active call " + serial);
        }
        return Response.noContent().build();
    }

    /**
     * {@code ?page=0&size=50&sort=startTime,desc&from=..&to=..&alias=..&iceCallType=..&status=..}; an unknown or bad
     * parameter is a 400 naming it.
     */
    @GET
    @Path("history")
    public CallJson.Page history(@Context UriInfo uri) {
        Map<String, String> params = params(uri, PAGING);
        CallHistoryFilter filter = CallHistoryFilter.parse(params);
        CallHistorySort sort = CallHistorySort.parse(params.get("sort"));
        int page = number(params, "page", 0);
        int size = number(params, "size", DEFAULT_SIZE);
        if (page < 0 || size < 1 || size > CallHistory.MAX_PAGE_SIZE) {
            throw new InvalidSettingsException(page < 0 ? Map.of("page", "must be 0 or more")
                    : Map.of("size", "must be between 1 and " + CallHistory.MAX_PAGE_SIZE));
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw new InvalidSettingsException(Map.of("page", "is beyond the last record"));
        }
        String sortText = sort.field().apiName() + (sort.ascending() ? ",asc" : ",desc");
        return CallJson.Page.of(page, size, sortText, history.page(filter, sort, page * size, size));
    }

    /** The filtered history as CSV (same filter and sort parameters as the list, no paging), streamed. */
    @GET
    @Path("history.csv")
    @Produces("text/csv")
    public Response historyCsv(@Context UriInfo uri) {
        Map<String, String> params = params(uri, Set.of("sort"));
        CallHistoryFilter filter = CallHistoryFilter.parse(params);
        CallHistorySort sort = CallHistorySort.parse(params.get("sort"));
        StreamingOutput body = out -> CallHistoryCsv.write(history, filter, sort,
                new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024));
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"call-history.csv\"").build();
    }

    @GET
    @Path("history/{serial}")
    public CallJson.Detail call(@PathParam("serial") String serial) {
        return history.detail(serial).map(CallJson.Detail::of)
                .orElseThrow(() -> ApiError.notFound("No call " + serial + " in the history"));
    }

    /** One value per known parameter; a parameter nobody reads (a typo) is refused rather than ignored. */
    static Map<String, String> params(UriInfo uri, Set<String> others) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        InvalidSettingsException.Collector errors = new InvalidSettingsException.Collector();
        Map<String, String> params = new HashMap<>();
        query.forEach((name, values) -> {
            if (!FILTERS.contains(name) && !others.contains(name)) {
                errors.reject(name, "is not a parameter here (use " + String.join(", ",
                        java.util.stream.Stream.concat(FILTERS.stream(), others.stream()).sorted().toList()) + ")");
            } else if (values.size() > 1) {
                errors.reject(name, "may be given once");
            } else {
                params.put(name, values.get(0));
            }
        });
        errors.throwIfAny();
        return params;
    }

    /** A whole-number query parameter, or {@code otherwise} when absent; a 400 naming it when not a number. */
    static int number(Map<String, String> params, String name, int otherwise) {
        String text = params.get(name);
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidSettingsException(Map.of(name, "must be a whole number"));
        }
    }
}
