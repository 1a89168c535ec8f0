package org.edgeway.services.backup;

import java.util.Map;
import org.edgeway.services.validation.InvalidSettingsException;

/** Why a backup file is not restored, naming the field at fault (the file or the pass phrase); nothing changed. */
final class BackupRefused {

    static final String FILE = "file";
    static final String PASS_PHRASE = "passPhrase";

    private BackupRefused() {
    }

    static InvalidSettingsException file(String reason) {
        return new InvalidSettingsException(Map.of(FILE, "The backup file " + reason));
    }

    static InvalidSettingsException passPhrase(String reason) {
        return new InvalidSettingsException(Map.of(PASS_PHRASE, "The pass phrase " + reason));
    }
}
