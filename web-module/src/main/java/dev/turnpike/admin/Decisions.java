package dev.turnpike.admin;

import dev.turnpike.rules.Decision;

/** Decisions as the admin API shows them. */
final class Decisions {

    private Decisions() {
    }

    static Explanation.Outcome view(Decision decision) {
        String rule = decision.rule() == null ? null : decision.rule().toString();
        String origin = decision.rule() == null ? null : decision.rule().origin();
        if (decision instanceof Decision.Dispatch dispatch) {
            return new Explanation.Outcome("dispatch", rule, origin, null, dispatch.target(), null);
        }
        if (decision instanceof Decision.Forward forward) {
            return new Explanation.Outcome("forward", rule, origin, null, forward.target(), null);
        }
        if (decision instanceof Decision.SendError error) {
            return new Explanation.Outcome("send-error", rule, origin, error.status(), null, null);
        }
        if (decision instanceof Decision.Redirect redirect) {
            return new Explanation.Outcome("redirect", rule, origin, redirect.status(), redirect.location(), null);
        }
        if (decision instanceof Decision.Proxy proxy) {
            return new Explanation.Outcome("proxy", rule, origin, null, proxy.uri(), String.valueOf(proxy.backend()));
        }
        if (decision instanceof Decision.Custom custom) {
            return new Explanation.Outcome("application-rule", rule, origin, null, custom.target(),
                    custom.handler().getClass().getName());
        }
        return new Explanation.Outcome("pass", rule, origin, null, null, null);
    }

    /** One line: {@code redirect 302 /new/x}, {@code send-error 403}, {@code pass}. */
    static String describe(Decision decision) {
        Explanation.Outcome view = view(decision);
        StringBuilder text = new StringBuilder(view.kind());
        if (view.status() != null) {
            text.append(' ').append(view.status());
        }
        if (view.target() != null) {
            text.append(' ').append(view.target());
        }
        if (view.backend() != null) {
            text.append(" via ").append(view.backend());
        }
        return text.toString();
    }
}
