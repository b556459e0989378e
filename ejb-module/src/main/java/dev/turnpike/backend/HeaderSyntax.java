package dev.turnpike.backend;

/**
 * What may stand in a header a backend sends or Turnpike writes: names are tokens (RFC 9110
 * 5.6.2), values hold no control character but tab. The HMUX, HTTP and FastCGI readers refuse a
 * response head that breaks either rule, so nothing a backend sends can split a header the
 * browser gets.
 */
public final class HeaderSyntax {

    private static final String TOKEN_PUNCTUATION = "!#$%&'*+-.^_`|~";

    private HeaderSyntax() {
    }

    /** Whether the text is a token: one or more letters, digits or {@value #TOKEN_PUNCTUATION}. */
    public static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean tchar = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || TOKEN_PUNCTUATION.indexOf(c) >= 0;
            if (!tchar) {
                return false;
            }
        }
        return true;
    }

    /** The index of the first control character other than tab (DEL included), or -1. */
    public static int controlAt(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                return i;
            }
        }
        return -1;
    }
}
