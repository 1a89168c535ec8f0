package org.edgeway.services.calls;

import java.util.Arrays;
import java.util.Locale;
import org.edgeway.services.validation.InvalidSettingsException;

/**
 * The order of the history: one column, ascending or descending, then the storage order so that pages never
 * overlap. Parsed from {@code field[,asc|desc]}, e.g. {@code startTime,desc} (the default).
 */
public record CallHistorySort(Field field, boolean ascending) {

    public static final CallHistorySort NEWEST_FIRST = new CallHistorySort(Field.START_TIME, false);

    /** The columns one may sort on, named as the API's JSON names them. */
    public enum Field {
        START_TIME("startTime", "startTime"),
        END_TIME("endTime", "endTime"),
        DURATION("durationSeconds", "durationMillis"),
        SOURCE_ALIAS("sourceAlias", "sourceAlias"),
        DESTINATION_ALIAS("destinationAlias", "destinationAlias"),
        STATUS("status", "status"),
        ICE_CALL_TYPE("iceCallType", "iceCallType"),
        DISCONNECT_REASON("disconnectReason", "disconnectReason"),
        BANDWIDTH("bandwidthKbps", "bandwidthKbps");

        private final String name;
        private final String attribute;

        Field(String name, String attribute) {
            this.name = name;
            this.attribute = attribute;
        }

        public String apiName() {
            return name;
        }

        /** The entity attribute it sorts on. */
        String attribute() {
            return attribute;
        }

        /** By its API name; null when no column has it. */
        public static Field of(String name) {
            return Arrays.stream(values()).filter(f -> f.name.equals(name)).findFirst().orElse(null);
        }
    }

    /** {@code startTime}, {@code startTime,asc}, {@code sourceAlias,desc} ...; blank is {@link #NEWEST_FIRST}. */
    public static CallHistorySort parse(String text) {
        if (text == null || text.isBlank()) {
            return NEWEST_FIRST;
        }
        String[] parts = text.trim().split(",", -1);
        Field field = Field.of(parts[0].trim());
        String direction = parts.length > 1 ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
        if (field == null || parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
            throw new InvalidSettingsException(java.util.Map.of("sort", "must be a column ("
                    + String.join(", ", Arrays.stream(Field.values()).map(Field::apiName).toList())
                    + ") optionally followed by ,asc or ,desc"));
        }
        return new CallHistorySort(field, direction.equals("asc"));
    }
}
