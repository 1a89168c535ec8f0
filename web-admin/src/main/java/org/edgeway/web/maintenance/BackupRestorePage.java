package org.edgeway.web.maintenance;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import org.edgeway.services.backup.BackupRestore;
import org.edgeway.services.backup.RestoreResult;
import org.edgeway.services.validation.InvalidSettingsException;
import org.edgeway.web.faces.SaveAction;

/**
 * Maintenance &gt; Backup and restore: Create system backup file (pass phrase twice, the file downloads) and
 * Restore (the file and its pass phrase, after a confirmation; what was restored is shown).
 */
@Named
@ViewScoped
public class BackupRestorePage implements Serializable {

    @Inject
    private BackupRestore backupRestore;
    @Inject
    private SaveAction save;
    @Inject
    private FileResponse fileResponse;

    private String passPhrase;
    private String confirmPassPhrase;
    private transient Part file;
    private String restorePassPhrase;
    private RestoreResult restored;

    /** Full POST: on success the answer is the file itself. */
    public void createBackup() {
        byte[][] created = new byte[1][];
        if (save.run("backupForm", null, () -> {
            if (!Objects.equals(passPhrase, confirmPassPhrase)) {
                throw new InvalidSettingsException(Map.of("confirmPassPhrase", "does not match the pass phrase"));
            }
            created[0] = backupRestore.create(passPhrase);
        })) {
            fileResponse.send(BackupRestore.fileName(), "application/octet-stream", created[0].length,
                    new ByteArrayInputStream(created[0]));
        }
    }

    public void restore() {
        RestoreResult[] result = new RestoreResult[1];
        if (save.run("restoreForm", "Configuration restored", () -> result[0] = backupRestore.restore(read(file),
                restorePassPhrase))) {
            restored = result[0];
        }
        restorePassPhrase = null;
    }

    private static byte[] read(Part part) {
        if (part == null || part.getSize() == 0) {
            return new byte[0];
        }
        if (part.getSize() > BackupRestore.MAX_BYTES) {
            throw new InvalidSettingsException(Map.of("file", "The backup file is larger than "
                    + (BackupRestore.MAX_BYTES >> 20) + " MiB: not a backup of this product"));
        }
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
    }

    public RestoreResult getRestored() {
        return restored;
    }

    public String getPassPhrase() {
        return passPhrase;
    }

    public void setPassPhrase(String passPhrase) {
        this.passPhrase = passPhrase;
    }

    public String getConfirmPassPhrase() {
        return confirmPassPhrase;
    }

    public void setConfirmPassPhrase(String confirmPassPhrase) {
        this.confirmPassPhrase = confirmPassPhrase;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public String getRestorePassPhrase() {
        return restorePassPhrase;
    }

    public void setRestorePassPhrase(String restorePassPhrase) {
        this.restorePassPhrase = restorePassPhrase;
    }
}
