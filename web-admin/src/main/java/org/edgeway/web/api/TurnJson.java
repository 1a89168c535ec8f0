package org.edgeway.web.api;

import java.util.List;
import org.edgeway.services.turn.RelayRow;
import org.edgeway.services.turn.TurnSettingsForm;
import org.edgeway.services.turn.TurnSummary;

/** What the API shows of TURN: settings (the shared secret only as a "set" flag), status and relays. */
public final class TurnJson {

    private TurnJson() {
    }

    public record Settings(boolean enabled, boolean tcp443Enabled, boolean portMultiplexing, int requestsPort,
            int requestsPortRangeStart, int requestsPortRangeEnd, String protocolMode,
            boolean delegatedCredentialChecking, String realm, int mediaPortRangeStart, int mediaPortRangeEnd,
            boolean allowUnauthenticatedStunBinding, String peerAllow, String peerDeny, boolean sharedSecretSet,
            int unauthorizedPerSecond, boolean tlsEnabled, int tlsPort) {
        static Settings of(TurnSettingsForm f) {
            return new Settings(f.isEnabled(), f.isTcp443Enabled(), f.isPortMultiplexing(), f.getRequestsPort(),
                    f.getRequestsPortRangeStart(), f.getRequestsPortRangeEnd(), f.getProtocolModeName(),
                    f.isDelegatedCredentialChecking(), f.getRealm(), f.getMediaPortRangeStart(),
                    f.getMediaPortRangeEnd(), f.isAllowUnauthenticatedStunBinding(), f.getPeerAllow(), f.getPeerDeny(),
                    f.isSharedSecretSet(), f.getUnauthorizedPerSecond(), f.isTlsEnabled(), f.getTlsPort());
        }
    }

    public record Status(String state, String detail, List<String> listening, List<String> relayAddresses,
            int activeClients, int activeRelays, int capacity, boolean restartPending) {
        static Status of(TurnSummary s) {
            return new Status(s.state(), s.detail(), s.listeningAddresses(), s.relayAddresses(), s.activeClients(),
                    s.activeRelays(), s.capacity(), s.restartPending());
        }
    }

    public record Relay(String clientAddress, String serverAddress, String transport, String username,
            String relayAddresses, long ageSeconds, long lifetimeLeftSeconds, List<String> permissions,
            List<String> channels, long packetsFromClient, long bytesFromClient, long packetsToClient,
            long bytesToClient, long packetsDropped) {
        static Relay of(RelayRow r) {
            return new Relay(r.clientAddress(), r.serverAddress(), r.transport(), r.username(), r.relayAddresses(),
                    r.ageSeconds(), r.lifetimeLeftSeconds(), r.permissions(), r.channels(), r.packetsFromClient(),
                    r.bytesFromClient(), r.packetsToClient(), r.bytesToClient(), r.packetsDropped());
        }
    }
}
