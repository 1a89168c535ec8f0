package org.edgeway.services.system;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** System > Time: NTP servers 1..5 with their authentication, and the time zone. */
public class TimeSettings implements Serializable {

    public static final int SLOTS = 5;

    @Valid
    private final List<NtpServerSettings> ntpServers = new ArrayList<>();
    @NotBlank
    private String timeZone = "UTC";

    public TimeSettings() {
        for (int slot = 1; slot <= SLOTS; slot++) {
            ntpServers.add(new NtpServerSettings(slot));
        }
    }

    public List<NtpServerSettings> getNtpServers() {
        return ntpServers;
    }

    /** Slot 1..5. */
    public NtpServerSettings ntp(int slot) {
        return ntpServers.get(slot - 1);
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }
}
