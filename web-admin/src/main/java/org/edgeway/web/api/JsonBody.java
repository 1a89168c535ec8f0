package org.edgeway.web.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.edgeway.services.validation.InvalidSettingsException;

/**
 * The one reader of API request bodies. Strict JSON (one value, no duplicate keys), explicit types per field (a boolean is
 * {@code true}/{@code false}, an integer is an integral number that fits, an enum is one of its names) and no
 * unknown fields. Each accessor calls its setter only when the body names the field, so a PUT changes only what
 * it names. Errors name the field and never echo the value; {@link #finish()} throws them all at once (400),
 * before anything is saved.
 */
final class JsonBody {

    private final JsonObject object;
    /** Turns a member name into the field name errors report (nested objects add their prefix). */
    private UnaryOperator<String> fieldName;
    private final InvalidSettingsException.Collector errors;
    private final Set<String> known = new HashSet<>();
    private final List<JsonBody> children = new ArrayList<>();

    private JsonBody(JsonObject object, UnaryOperator<String> fieldName, InvalidSettingsException.Collector errors) {
        this.object = object;
        this.fieldName = fieldName;
        this.errors = errors;
    }

    /** Parses a request body that must be one JSON object. */
    static JsonBody read(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw malformed("could not be read");
        }
        JsonValue value;
        try {
            checkStrict(bytes);
            try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
                value = reader.readValue();
            }
        } catch (JsonParsingException e) {
            var at = e.getLocation();
            throw malformed(at == null ? "is not valid JSON"
                    : "is not valid JSON (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")");
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw malformed("is not valid JSON");
        }
        if (!(value instanceof JsonObject o)) {
            throw malformed("must be a JSON object");
        }
        return new JsonBody(o, UnaryOperator.identity(), new InvalidSettingsException.Collector());
    }

    /** One value and nothing after it, no key twice in an object (JSON-P readers keep the last silently). */
    private static void checkStrict(byte[] bytes) {
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(bytes))) {
            Deque<Set<String>> keys = new ArrayDeque<>();
            boolean seenValue = false;
            while (parser.hasNext()) {
                if (seenValue && keys.isEmpty()) {
                    throw malformed("must be one JSON value with nothing after it");
                }
                JsonParser.Event event = parser.next();
                switch (event) {
                    case START_OBJECT -> keys.push(new HashSet<>());
                    case START_ARRAY -> keys.push(Set.of());
                    case END_OBJECT, END_ARRAY -> keys.pop();
                    case KEY_NAME -> {
                        if (!keys.peek().add(parser.getString())) {
                            throw malformed("names the same key twice in one object");
                        }
                    }
                    default -> { }
                }
                seenValue = true;
            }
            if (!seenValue) {
                throw malformed("is empty: a JSON object is required");
            }
        }
    }

    private static BadRequestException malformed(String reason) {
        return new BadRequestException(ApiError.response(Response.Status.BAD_REQUEST, "Malformed JSON",
                Map.of("body", reason)).build());
    }

    boolean has(String name) {
        return object.containsKey(name);
    }

    /** Fields the API shows but does not take (ids, "set" flags, timestamps): accepted and ignored. */
    JsonBody ignore(String... names) {
        known.addAll(Arrays.asList(names));
        return this;
    }

    JsonBody bool(String name, Consumer<Boolean> setter) {
        JsonValue v = member(name);
        if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
            setter.accept(v == JsonValue.TRUE);
        } else if (v != null) {
            reject(name, "must be true or false");
        }
        return this;
    }

    /** A required integer. */
    JsonBody integer(String name, IntConsumer setter) {
        return integer(name, false, setter::accept);
    }

    /** An integer that may be null (cleared). */
    JsonBody nullableInteger(String name, Consumer<Integer> setter) {
        return integer(name, true, setter);
    }

    /** A whole number of any size as its decimal text (the settings' own rules decide its range); null clears it. */
    JsonBody wholeNumberText(String name, Consumer<String> setter) {
        JsonValue v = member(name);
        if (v == JsonValue.NULL) {
            setter.accept(null);
        } else if (v instanceof JsonNumber n && n.isIntegral()) {
            setter.accept(n.bigIntegerValue().toString());
        } else if (v != null) {
            reject(name, "must be a whole number");
        }
        return this;
    }

    private JsonBody integer(String name, boolean nullable, Consumer<Integer> setter) {
        JsonValue v = member(name);
        if (v == JsonValue.NULL && nullable) {
            setter.accept(null);
        } else if (v == JsonValue.NULL) {
            reject(name, "must be a whole number, not null");
        } else if (v != null) {
            Integer i = toInt(name, v);
            if (i != null) {
                setter.accept(i);
            }
        }
        return this;
    }

    /** A string; null clears it (the settings' own validation decides whether it may be empty). */
    JsonBody string(String name, Consumer<String> setter) {
        JsonValue v = member(name);
        if (v == JsonValue.NULL) {
            setter.accept(null);
        } else if (v instanceof JsonString s) {
            setter.accept(s.getString());
        } else if (v != null) {
            reject(name, "must be a string");
        }
        return this;
    }

    /** An array of at most {@code max} strings; null clears it. */
    JsonBody stringList(String name, int max, Consumer<List<String>> setter) {
        JsonValue v = member(name);
        if (v == JsonValue.NULL) {
            setter.accept(List.of());
        } else if (v instanceof JsonArray array && array.stream().allMatch(e -> e instanceof JsonString)) {
            if (array.size() > max) {
                reject(name, "may hold at most " + max + " entries");
            } else {
                setter.accept(array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
            }
        } else if (v != null) {
            reject(name, "must be an array of strings");
        }
        return this;
    }

    /** A required enum: one of the constants of {@code current}'s type, by name. */
    <E extends Enum<E>> JsonBody enumeration(String name, E current, Consumer<E> setter) {
        return enumeration(name, current.getDeclaringClass(), false, setter);
    }

    /** An enum that may be null (cleared). */
    <E extends Enum<E>> JsonBody nullableEnumeration(String name, Class<E> type, Consumer<E> setter) {
        return enumeration(name, type, true, setter);
    }

    private <E extends Enum<E>> JsonBody enumeration(String name, Class<E> type, boolean nullable, Consumer<E> setter) {
        JsonValue v = member(name);
        if (v == null) {
            return this;
        }
        if (v == JsonValue.NULL && nullable) {
            setter.accept(null);
            return this;
        }
        E match = v instanceof JsonString s ? Arrays.stream(type.getEnumConstants())
                .filter(c -> c.name().equals(s.getString())).findFirst().orElse(null) : null;
        if (match == null) {
            reject(name, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", ")));
        } else {
            setter.accept(match);
        }
        return this;
    }

    /** The objects of an array member (none when absent); name their fields with {@link #reportAs}. */
    List<JsonBody> objects(String name) {
        JsonValue v = member(name);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof JsonArray array)
                || !array.stream().allMatch(e -> e.getValueType() == JsonValue.ValueType.OBJECT)) {
            reject(name, "must be an array of objects");
            return List.of();
        }
        for (JsonValue e : array) {
            children.add(new JsonBody(e.asJsonObject(), n -> name + "." + n, errors));
        }
        return List.copyOf(children);
    }

    /** Reports this object's fields as {@code rename.apply(member)} from now on (e.g. {@code ntpServer2KeyId}). */
    JsonBody reportAs(UnaryOperator<String> rename) {
        fieldName = rename;
        return this;
    }

    /** Rejects what the body names but no accessor read; throws every error found (400). */
    void finish() {
        rejectUnknown();
        errors.throwIfAny();
    }

    private void rejectUnknown() {
        for (String name : object.keySet()) {
            if (!known.contains(name)) {
                reject(name, "is not a field of this resource");
            }
        }
        children.forEach(JsonBody::rejectUnknown);
    }

    void reject(String name, String message) {
        errors.reject(fieldName.apply(name), message);
    }

    private JsonValue member(String name) {
        known.add(name);
        return object.get(name);
    }

    private Integer toInt(String name, JsonValue v) {
        if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
            reject(name, "must be a whole number");
            return null;
        }
        try {
            return n.bigIntegerValueExact().intValueExact();
        } catch (ArithmeticException e) {
            reject(name, "is out of range");
            return null;
        }
    }
}
