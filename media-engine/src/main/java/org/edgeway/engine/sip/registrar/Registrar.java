package org.edgeway.engine.sip.registrar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.edgeway.engine.sip.SipConfig;
import org.edgeway.engine.sip.auth.DigestAuthenticator;
import org.edgeway.engine.sip.message.HeaderNames;
import org.edgeway.engine.sip.message.NameAddr;
import org.edgeway.engine.sip.message.Responses;
import org.edgeway.engine.sip.message.SipMessage;
import org.edgeway.engine.sip.transaction.ServerTransaction;

/**
 * The registrar (RFC 3261 10.3) for domains with registrations On: digest challenge (401) against the local
 * database, 403 on wrong credentials, bindings with expiry limited to the configured minimum (423 with
 * Min-Expires) and maximum, several contacts per AOR, un-register by Expires 0 or "Contact: *", query without
 * Contact, and Path (RFC 3327) kept with the binding and echoed.
 */
public final class Registrar {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Whether a 401 may be sent to this request's source now (the per-source challenge limit). */
    public interface ChallengeGate {
        boolean allow(ServerTransaction tx);

        /**
         * Challenges without keeping state (RFC 3261 8.2.7) when the source may be challenged now; beyond its limit
         * the request is dropped, and its transaction too, so a flood leaves nothing behind either way.
         */
        default void challenge(ServerTransaction tx, int status, String header, List<String> challenges) {
            if (!allow(tx)) {
                tx.dropUnanswered();
                return;
            }
            SipMessage challenge = Responses.toStateless(tx.request(), status);
            challenges.forEach(c -> challenge.addHeader(header, c));
            tx.respondStatelessly(challenge);
        }

        /** The request's credentials were wrong (answered 403): a failure for automated protection. */
        default void rejected(ServerTransaction tx) {
        }
    }

    private final BindingTable bindings;
    private final DigestAuthenticator digest;
    private final Clock clock;
    private final Supplier<SipConfig> config;
    private final ChallengeGate gate;
    /** The Date header's text, formatted once per second rather than per 200. */
    private volatile DateText date = new DateText(Long.MIN_VALUE, "");

    private record DateText(long second, String text) {
    }

    public Registrar(BindingTable bindings, DigestAuthenticator digest, Clock clock, Supplier<SipConfig> config,
            ChallengeGate gate) {
        this.bindings = bindings;
        this.digest = digest;
        this.clock = clock;
        this.config = config;
        this.gate = gate;
    }

    public void register(ServerTransaction tx, String zone) {
        SipMessage request = tx.request();
        SipConfig cfg = config.get();
        DigestAuthenticator.Verdict verdict = digest.verify(request.headers(HeaderNames.AUTHORIZATION), cfg.realm(),
                request.method(), cfg.credentials()::get);
        switch (verdict.result()) {
            case MISSING, STALE -> {
                gate.challenge(tx, 401, HeaderNames.WWW_AUTHENTICATE,
                        digest.challenges(cfg.realm(), verdict.result() == DigestAuthenticator.Result.STALE));
                return;
            }
            case FORBIDDEN -> {
                gate.rejected(tx);
                tx.respond(403);
                return;
            }
            default -> {
            }
        }
        String aor = request.to().uri().addressOfRecord().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        List<String> contactValues = request.headers(HeaderNames.CONTACT);
        if (contactValues.contains("*")) {
            String expires = request.header(HeaderNames.EXPIRES);
            if (contactValues.size() != 1 || expires == null || Long.parseLong(expires.trim()) != 0) {
                tx.respond(Responses.to(request, 400, "Bad Request - Contact: * needs Expires: 0"));
                return;
            }
            bindings.update(aor, List.of(), List.of(), true);
            tx.respond(ok(request, aor, now));
            return;
        }
        long min = cfg.registrationMinimum().toSeconds();
        long max = cfg.registrationMaximum().toSeconds();
        List<Binding> set = new ArrayList<>();
        Set<String> remove = new HashSet<>();
        for (NameAddr contact : request.nameAddrs(HeaderNames.CONTACT)) {
            long expires = expires(request, contact, max);
            if (expires == 0) {
                remove.add(contact.uri().text());
                continue;
            }
            if (expires < min) {
                SipMessage brief = Responses.to(request, 423);
                brief.addHeader(HeaderNames.MIN_EXPIRES, String.valueOf(min));
                tx.respond(brief);
                return;
            }
            Binding previous = bindings.find(aor, contact.uri().text());
            Instant first = previous != null && previous.expiresAt().isAfter(now) ? previous.registeredAt() : now;
            set.add(new Binding(aor, contact.uri(), request.callId(), request.cseq().number(),
                    request.headers(HeaderNames.PATH), tx.flow(), zone, first,
                    now.plus(Duration.ofSeconds(Math.min(expires, max)))));
        }
        bindings.update(aor, set, remove, false);
        tx.respond(ok(request, aor, now));
    }

    private static long expires(SipMessage request, NameAddr contact, long max) {
        String p = contact.params().get("expires");
        if (p != null) {
            return Long.parseLong(p);
        }
        String header = request.header(HeaderNames.EXPIRES);
        return header != null ? Long.parseLong(header.trim()) : max;
    }

    private String date(Instant now) {
        DateText d = date;
        if (d.second() != now.getEpochSecond()) {
            d = new DateText(now.getEpochSecond(), DATE.format(now));
            date = d;
        }
        return d.text();
    }

    private SipMessage ok(SipMessage request, String aor, Instant now) {
        SipMessage ok = Responses.to(request, 200);
        for (Binding b : bindings.lookup(aor, now)) {
            long left = Math.max(0, Duration.between(now, b.expiresAt()).toSeconds());
            ok.addHeader(HeaderNames.CONTACT, "<" + b.contact().text() + ">;expires=" + left);
        }
        for (String path : request.headers(HeaderNames.PATH)) {
            ok.addHeader(HeaderNames.PATH, path);
        }
        ok.addHeader(HeaderNames.DATE, date(now));
        return ok;
    }
}
