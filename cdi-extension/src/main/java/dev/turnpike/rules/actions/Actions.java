package dev.turnpike.rules.actions;

import dev.turnpike.rules.Action;
import dev.turnpike.rules.BackendRoute;
import dev.turnpike.rules.Decision;
import dev.turnpike.rules.Exchange;
import dev.turnpike.rules.Outcome;
import dev.turnpike.rules.RedirectLocation;
import dev.turnpike.rules.Rule;
import dev.turnpike.rules.RuleImport;
import dev.turnpike.rules.RuleList;
import dev.turnpike.rules.Target;
import dev.turnpike.rules.TargetPaths;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;

/** The built-in actions, one immutable record each. */
public final class Actions {

    private Actions() {
    }

    private static final Logger TARGET_LOG = Logger.getLogger("dev.turnpike.rules");

    static String resolve(Target target, Matcher matcher, String subject) {
        return target.resolve(matcher, subject);
    }

    /**
     * The answer for a target that must not be dispatched ({@link TargetPaths}), or {@code null}
     * when it may be. The browser gets the bare status; the reason goes to the log.
     */
    static Decision refusal(Rule rule, String resolved, Target target, boolean checkHidden) {
        TargetPaths.Refusal refusal = TargetPaths.check(resolved, target.toString(), checkHidden);
        if (refusal == null) {
            return null;
        }
        TARGET_LOG.fine(() -> rule + " (" + rule.origin() + ") refused with " + refusal.status() + ": "
                + refusal.reason());
        return new Decision.SendError(rule, refusal.status(), null);
    }

    /** Answer with an error status: {@code Forbidden} (403), {@code NotFound} (404), {@code SendError}. */
    public record SendError(int status, String message) implements Action {
        public SendError {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("error code " + status + " is not between 400 and 599");
            }
        }

        @Override
        public Outcome act(Exchange exchange, String subject, Matcher matcher, Rule rule) {
            return new Decision.SendError(rule, status, message);
        }
    }

    /**
     * 302 to the target made absolute as Resin's {@code sendRedirect} does. A target that is not
     * absolute as configured stays on this server whatever its captures hold
     * ({@link RedirectLocation#onThisServer}).
     */
    public record Redirect(Target target, QueryAppend query) implements Action {
        public Redirect {
            Objects.requireNonNull(target, "target");
        }

        @Override
        public Outcome act(Exchange exchange, String subject, Matcher matcher, Rule rule) {
            String location = query.apply(resolve(target, matcher, subject), exchange.queryString());
            if (!RedirectLocation.isAbsolute(target.toString())) {
                location = RedirectLocation.onThisServer(location);
            }
            return new Decision.Redirect(rule, 302, RedirectLocation.absolute(location, exchange));
        }
    }

    /**
     * 301 to the target as it is (escaped for a header, not made absolute); a target that is not
     * absolute as configured stays on this server ({@link RedirectLocation#onThisServer}).
     */
    public record Moved(Target target, QueryAppend query) implements Action {
        public Moved {
            Objects.requireNonNull(target, "target");
        }

        @Override
        public Outcome act(Exchange exchange, String subject, Matcher matcher, Rule rule) {
            String location = query.apply(resolve(target, matcher, subject), exchange.queryString());
            if (!RedirectLocation.isAbsolute(target.toString())) {
                location = RedirectLocation.onThisServer(location);
            }
            return new Decision.Redirect(rule, 301, RedirectLocation.escape(location));
        }
    }

    /** 302 to the same path over HTTPS ({@code resin:RedirectSecure}). */
    public record RedirectSecure() implements Action {
        @Override
        public Outcome act(Exchange exchange, String subject, Matcher matcher, Rule rule) {
            String location = QueryAppend.IF_ABSENT.apply("https://" + exchange.serverName() + exchange.fullPath(),
                    exchange.queryString());
            return new Decision.Redirect(rule, 302, RedirectLocation.escape(location));
        }
    }

    /**
     * Serve the target instead; without a target, stop evaluating rules and serve the request as
     * it is. A target that would climb out of its directory or into {@code /WEB-INF} is answered
     * with an error instead ({@link TargetPaths}).
     */
    public record Dispatch(Target target, QueryAppend query) implements Action {
        @Override
        public Outcome act(Exchange exchange, String subject, Matcher matcher, Rule rule) {
            if (target == null) {
                return new Decision.Pass(rule);
            }
            String resolved = query.apply(resolve(target, matcher, subject), exchange.queryString());
            Decision refused = refusal(rule, resolved, target, true);
            return refused != null ? refused : new Decision.Dispatch(rule, resolved);
        }
    }

    /**
     * Forward to the target through the request dispatcher (of the root web-app with
     * {@code viaRoot}); refused as {@link Dispatch} refuses.
     */
    public record Forward(Target target, boolean viaRoot, QueryAppend query) implements Action {
        public Forward {
            Objects.requireNonNull(target, "target");
        }

        @Override
        public Outcome act(Exchange exchange, String subject, Matcher matcher, Rule rule) {
            String resolved = query.apply(resolve(target, matcher, subject), exchange.queryString());
            Decision refused = refusal(rule, resolved, target, true);
            return refused != null ? refused : new Decision.Forward(rule, resolved, viaRoot);
        }
    }

    /** Rewrite the subject for the following rules. */
    public record Rewrite(Target target) implements Action {
        public Rewrite {
            Objects.requireNonNull(target, "target");
        }

        @Override
        public Outcome act(Exchange exchange, String subject, Matcher matcher, Rule rule) {
            return new Outcome.Continue(resolve(target, matcher, subject));
        }
    }

    /**
     * Change the request and response, then continue with the same subject (Resin 3.1
     * {@code <set>}); {@code null} settings are left alone.
     */
    public record Set(Boolean requestSecure, String requestCharacterEncoding, String responseCharacterEncoding,
                      String responseContentType) implements Action {
        @Override
        public Outcome act(Exchange exchange, String subject, Matcher matcher, Rule rule) {
            if (requestSecure != null) {
                exchange.overrideSecure(requestSecure);
            }
            if (requestCharacterEncoding != null) {
                exchange.requestCharacterEncoding(requestCharacterEncoding);
            }
            if (responseCharacterEncoding != null) {
                exchange.responseCharacterEncoding(responseCharacterEncoding);
            }
            if (responseContentType != null) {
                exchange.responseContentType(responseContentType);
            }
            return new Outcome.Continue(subject);
        }
    }

    /**
     * Evaluate child rules with the current subject ({@code <match>}, {@code <import>},
     * {@code resin:Location}); when none decides, continue after the group with the subject the
     * children left.
     */
    public record Group(RuleList children) implements Action {
        public Group {
            Objects.requireNonNull(children, "children");
        }

        @Override
        public Outcome act(Exchange exchange, String subject, Matcher matcher, Rule rule) {
            return children.evaluate(exchange, subject);
        }
    }

    /** The rules of a Resin 3.1 {@code <rewrite-dispatch>}, each evaluation logged as Resin logs it. */
    public record RewriteDispatch(RuleList children) implements Action {
        private static final Logger LOG = Logger.getLogger("com.caucho.server.rewrite.RewriteDispatch");

        public RewriteDispatch {
            Objects.requireNonNull(children, "children");
        }

        @Override
        public Outcome act(Exchange exchange, String subject, Matcher matcher, Rule rule) {
            if (LOG.isLoggable(Level.FINEST)) {
                LOG.finest("rewrite-dispatch check uri '" + subject + "'");
            }
            return children.evaluate(exchange, subject);
        }
    }

    /** The rules of an imported file, which may be replaced while the server runs. */
    public record Import(RuleImport source) implements Action {
        public Import {
            Objects.requireNonNull(source, "source");
        }

        @Override
        public Outcome act(Exchange exchange, String subject, Matcher matcher, Rule rule) {
            return source.rules().evaluate(exchange, subject);
        }
    }

    /**
     * Hand the request to backends. The backend sees the target when there is one (refused with
     * 400 when it would climb, {@link TargetPaths}), else the matched path (with the context path
     * in front when {@code withContextPath}).
     */
    public record Proxy(BackendRoute backend, Target target, boolean withContextPath) implements Action {
        public Proxy {
            Objects.requireNonNull(backend, "backend");
        }

        @Override
        public Outcome act(Exchange exchange, String subject, Matcher matcher, Rule rule) {
            String uri;
            if (target != null) {
                uri = resolve(target, matcher, subject);
                Decision refused = refusal(rule, uri, target, false);
                if (refused != null) {
                    return refused;
                }
            } else {
                uri = withContextPath ? exchange.contextPath() + subject : subject;
            }
            return new Decision.Proxy(rule, backend, uri, target != null);
        }
    }
}
