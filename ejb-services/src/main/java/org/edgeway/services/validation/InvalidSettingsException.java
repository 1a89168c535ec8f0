package org.edgeway.services.validation;

import jakarta.ejb.ApplicationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings that pass each field's own constraint but break a rule between fields (e.g. Symmetric key needs a
 * key ID). Carries one message per field name, so the console shows each next to its field and the REST API
 * returns them in a 400.
 */
@ApplicationException(rollback = true)
public class InvalidSettingsException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidSettingsException(Map<String, String> fieldErrors) {
        super("Invalid settings: " + fieldErrors);
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    /** Field name (as in the settings class) to message. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /** Collects field errors; {@link #throwIfAny()} ends the check. */
    public static final class Collector {
        private final Map<String, String> errors = new LinkedHashMap<>();

        public Collector reject(String field, String message) {
            errors.putIfAbsent(field, message);
            return this;
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidSettingsException(errors);
            }
        }
    }
}
