package org.edgeway.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.edgeway.services.system.AdministrationSettings;
import org.edgeway.services.system.DnsSettings;
import org.edgeway.services.system.NtpServerSettings;
import org.edgeway.services.system.SystemSettingsService;
import org.edgeway.services.system.TimeSettings;

/**
 * System menu settings over the API; the same services and validation as the console pages. A PUT changes the
 * fields it names and keeps the others.
 */
@Path("/system")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SystemResource {

    @Inject
    private SystemSettingsService settings;

    @GET
    @Path("/dns")
    public SystemJson.Dns dns() {
        return SystemJson.Dns.of(settings.dns());
    }

    @PUT
    @Path("/dns")
    public SystemJson.Dns saveDns(InputStream in) {
        DnsSettings form = settings.dns();
        JsonBody body = JsonBody.read(in)
                .string("hostName", form::setHostName)
                .string("domainName", form::setDomainName)
                .string("dnsServer1", form::setDnsServer1)
                .string("dnsServer2", form::setDnsServer2)
                .string("dnsServer3", form::setDnsServer3)
                .string("dnsServer4", form::setDnsServer4)
                .string("dnsServer5", form::setDnsServer5);
        body.finish();
        settings.saveDns(form);
        return dns();
    }

    @GET
    @Path("/time")
    public SystemJson.Time time() {
        return SystemJson.Time.of(settings.time());
    }

    /**
     * Each entry of {@code ntpServers} names its {@code slot} (1..5) and changes only the fields it names. The
     * pass phrase is write-only: absent or null keeps the stored one, {@code clearPassPhrase:true} removes it.
     */
    @PUT
    @Path("/time")
    public SystemJson.Time saveTime(InputStream in) {
        TimeSettings form = settings.time();
        JsonBody body = JsonBody.read(in).string("timeZone", form::setTimeZone);
        for (JsonBody entry : body.objects("ntpServers")) {
            int[] slot = {0};
            entry.integer("slot", s -> slot[0] = s);
            if (slot[0] < 1 || slot[0] > TimeSettings.SLOTS) {
                body.reject("ntpServers", "each entry needs a slot from 1 to " + TimeSettings.SLOTS);
                continue;
            }
            NtpServerSettings ntp = form.ntp(slot[0]);
            entry.reportAs(name -> "ntpServer" + slot[0] + Character.toUpperCase(name.charAt(0)) + name.substring(1))
                    .string("address", ntp::setAddress)
                    .enumeration("authentication", ntp.getAuthentication(), ntp::setAuthentication)
                    .nullableInteger("keyId", ntp::setKeyId)
                    .nullableEnumeration("hashMethod", NtpServerSettings.HashMethod.class, ntp::setHashMethod)
                    .string("passPhrase", ntp::setPassPhrase)
                    .bool("clearPassPhrase", ntp::setClearPassPhrase)
                    .ignore("passPhraseSet");
        }
        body.finish();
        settings.saveTime(form);
        return time();
    }

    @GET
    @Path("/administration")
    public SystemJson.Administration administration() {
        return SystemJson.Administration.of(settings.administration());
    }

    @PUT
    @Path("/administration")
    public SystemJson.Administration saveAdministration(InputStream in) {
        AdministrationSettings form = settings.administration();
        JsonBody body = JsonBody.read(in)
                .enumeration("nodeRole", form.getNodeRole(), form::setNodeRole)
                .enumeration("systemSize", form.getSystemSize(), form::setSystemSize)
                .integer("sessionTimeoutMinutes", form::setSessionTimeoutMinutes)
                .bool("automatedProtection", form::setAutomatedProtection);
        body.finish();
        settings.saveAdministration(form);
        return administration();
    }
}
