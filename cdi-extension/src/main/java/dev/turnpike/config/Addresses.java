package dev.turnpike.config;

/** Checks backend addresses written as {@code host:port}. */
final class Addresses {

    private Addresses() {
    }

    /** A message saying what is wrong with the address, or {@code null} when it is valid. */
    static String check(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            return "'" + address + "' is not host:port";
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") != host.endsWith("]")) {
            return "'" + address + "' has an unbalanced IPv6 bracket";
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean ok = Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == ':' || c == '['
                    || c == ']';
            if (!ok || c > 0x7f) {
                return "'" + address + "' has the character '" + c + "' in its host";
            }
        }
        try {
            int port = Integer.parseInt(address.substring(colon + 1));
            if (port < 1 || port > 65535) {
                return "'" + address + "' has port " + port + ", not from 1 to 65535";
            }
        } catch (NumberFormatException e) {
            return "'" + address + "' has no numeric port";
        }
        return null;
    }
}
