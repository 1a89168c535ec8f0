package org.edgeway.persistence.system;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of the five NTP server slots of System > Time, with its authentication settings. */
@Entity
@Table(name = "ntp_server")
public class NtpServer {

    public static final int SLOTS = 5;

    @Id
    private int slot;
    private String address;
    /** {@code DISABLED}, {@code SYMMETRIC_KEY} or {@code PRIVATE_KEY}. */
    @Column(name = "authentication_method", nullable = false)
    private String authenticationMethod = "DISABLED";
    @Column(name = "key_id")
    private Integer keyId;
    /** {@code SHA1} or {@code MD5}: the hash of the symmetric key. */
    @Column(name = "hash_method")
    private String hashMethod;
    /** Encrypted by the services' SecretBox (node key in the data directory); never stored in plain text. */
    @Column(name = "pass_phrase_encrypted")
    private String passPhraseEncrypted;

    protected NtpServer() {
    }

    public NtpServer(int slot) {
        this.slot = slot;
    }

    public int getSlot() {
        return slot;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getAuthenticationMethod() {
        return authenticationMethod;
    }

    public void setAuthenticationMethod(String authenticationMethod) {
        this.authenticationMethod = authenticationMethod;
    }

    public Integer getKeyId() {
        return keyId;
    }

    public void setKeyId(Integer keyId) {
        this.keyId = keyId;
    }

    public String getHashMethod() {
        return hashMethod;
    }

    public void setHashMethod(String hashMethod) {
        this.hashMethod = hashMethod;
    }

    public String getPassPhraseEncrypted() {
        return passPhraseEncrypted;
    }

    public void setPassPhraseEncrypted(String passPhraseEncrypted) {
        this.passPhraseEncrypted = passPhraseEncrypted;
    }
}
