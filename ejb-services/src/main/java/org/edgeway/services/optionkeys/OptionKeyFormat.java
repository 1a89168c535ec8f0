package org.edgeway.services.optionkeys;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shape of an option key: {@code 116341H00-1-0A1B2C3D}, six digits (the product), an option letter and two
 * digits, a dash, a release number, a dash and eight hexadecimal digits. The letter names the option the key is for
 * (the list shows it as the description); the key is kept as entered, in upper case.
 */
public final class OptionKeyFormat {

    /** What the page and the API say about a key that does not have the shape. */
    public static final String MESSAGE = "must look like 116341H00-1-0A1B2C3D: six digits, an option letter and two"
            + " digits, a dash, a release number, a dash and eight hexadecimal digits";

    private static final Pattern SHAPE = Pattern.compile("[0-9]{6}([A-Z])[0-9]{2}-[0-9]{1,3}-[0-9A-F]{8}");

    /** The options named in the seeds, by their letter (P48): none is needed to use the feature on Edgeway. */
    static final Map<Character, String> OPTIONS = Map.of(
            'H', "HSM",
            'A', "Advanced Networking",
            'R', "Rich Media Sessions",
            'T', "TURN Relays",
            'M', "Microsoft Interoperability",
            'D', "Device Provisioning");

    private OptionKeyFormat() {
    }

    /** The key in its stored form (trimmed, upper case), or empty when it does not have the shape. */
    public static Optional<String> normalize(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String k = key.strip().toUpperCase(Locale.ROOT);
        return SHAPE.matcher(k).matches() ? Optional.of(k) : Optional.empty();
    }

    /** The option a well-formed key names ("Software option" for a letter the seeds do not name). */
    public static String description(String normalizedKey) {
        return OPTIONS.getOrDefault(normalizedKey.charAt(6), "Software option");
    }
}
