package org.edgeway.services.turn;

import java.io.Serializable;
import java.util.List;

/**
 * The "TURN server status" block: state (Active / Inactive), listening and relay addresses, active clients and
 * relays, capacity, and whether saved settings wait for TURN services to be restarted.
 */
public record TurnSummary(String state, String detail, List<String> listeningAddresses, List<String> relayAddresses,
        int activeClients, int activeRelays, int capacity, boolean restartPending) implements Serializable {

    public String getState() {
        return state;
    }

    public String getDetail() {
        return detail;
    }

    public String getListening() {
        return String.join(", ", listeningAddresses);
    }

    public String getRelayAddressesText() {
        return String.join(", ", relayAddresses);
    }

    public int getActiveClients() {
        return activeClients;
    }

    public int getActiveRelays() {
        return activeRelays;
    }

    public int getCapacity() {
        return capacity;
    }

    public boolean isRestartPending() {
        return restartPending;
    }
}
