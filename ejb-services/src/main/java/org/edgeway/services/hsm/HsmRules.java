package org.edgeway.services.hsm;

import java.util.regex.Pattern;
import org.edgeway.services.validation.Addresses;
import org.edgeway.services.validation.InvalidSettingsException;

/**
 * The formats of HSM configuration: IPv4 addresses (seed: the RFS and modules are IPv4), ports, an nShield ESN as
 * {@code anonkneti} prints it ({@code A285-4F5E-B0CD}) and its KNETI hash (SHA-1, 40 hex digits), the PKCS#11
 * library (an absolute path to a shared object), slot ID and PIN.
 */
final class HsmRules {

    static final int DEFAULT_RFS_PORT = 9004;
    /** nShield Connect's hardserver port. */
    static final int DEFAULT_MODULE_PORT = 9004;
    static final String LAST_DEVICE = "You cannot remove the last device while HSM mode is enabled";

    private static final Pattern ESN = Pattern.compile("[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}");
    private static final Pattern KNETI = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern LIBRARY = Pattern.compile("/[^\"\\n\\r\\t]*\\.so(\\.[0-9]+)*");

    private HsmRules() {
    }

    static void check(HsmSettingsForm f, boolean pinStored) {
        InvalidSettingsException.Collector errors = new InvalidSettingsException.Collector();
        if (!blank(f.getRfsAddress()) && !Addresses.isIpv4(f.getRfsAddress().strip())) {
            errors.reject("rfsAddress", "must be an IPv4 address such as 192.0.2.10");
        }
        port(errors, "rfsPort", f.getRfsPort());
        if (!blank(f.getLibrary()) && !LIBRARY.matcher(f.getLibrary().strip()).matches()) {
            errors.reject("library", "must be the absolute path of the PKCS#11 library (a .so file), such as"
                    + " /usr/lib/softhsm/libsofthsm2.so");
        }
        if (!blank(f.getSlot()) && slot(f.getSlot()) == null) {
            errors.reject("slot", "must be the token's slot ID, a number from 0 to 4294967295");
        }
        if (!blank(f.getPin()) && (f.getPin().length() < 4 || f.getPin().length() > 64)) {
            errors.reject("pin", "must be 4 to 64 characters");
        }
        if (blank(f.getLibrary()) != blank(f.getSlot()) || (!blank(f.getLibrary()) && blank(f.getPin()) && !pinStored)) {
            String missing = "is required with the other PKCS#11 settings (library, slot and PIN go together)";
            if (blank(f.getLibrary())) {
                errors.reject("library", missing);
            }
            if (blank(f.getSlot())) {
                errors.reject("slot", missing);
            }
            if (blank(f.getPin()) && !pinStored) {
                errors.reject("pin", missing);
            }
        }
        errors.throwIfAny();
    }

    static void check(HsmModuleForm f) {
        InvalidSettingsException.Collector errors = new InvalidSettingsException.Collector();
        if (blank(f.getAddress()) || !Addresses.isIpv4(f.getAddress().strip())) {
            errors.reject("address", "must be the module's IPv4 address, such as 192.0.2.20");
        }
        port(errors, "port", f.getPort());
        if (blank(f.getEsn()) || !ESN.matcher(f.getEsn().strip()).matches()) {
            errors.reject("esn", "must be the module's electronic serial number as anonkneti prints it: three groups"
                    + " of four upper-case hex digits, such as A285-4F5E-B0CD");
        }
        if (blank(f.getKneti()) || !KNETI.matcher(f.getKneti().strip()).matches()) {
            errors.reject("kneti", "must be the module's KNETI hash as anonkneti prints it: 40 lower-case hex digits");
        }
        errors.throwIfAny();
    }

    static Long slot(String text) {
        try {
            long slot = Long.parseLong(text.strip());
            return slot >= 0 && slot <= 0xFFFFFFFFL ? slot : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void port(InvalidSettingsException.Collector errors, String field, Integer port) {
        if (port == null || port < 1 || port > 65535) {
            errors.reject(field, "must be a port from 1 to 65535");
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
