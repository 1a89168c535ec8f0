package org.edgeway.services.system;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import org.edgeway.services.validation.HostOrIp;

/**
 * One NTP server slot of System > Time. Key ID, hash method and pass phrase apply to Symmetric key only. The pass
 * phrase is write-only: it reads back as null with {@link #isPassPhraseSet()}; on save null keeps the stored one
 * unless {@link #isClearPassPhrase()}.
 */
public class NtpServerSettings implements Serializable {

    /** Hash methods an NTP symmetric key may use. */
    public enum HashMethod { SHA1, MD5 }

    private final int slot;
    @HostOrIp
    private String address;
    @NotNull
    private NtpAuthentication authentication = NtpAuthentication.DISABLED;
    @Min(value = 1, message = "must be between 1 and 65534")
    @Max(value = 65534, message = "must be between 1 and 65534")
    private Integer keyId;
    private HashMethod hashMethod;
    @Size(max = 128, message = "must be at most 128 characters")
    private String passPhrase;
    private boolean passPhraseSet;
    private boolean clearPassPhrase;

    public NtpServerSettings(int slot) {
        this.slot = slot;
    }

    public int getSlot() {
        return slot;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = DnsSettings.trim(address);
    }

    public NtpAuthentication getAuthentication() {
        return authentication;
    }

    public void setAuthentication(NtpAuthentication authentication) {
        this.authentication = authentication;
    }

    public Integer getKeyId() {
        return keyId;
    }

    public void setKeyId(Integer keyId) {
        this.keyId = keyId;
    }

    public HashMethod getHashMethod() {
        return hashMethod;
    }

    public void setHashMethod(HashMethod hashMethod) {
        this.hashMethod = hashMethod;
    }

    public String getPassPhrase() {
        return passPhrase;
    }

    public void setPassPhrase(String passPhrase) {
        this.passPhrase = passPhrase == null || passPhrase.isEmpty() ? null : passPhrase;
    }

    /** Whether a pass phrase is stored for this slot. */
    public boolean isPassPhraseSet() {
        return passPhraseSet;
    }

    public void setPassPhraseSet(boolean passPhraseSet) {
        this.passPhraseSet = passPhraseSet;
    }

    public boolean isClearPassPhrase() {
        return clearPassPhrase;
    }

    public void setClearPassPhrase(boolean clearPassPhrase) {
        this.clearPassPhrase = clearPassPhrase;
    }

    public boolean isSymmetricKey() {
        return authentication == NtpAuthentication.SYMMETRIC_KEY;
    }
}
