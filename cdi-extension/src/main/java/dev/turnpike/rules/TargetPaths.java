package dev.turnpike.rules;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Checks the path of a dispatch, forward or proxy target built from captures before anything
 * resolves it. Captures hold decoded text, and the container decodes the target once more, so a
 * request for {@code /page/%252e%252e/WEB-INF/web.xml} gives the target
 * {@code /echo/%2e%2e/WEB-INF/web.xml}, which the container would read as
 * {@code /echo/../WEB-INF/web.xml} (the CVE-2025-55752 shape). The path (without its query) is
 * therefore examined as written and after each of up to {@link #DECODINGS} rounds of
 * percent-decoding, and refused with
 * <ul>
 *   <li><b>400</b> when any of these readings holds a {@code .} or {@code ..} segment (also with
 *       {@code ;parameters}), a backslash, a control character, an overlong UTF-8 sequence
 *       ({@code %c0%ae}) or a {@code %u} escape;</li>
 *   <li><b>404</b> when it reaches {@code /WEB-INF} or {@code /META-INF} (any case) and the
 *       configured target does not itself start there: {@code target="/WEB-INF/views/$1"} may
 *       serve views, {@code target="/$1"} may not serve {@code WEB-INF/web.xml}.</li>
 * </ul>
 */
public final class TargetPaths {

    /** Rounds of percent-decoding examined after the path as written. */
    public static final int DECODINGS = 3;

    private static final String[] HIDDEN = {"/WEB-INF", "/META-INF"};

    private TargetPaths() {
    }

    /** Why a target is refused: the status to answer and the reason for the log. */
    public record Refusal(int status, String reason) {
    }

    /**
     * The refusal for a target, or {@code null} when it may be dispatched.
     *
     * @param target          the substituted target, possibly with {@code ?query}
     * @param configuredTarget the target as configured, which decides whether {@code /WEB-INF} is meant
     * @param checkHidden      whether reaching {@code /WEB-INF} or {@code /META-INF} is refused
     *                         (dispatch and forward; not for a backend's path)
     */
    public static Refusal check(String target, String configuredTarget, boolean checkHidden) {
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        String reading = path;
        for (int round = 0; round <= DECODINGS; round++) {
            String problem = ambiguity(reading);
            if (problem != null) {
                return new Refusal(400, "the target " + path + " " + problem
                        + (round == 0 ? "" : " once percent-decoded " + round + (round == 1 ? " time" : " times")));
            }
            if (checkHidden && hidden(reading) != null && !hiddenByConfiguration(configuredTarget,
                    hidden(reading))) {
                return new Refusal(404, "the target " + path + " reaches " + hidden(reading)
                        + ", which its configured target " + configuredTarget + " does not name");
            }
            String decoded;
            try {
                decoded = decode(reading);
            } catch (IllegalArgumentException e) {
                return new Refusal(400, "the target " + path + " " + e.getMessage());
            }
            if (decoded.equals(reading)) {
                break;
            }
            reading = decoded;
        }
        return null;
    }

    /** What makes a path ambiguous, or {@code null}. */
    private static String ambiguity(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "holds the control character U+" + String.format("%04X", (int) c);
            }
            if (c == '\\') {
                return "holds a backslash";
            }
            if (c == '%' && i + 1 < path.length() && (path.charAt(i + 1) == 'u' || path.charAt(i + 1) == 'U')) {
                return "holds a %u escape";
            }
        }
        for (String segment : path.split("/", -1)) {
            int parameters = segment.indexOf(';');
            String name = parameters < 0 ? segment : segment.substring(0, parameters);
            if (name.equals(".") || name.equals("..")) {
                return "holds the segment '" + segment + "'";
            }
        }
        return null;
    }

    /** {@code /WEB-INF} or {@code /META-INF} when the path (slashes collapsed) starts there, any case. */
    private static String hidden(String path) {
        String collapsed = path.replaceAll("/{2,}", "/").toUpperCase(Locale.ROOT);
        for (String directory : HIDDEN) {
            if (collapsed.startsWith(directory) && (collapsed.length() == directory.length()
                    || "/;".indexOf(collapsed.charAt(directory.length())) >= 0)) {
                return directory;
            }
        }
        return null;
    }

    private static boolean hiddenByConfiguration(String configuredTarget, String directory) {
        return configuredTarget != null && directory.equals(hidden(configuredTarget));
    }

    /**
     * One round of percent-decoding as UTF-8. An escape that is not two hex digits stays as
     * written; bytes that are not UTF-8 are read as ISO-8859-1, except overlong forms, which are
     * refused (they exist only to hide {@code .} and {@code /}).
     */
    static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        byte[] raw = PercentEncoding.decodeToBytes(text);
        for (int i = 0; i < raw.length; i++) {
            int b = raw[i] & 0xff;
            int next = i + 1 < raw.length ? raw[i + 1] & 0xff : 0;
            if (b == 0xc0 || b == 0xc1 || (b == 0xe0 && next >= 0x80 && next < 0xa0) || (b == 0xf0 && next >= 0x80
                    && next < 0x90)) {
                throw new IllegalArgumentException("holds an overlong UTF-8 sequence");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return new String(raw, StandardCharsets.ISO_8859_1);
        }
    }
}
