package org.edgeway.services.validation;

import java.util.regex.Pattern;

/** Syntax rules for addresses and names, without any DNS lookup. */
public final class Addresses {

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
    /** A DNS label: letters, digits and hyphens, not starting or ending with a hyphen (RFC 1123). */
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private Addresses() {
    }

    public static boolean isIpv4(String s) {
        return s != null && IPV4.matcher(s).matches();
    }

    /** RFC 4291 text forms, including :: compression and an embedded dotted IPv4 tail; no zone ids. */
    public static boolean isIpv6(String s) {
        if (s == null || s.length() < 2 || s.length() > 45 || !s.contains(":")) {
            return false;
        }
        String text = s;
        int groupsNeeded = 8;
        int lastColon = text.lastIndexOf(':');
        if (text.indexOf('.') >= 0) {
            if (!isIpv4(text.substring(lastColon + 1))) {
                return false;
            }
            text = text.substring(0, lastColon + 1) + "0:0";
        }
        int compress = text.indexOf("::");
        if (compress >= 0 && text.indexOf("::", compress + 1) >= 0) {
            return false;
        }
        if (compress < 0) {
            return groups(text, groupsNeeded) == groupsNeeded;
        }
        String head = text.substring(0, compress);
        String tail = text.substring(compress + 2);
        int h = head.isEmpty() ? 0 : groups(head, groupsNeeded);
        int t = tail.isEmpty() ? 0 : groups(tail, groupsNeeded);
        return h >= 0 && t >= 0 && h + t <= groupsNeeded - 1;
    }

    private static int groups(String part, int max) {
        String[] groups = part.split(":", -1);
        if (groups.length > max) {
            return -1;
        }
        for (String g : groups) {
            if (!HEX_GROUP.matcher(g).matches()) {
                return -1;
            }
        }
        return groups.length;
    }

    public static boolean isIpAddress(String s) {
        return isIpv4(s) || isIpv6(s);
    }

    /** A single host label: "only contains letters, digits, and hyphens" (seed 001). */
    public static boolean isHostLabel(String s) {
        return s != null && LABEL.matcher(s).matches();
    }

    /** A domain name of dot-separated labels, at most 253 characters; a trailing dot is not accepted. */
    public static boolean isDomainName(String s) {
        if (s == null || s.isEmpty() || s.length() > 253 || s.endsWith(".")) {
            return false;
        }
        for (String label : s.split("\\.", -1)) {
            if (!isHostLabel(label)) {
                return false;
            }
        }
        // an all-numeric name is an IPv4 address mistyped, not a domain
        return !s.matches("[0-9.]+");
    }

    /** An IP address or a fully qualified host name. */
    public static boolean isHostOrIp(String s) {
        return isIpAddress(s) || isDomainName(s);
    }
}
