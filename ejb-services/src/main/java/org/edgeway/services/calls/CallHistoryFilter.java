package org.edgeway.services.calls;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.edgeway.engine.calls.CallStatus;
import org.edgeway.engine.calls.IcePassthroughCallType;
import org.edgeway.services.validation.InvalidSettingsException;

/**
 * Which stored calls the history, its count and its CSV export cover: started in [{@code from}, {@code to}), an
 * alias containing {@code alias} (source or destination, any case), an ICE passthrough call type, a status. Null
 * means "any". The one parser of the filter for the API and the console.
 */
public record CallHistoryFilter(Instant from, Instant to, String alias, IcePassthroughCallType iceCallType,
        CallStatus status) {

    public static final CallHistoryFilter ALL = new CallHistoryFilter(null, null, null, null, null);

    /** Longest alias fragment one may search for (an alias column holds up to 1024 characters). */
    static final int MAX_ALIAS = 1024;
    private static final DateTimeFormatter CONSOLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    /**
     * Reads the filter from text parameters named {@code from}, {@code to}, {@code alias}, {@code iceCallType} and
     * {@code status} (missing or blank: any); a bad value is an {@link InvalidSettingsException} naming its field.
     */
    public static CallHistoryFilter parse(Map<String, String> params) {
        InvalidSettingsException.Collector errors = new InvalidSettingsException.Collector();
        Instant from = time(params.get("from"), "from", errors);
        Instant to = time(params.get("to"), "to", errors);
        if (from != null && to != null && !to.isAfter(from)) {
            errors.reject("to", "must be after from");
        }
        String alias = blankToNull(params.get("alias"));
        if (alias != null && alias.length() > MAX_ALIAS) {
            errors.reject("alias", "must be at most " + MAX_ALIAS + " characters");
        }
        IcePassthroughCallType type = label(params.get("iceCallType"), IcePassthroughCallType.values(),
                IcePassthroughCallType::label, "iceCallType", errors);
        CallStatus status = label(params.get("status"), CallStatus.values(), CallStatus::label, "status", errors);
        errors.throwIfAny();
        return new CallHistoryFilter(from, to, alias, type, status);
    }

    /** The ICE passthrough call types one may filter on, as the records spell them. */
    public static List<String> iceCallTypeChoices() {
        return Arrays.stream(IcePassthroughCallType.values()).map(IcePassthroughCallType::label).toList();
    }

    /** The statuses one may filter on. */
    public static List<String> statusChoices() {
        return Arrays.stream(CallStatus.values()).map(CallStatus::label).toList();
    }

    /** ISO-8601 ({@code 2026-12-01T10:00:00Z}) or the console's {@code 2026-12-01 10:00[:00]}, both UTC. */
    private static Instant time(String text, String field, InvalidSettingsException.Collector errors) {
        String t = blankToNull(text);
        if (t == null) {
            return null;
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException notIso) {
            try {
                return LocalDateTime.parse(t, CONSOLE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                errors.reject(field, "must be a UTC time like 2026-12-01T10:00:00Z or 2026-12-01 10:00");
                return null;
            }
        }
    }

    private static <E> E label(String text, E[] values, java.util.function.Function<E, String> label, String field,
            InvalidSettingsException.Collector errors) {
        String t = blankToNull(text);
        if (t == null) {
            return null;
        }
        for (E e : values) {
            if (label.apply(e).equalsIgnoreCase(t)) {
                return e;
            }
        }
        errors.reject(field, "must be one of " + String.join(", ", Arrays.stream(values).map(label).toList()));
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The alias fragment as stored text is compared: lower case. */
    String aliasLowerCase() {
        return alias == null ? null : alias.toLowerCase(Locale.ROOT);
    }
}
