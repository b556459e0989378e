package dev.turnpike.web;

import dev.turnpike.rules.Exchange;
import dev.turnpike.rules.HeaderEdit;
import dev.turnpike.rules.custom.SecureOverrideRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Applies what rules did to an exchange to the servlet request and response. */
final class Effects {

    private Effects() {
    }

    /** The request as later code should see it: reporting the secure flag rules set. */
    static HttpServletRequest request(HttpServletRequest request, Exchange exchange) {
        Boolean secure = exchange.secureOverride();
        return secure == null ? request : new SecureOverrideRequest(request, secure);
    }

    /** Sets the headers rules asked for; returns the response later code should write to. */
    static HttpServletResponse response(HttpServletResponse response, Exchange exchange) {
        for (HeaderEdit edit : exchange.headerEdits()) {
            switch (edit.kind()) {
                case SET -> response.setHeader(edit.name(), edit.value());
                case ADD -> response.addHeader(edit.name(), edit.value());
                case MERGE -> response.setHeader(edit.name(), HeaderEdit.merge(response.getHeader(edit.name()),
                        edit.value()));
            }
        }
        if (exchange.isCacheControlPrivate()) {
            response.setHeader("Cache-Control", HeaderEdit.merge(response.getHeader("Cache-Control"), "private"));
        }
        if (exchange.responseCharacterEncodingOverride() != null) {
            response.setCharacterEncoding(exchange.responseCharacterEncodingOverride());
        }
        if (exchange.responseContentTypeOverride() != null) {
            response.setContentType(exchange.responseContentTypeOverride());
        }
        return exchange.isPrivateUnlessVary() ? new PrivateUnlessVaryResponse(response) : response;
    }

    /** Settles the implicit {@code Cache-Control} of a response that ended without being written. */
    static void finish(HttpServletResponse response) {
        if (response instanceof PrivateUnlessVaryResponse deciding) {
            deciding.decide();
        }
    }
}
