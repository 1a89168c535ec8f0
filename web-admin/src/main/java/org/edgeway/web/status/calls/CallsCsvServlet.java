package org.edgeway.web.status.calls;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.edgeway.services.calls.CallHistory;
import org.edgeway.services.calls.CallHistoryCsv;
import org.edgeway.services.calls.CallHistoryFilter;
import org.edgeway.services.calls.CallHistorySort;
import org.edgeway.services.calls.IcePassthroughMetrics;
import org.edgeway.services.validation.InvalidSettingsException;

/**
 * The console's Export to CSV buttons (behind the login filter like every page): the filtered call history,
 * written while the database reads it, and the ICE passthrough metrics and their history.
 */
@WebServlet(urlPatterns = {CallsCsvServlet.HISTORY, CallsCsvServlet.METRICS, CallsCsvServlet.METRICS_HISTORY})
public class CallsCsvServlet extends HttpServlet {

    static final String HISTORY = "/status/calls/history.csv";
    static final String METRICS = "/status/ice-passthrough-metrics.csv";
    static final String METRICS_HISTORY = "/status/ice-call-metrics-history.csv";

    @Inject
    private transient CallHistory history;
    @Inject
    private transient IcePassthroughMetrics metrics;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath();
        if (HISTORY.equals(path)) {
            Map<String, String> params = new HashMap<>();
            request.getParameterMap().forEach((k, v) -> params.put(k, v.length == 0 ? null : v[0]));
            CallHistoryFilter filter;
            CallHistorySort sort;
            try {
                filter = CallHistoryFilter.parse(params);
                sort = CallHistorySort.parse(params.get("sort"));
            } catch (InvalidSettingsException e) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.fieldErrors().toString());
                return;
            }
            start(response, "call-history.csv");
            CallHistoryCsv.write(history, filter, sort, response.getWriter());
        } else if (METRICS.equals(path)) {
            start(response, "ice-passthrough-metrics.csv");
            response.getWriter().write(metrics.csv());
        } else {
            String csv = metrics.historyCsv(request.getParameter("peer")).orElse(null);
            if (csv == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            start(response, "ice-call-metrics-history.csv");
            response.getWriter().write(csv);
        }
    }

    private static void start(HttpServletResponse response, String filename) {
        response.setContentType("text/csv");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    }
}
