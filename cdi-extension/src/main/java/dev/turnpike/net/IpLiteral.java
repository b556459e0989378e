package dev.turnpike.net;

/**
 * Parsing and formatting of IP address literals. Parsers throw {@link IllegalArgumentException}
 * with a short detail (no surrounding context) that callers wrap or discard.
 */
final class IpLiteral {

    private IpLiteral() {
    }

    /** Whether the text consists of digits and dots only, the shape of a dotted IPv4 literal. */
    static boolean isDotted(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return !text.isEmpty();
    }

    /** The octets of a dotted decimal literal of one to four parts, each 0-255. */
    static int[] dotted(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length > 4) {
            throw new IllegalArgumentException("more than 4 octets");
        }
        int[] octets = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            octets[i] = octet(parts[i]);
        }
        return octets;
    }

    private static int octet(String part) {
        if (part.isEmpty()) {
            throw new IllegalArgumentException("empty octet");
        }
        if (!isDotted(part)) {
            throw new IllegalArgumentException("octet '" + part + "' is not a decimal number");
        }
        if (part.length() > 1 && part.charAt(0) == '0') {
            throw new IllegalArgumentException("octet '" + part + "' has a leading zero, which some tools read as"
                    + " octal; write it without");
        }
        if (part.length() > 3 || Integer.parseInt(part) > 255) {
            throw new IllegalArgumentException("octet " + part + " out of range 0-255");
        }
        return Integer.parseInt(part);
    }

    /**
     * The 16 bytes of an IPv6 literal (RFC 4291 text form: eight groups of one to four hex
     * digits, at most one {@code ::}, optionally ending in a dotted IPv4 address), without
     * brackets, prefix or zone id.
     */
    static byte[] ipv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            throw new IllegalArgumentException("more than one '::'");
        }
        int[] head = groups(gap < 0 ? text : text.substring(0, gap), gap < 0);
        int[] tail = gap < 0 ? new int[0] : groups(text.substring(gap + 2), true);
        int count = head.length + tail.length;
        if (gap < 0 && count != 8) {
            throw new IllegalArgumentException(count + " groups of 16 bits; without '::' there must be 8");
        }
        if (gap >= 0 && count > 7) {
            throw new IllegalArgumentException(count + " groups of 16 bits besides '::'; there can be at most 7");
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < head.length; i++) {
            putGroup(bytes, i, head[i]);
        }
        for (int i = 0; i < tail.length; i++) {
            putGroup(bytes, 8 - tail.length + i, tail[i]);
        }
        return bytes;
    }

    private static int[] groups(String text, boolean ipv4AtEnd) {
        if (text.isEmpty()) {
            return new int[0];
        }
        String[] parts = text.split(":", -1);
        int last = parts.length - 1;
        boolean ipv4 = ipv4AtEnd && parts[last].indexOf('.') >= 0;
        int[] groups = new int[ipv4 ? parts.length + 1 : parts.length];
        for (int i = 0; i < (ipv4 ? last : parts.length); i++) {
            groups[i] = hexGroup(parts[i]);
        }
        if (ipv4) {
            int[] octets = dotted(parts[last]);
            if (octets.length != 4) {
                throw new IllegalArgumentException("embedded IPv4 address '" + parts[last] + "' needs 4 octets");
            }
            groups[last] = octets[0] << 8 | octets[1];
            groups[last + 1] = octets[2] << 8 | octets[3];
        }
        return groups;
    }

    private static int hexGroup(String part) {
        if (part.isEmpty()) {
            throw new IllegalArgumentException("empty group (a single ':' at the start or the end?)");
        }
        int value = 0;
        for (int i = 0; i < part.length(); i++) {
            int digit = hexDigit(part.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("group '" + part + "' is not hexadecimal");
            }
            value = value << 4 | digit;
        }
        if (part.length() > 4) {
            throw new IllegalArgumentException("group '" + part + "' has more than 4 hex digits");
        }
        return value;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static void putGroup(byte[] bytes, int group, int value) {
        bytes[2 * group] = (byte) (value >>> 8);
        bytes[2 * group + 1] = (byte) value;
    }

    /** Dotted decimal text of an IPv4 address held in the low 32 bits. */
    static String formatIpv4(long bits) {
        return (bits >>> 24 & 0xFF) + "." + (bits >>> 16 & 0xFF) + "." + (bits >>> 8 & 0xFF) + "." + (bits & 0xFF);
    }

    /** RFC 5952 text of an IPv6 address: lower case, no leading zeros, longest zero run as {@code ::}. */
    static String formatIpv6(long hi, long lo) {
        int[] groups = new int[8];
        for (int i = 0; i < 4; i++) {
            groups[i] = (int) (hi >>> (48 - 16 * i)) & 0xFFFF;
            groups[4 + i] = (int) (lo >>> (48 - 16 * i)) & 0xFFFF;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
            } else {
                if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                    text.append(':');
                }
                text.append(Integer.toHexString(groups[i]));
            }
        }
        return text.toString();
    }
}
