package dev.turnpike.proxy.http;

import dev.turnpike.backend.HeaderField;
import dev.turnpike.backend.HopByHop;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A backend's status line and headers, as parsed by {@link HttpHeadParser}.
 *
 * @param minorVersion 0 for HTTP/1.0, 1 for HTTP/1.1
 * @param status the three-digit status code, 100-599
 * @param reason the reason phrase, possibly empty
 * @param fields the header fields in arrival order, values without surrounding whitespace
 */
record HttpResponseHead(int minorVersion, int status, String reason, List<HeaderField> fields) {

    HttpResponseHead {
        Objects.requireNonNull(reason, "reason");
        fields = List.copyOf(fields);
    }

    /** Whether this is an interim (1xx) response. */
    boolean interim() {
        return status < 200;
    }

    /** The values of every field with the name, compared without case, in order. */
    List<String> values(String name) {
        List<String> values = new ArrayList<>();
        for (HeaderField field : fields) {
            if (field.is(name)) {
                values.add(field.value());
            }
        }
        return values;
    }

    /**
     * Whether the backend lets the connection carry another request (RFC 9112 §9.3): HTTP/1.1
     * unless {@code Connection: close}, HTTP/1.0 only with {@code Connection: keep-alive}.
     */
    boolean persistent() {
        var tokens = HopByHop.listed(fields);
        if (tokens.contains("close")) {
            return false;
        }
        return minorVersion >= 1 || tokens.contains("keep-alive");
    }
}
