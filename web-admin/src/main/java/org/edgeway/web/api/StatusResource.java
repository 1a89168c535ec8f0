package org.edgeway.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edgeway.services.alarms.AlarmView;
import org.edgeway.services.alarms.Alarms;
import org.edgeway.services.configlog.ConfigLogLine;
import org.edgeway.services.configlog.ConfigurationLog;
import org.edgeway.services.sip.SipStatus;
import org.edgeway.services.sip.SipUnavailableException;
import org.edgeway.services.turn.TurnStatus;
import org.edgeway.services.validation.InvalidSettingsException;
import org.edgeway.services.zones.ZoneService;

/**
 * The Status menu over the API: TURN server status and relays, SIP status, registrations and search history, alarms (list, acknowledge) and the configuration
 * log. One root resource for all of {@code /status}: JAX-RS picks the root class by its longest path first.
 */
@Path("/status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    /** Most configuration log lines one request returns. */
    static final int MAX_LOG_LINES = 1000;

    /** An alarm as the API shows it. */
    public record Alarm(long id, String code, String severity, String title, String action, String state,
            Instant firstRaisedAt, Instant lastRaisedAt, int raiseCount, String acknowledgedBy) {
        static Alarm of(AlarmView a) {
            return new Alarm(a.id(), a.code(), a.severity(), a.title(), a.action(), a.state(), a.firstRaisedAt(),
                    a.lastRaisedAt(), a.raiseCount(), a.acknowledgedBy());
        }
    }

    /** A configuration log line: secrets appear only as {@code ********}. */
    public record LogLine(long id, Instant changedAt, String changedBy, String source, String setting,
            String oldValue, String newValue) {
        static LogLine of(ConfigLogLine l) {
            return new LogLine(l.id(), l.changedAt(), l.changedBy(), l.source(), l.setting(), l.oldValue(),
                    l.newValue());
        }
    }

    @Inject
    private TurnStatus turn;
    @Inject
    private SipStatus sip;
    @Inject
    private Alarms alarms;
    @Inject
    private ConfigurationLog configurationLog;
    @Inject
    private ZoneService zones;

    @GET
    @Path("turn")
    public TurnJson.Status turn() {
        return TurnJson.Status.of(turn.summary());
    }

    @GET
    @Path("turn/relays")
    public List<TurnJson.Relay> relays() {
        return turn.relays().stream().map(TurnJson.Relay::of).toList();
    }

    /** Each zone's state from the SIP engine ("SIP is not running" with the reason while SIP does not run). */
    @GET
    @Path("zones")
    public List<ZoneJson.Status> zones() {
        return zones.list().stream().map(ZoneJson.Status::of).toList();
    }

    @GET
    @Path("sip")
    public SipJson.Status sip() {
        return SipJson.Status.of(sip.summary());
    }

    /** Status &gt; Registrations &gt; By device. */
    @GET
    @Path("registrations")
    public List<SipJson.Registration> registrations() {
        return sip.registrations().stream().map(SipJson.Registration::of).toList();
    }

    /** Status &gt; Registrations &gt; By alias. */
    @GET
    @Path("registrations/by-alias")
    public List<SipJson.Alias> registrationsByAlias() {
        return sip.registrationsByAlias().stream().map(SipJson.Alias::of).toList();
    }

    /** Removes the bindings of {@code {"addressesOfRecord":["sip:alice@example.com"]}}; 409 while SIP cannot. */
    @POST
    @Path("registrations/unregister")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response unregister(InputStream in) {
        List<String> aliases = new ArrayList<>();
        JsonBody.read(in).stringList("addressesOfRecord", 10_000, aliases::addAll).finish();
        try {
            sip.unregister(aliases);
        } catch (SipUnavailableException e) {
            throw new WebApplicationException(ApiError.response(Response.Status.CONFLICT, e.getMessage(), null).build());
        }
        return Response.noContent().build();
    }

    @GET
    @Path("search-history")
    public List<SipJson.Search> searchHistory() {
        return sip.searches().stream().map(SipJson.Search::of).toList();
    }

    @GET
    @Path("alarms")
    public List<Alarm> alarms() {
        return alarms.list().stream().map(Alarm::of).toList();
    }

    @POST
    @Path("alarms/{id}/acknowledge")
    public Alarm acknowledge(@PathParam("id") long id) {
        alarm(id);
        alarms.acknowledge(List.of(id));
        return alarm(id);
    }

    /** Newest first; {@code first} skips lines, {@code size} is 1..{@value #MAX_LOG_LINES}. */
    @GET
    @Path("logs/configuration")
    public List<LogLine> configurationLog(@QueryParam("first") @DefaultValue("0") int first,
            @QueryParam("size") @DefaultValue("100") int size) {
        if (first < 0 || size < 1 || size > MAX_LOG_LINES) {
            throw new InvalidSettingsException(first < 0 ? Map.of("first", "must be 0 or more")
                    : Map.of("size", "must be between 1 and " + MAX_LOG_LINES));
        }
        return configurationLog.page(first, size).stream().map(LogLine::of).toList();
    }

    private Alarm alarm(long id) {
        return alarms.list().stream().filter(a -> a.id() == id).findFirst().map(Alarm::of)
                .orElseThrow(() -> ApiError.notFound("No alarm " + id));
    }
}
