package dev.turnpike.it.differential;

/**
 * The rules both servers load, one host per concern: {@code r4.test} has Resin 4 web-app rules,
 * {@code r3.test} Resin 3.1 web-app rules, {@code h4.test} host-level rules, and the cluster has
 * server-level rules (matched against the full URL). Every rule works on its own path prefix so
 * cases do not disturb each other.
 */
final class DifferentialRules {

    private DifferentialRules() {
    }

    static final String CLUSTER = """
            <resin:Forbidden regexp="^http://srv\\.test/blocked"/>
            <resin:Redirect regexp="^http://srv\\.test/go/(.*)" target="http://r4.test/echo/$1"/>
            <resin:Dispatch regexp="^http://srv\\.test/sd/(.*)" target="/echo/server/$1"/>
            <resin:Redirect regexp="^http://[^/]*/global-redirect" target="/echo/global"/>
            """;

    /**
     * The children of the cluster's {@code <rewrite-dispatch>}; Resin's schema allows one per
     * cluster, so other cluster-level Resin 3.1 rules join it (see {@link #cluster}).
     */
    static final String CLUSTER_31 = """
            <gone regexp="^http://srv\\.test/gone31"/>
            """;

    /** The cluster's rules: {@code resin:*} rules, then one {@code <rewrite-dispatch>} holding the old-style ones. */
    static String cluster(String moreRules, String moreRules31) {
        return CLUSTER + moreRules + "<rewrite-dispatch>\n" + CLUSTER_31 + moreRules31 + "</rewrite-dispatch>\n";
    }

    static final String HOST_H4 = """
            <resin:Forbidden regexp="^/hostblock"/>
            <resin:Redirect regexp="^/hr/(.*)" target="/echo/$1"/>
            <resin:Dispatch regexp="^/hd/(.*)" target="/echo/$1"/>
            <resin:MovedPermanently regexp="^/hm/(.*)" target="/echo/$1"/>
            <rewrite-dispatch>
              <gone regexp="^/hgone"/>
              <redirect regexp="^/hr31/(.*)" target="/echo/$1"/>
            </rewrite-dispatch>
            """;

    static final String WEBAPP_H4 = """
            <resin:Forbidden regexp="^/appblock"/>
            <resin:Forbidden regexp="^/hostblock"/>
            """;

    static final String WEBAPP_R4 = """
            <resin:SetHeader regexp="^/hdr/" name="X-Turnpike-Test" value="set"/>
            <resin:SetVary regexp="^/vary/" value="Accept"/>
            <resin:SetRequestSecure regexp="^/echo/secure"/>
            <resin:Forbidden regexp="^/forbidden"/>
            <resin:NotFound regexp="^/notfound"/>
            <resin:SendError regexp="^/teapot" code="418" message="short and stout"/>
            <resin:SendError regexp="^/err503" code="503"/>
            <resin:SendError regexp="^/errdefault"/>
            <resin:Redirect regexp="^/redirect/(.*)" target="/echo/$1"/>
            <resin:Redirect regexp="^/redirq/(.*)" target="/echo/$1?added=1"/>
            <resin:Redirect regexp="^/redirabs/(.*)" target="http://elsewhere.test/$1"/>
            <resin:Redirect regexp="^/redirrel/(.*)" target="rel/$1"/>
            <resin:Redirect regexp="^/rfirst" target="/echo/first"/>
            <resin:MovedPermanently regexp="^/moved/(.*)" target="/echo/$1"/>
            <resin:MovedPermanently regexp="^/movedq/(.*)" target="/echo/$1?m=1"/>
            <resin:Dispatch regexp="^/dispatch/(.*)" target="/echo/$1"/>
            <resin:Dispatch regexp="^/dispq/(.*)" target="/echo/d?x=$1"/>
            <resin:Dispatch regexp="^/echo/stop"/>
            <resin:Forbidden regexp="^/echo/stop"/>
            <resin:Dispatch regexp="^/dsub" target="/echo/sub"/>
            <resin:Forward regexp="^/forward/(.*)" target="/echo/$1"/>
            <resin:Forward regexp="^/fwdq/(.*)" target="/echo/f?y=$1"/>
            <resin:Forward regexp="^/fwdall/" target="/echo/"/>
            <resin:Forbidden regexp="^/order/a"/>
            <resin:Redirect regexp="^/order/" target="/echo/order"/>
            <resin:Rewrite regexp="^/rw/(.*)" target="/rwd/$1"/>
            <resin:Dispatch regexp="^/rwd/(.*)" target="/echo/rw/$1"/>
            <resin:Rewrite regexp="^/rwself/(.*)" target="/rwself/x/$1"/>
            <resin:Forbidden regexp="^/rwself/"/>
            <resin:Forbidden regexp="^/cond/header"><resin:IfHeader name="X-Block" regexp="yes"/></resin:Forbidden>
            <resin:Forbidden regexp="^/cond/hpresent"><resin:IfHeader name="X-Block"/></resin:Forbidden>
            <resin:Forbidden regexp="^/cond/cookie"><resin:IfCookie name="block" value="^1$"/></resin:Forbidden>
            <resin:Forbidden regexp="^/cond/method"><resin:IfMethod value="POST"/></resin:Forbidden>
            <resin:Forbidden regexp="^/cond/query"><resin:IfQueryParam name="block" regexp="^y"/></resin:Forbidden>
            <resin:Forbidden regexp="^/cond/secure"><resin:IfSecure value="true"/></resin:Forbidden>
            <resin:Forbidden regexp="^/cond/insecure"><resin:IfSecure value="false"/></resin:Forbidden>
            <resin:Forbidden regexp="^/cond/net"><resin:IfNetwork value="127.0.0.0/8"/></resin:Forbidden>
            <resin:Forbidden regexp="^/cond/othernet"><resin:IfNetwork value="10.0.0.0/8"/></resin:Forbidden>
            <resin:Forbidden regexp="^/cond/addr"><resin:IfRemoteAddr value="127.0.0.1"/></resin:Forbidden>
            <resin:Forbidden regexp="^/cond/auth"><resin:IfAuthType value="NONE"/></resin:Forbidden>
            <resin:Forbidden regexp="^/cond/basic"><resin:IfAuthType value="BASIC"/></resin:Forbidden>
            <resin:Forbidden regexp="^/cond/user"><resin:IfRemoteUser value="ann"/></resin:Forbidden>
            <resin:Forbidden regexp="^/cond/role"><resin:IfUserInRole role="admin"/></resin:Forbidden>
            <resin:Forbidden regexp="^/cond/locale"><resin:IfLocale value="^fr"/></resin:Forbidden>
            <resin:Forbidden regexp="^/cond/port"><resin:IfServerPort value="80"/></resin:Forbidden>
            <resin:Forbidden regexp="^/cond/name"><resin:IfServerName regexp="^r4\\.test$"/></resin:Forbidden>
            <resin:Forbidden regexp="^/cond/cron"><resin:IfCron enable-at="* * * * *" disable-at="0 0 1 1 *"/></resin:Forbidden>
            <resin:Forbidden regexp="^/cond/and"><resin:And><resin:IfHeader name="X-A"/><resin:IfHeader name="X-B"/></resin:And></resin:Forbidden>
            <resin:Forbidden regexp="^/cond/or"><resin:Or><resin:IfHeader name="X-A"/><resin:IfHeader name="X-B"/></resin:Or></resin:Forbidden>
            <resin:Forbidden regexp="^/cond/not"><resin:Not><resin:IfHeader name="X-A"/></resin:Not></resin:Forbidden>
            <resin:Forbidden regexp="^/cond/notand"><resin:NotAnd><resin:IfHeader name="X-A"/><resin:IfHeader name="X-B"/></resin:NotAnd></resin:Forbidden>
            <resin:Forbidden regexp="^/cond/notor"><resin:NotOr><resin:IfHeader name="X-A"/><resin:IfHeader name="X-B"/></resin:NotOr></resin:Forbidden>
            <resin:Forbidden regexp="^/cond/two"><resin:IfHeader name="X-A"/><resin:IfHeader name="X-B"/></resin:Forbidden>
            <resin:Redirect regexp="^/cond/redirect" target="/echo/r"><resin:IfHeader name="X-R"/></resin:Redirect>
            <resin:Dispatch regexp="^/cond/dispatch" target="/echo/cd"><resin:IfMethod value="GET"/></resin:Dispatch>
            <resin:Dispatch regexp="^/withhdr/(.*)" target="/echo/$1"><resin:SetHeader name="X-Rule" value="fired"/></resin:Dispatch>
            <resin:Location regexp="^/loc/">
              <resin:IfHeader name="X-L"/>
              <resin:Forbidden regexp="^/loc/a"/>
              <resin:Dispatch regexp="^/loc/b" target="/echo/locb"/>
            </resin:Location>
            <resin:Forbidden regexp="^/loc/"/>
            <resin:Redirect regexp="^/caf\u00e9" target="/echo/cafe"/>
            """;

    static final String WEBAPP_R3 = """
            <rewrite-dispatch>
              <set regexp="^/echo/secure" request-secure="true"/>
              <forbidden regexp="^/forbidden"/>
              <gone regexp="^/gone"/>
              <not-found regexp="^/notfound"/>
              <redirect regexp="^/redirect/(.*)" target="/echo/$1"/>
              <redirect regexp="^/redirq/(.*)" target="/echo/$1?added=1"/>
              <moved-permanently regexp="^/moved/(.*)" target="/echo/$1"/>
              <moved-permanently regexp="^/movedq/(.*)" target="/echo/$1?m=1"/>
              <dispatch regexp="^/dispatch/(.*)" target="/echo/$1"/>
              <forward regexp="^/forward/(.*)" target="/echo/$1"/>
              <match regexp="^/all/"><redirect regexp="all" target="echo"/></match>
              <rewrite regexp="^/rw/(.*)" target="/rwd/$1"><when header="X-Rw"/></rewrite>
              <rewrite regexp="^/rwu/(.*)" target="/rwd/$1"/>
              <dispatch regexp="^/rwd/(.*)" target="/echo/rw/$1"/>
              <redirect regexp="^/cond/header" target="/echo/h"><when header="X-A" regexp="b"/></redirect>
              <redirect regexp="^/cond/novary" target="/echo/nv"><when header="X-A" send-vary="false"/></redirect>
              <redirect regexp="^/cond/unless" target="/echo/u"><unless header="X-A"/></redirect>
              <dispatch regexp="^/cond/cookie" target="/echo/c"><when cookie="c" regexp="^1"/></dispatch>
              <dispatch regexp="^/cond/method" target="/echo/m"><when method="POST"/></dispatch>
              <dispatch regexp="^/cond/query" target="/echo/q"><when query-param="p" regexp="^1$"/></dispatch>
              <dispatch regexp="^/cond/secure" target="/echo/s"><when secure="false"/></dispatch>
              <dispatch regexp="^/cond/addr" target="/echo/a"><when remote-addr="127.0.0.1"/></dispatch>
              <dispatch regexp="^/cond/shortnet" target="/echo/sn"><when remote-addr="127/8"/></dispatch>
              <dispatch regexp="^/cond/auth" target="/echo/at"><when auth-type="NONE"/></dispatch>
              <dispatch regexp="^/cond/user" target="/echo/us"><when remote-user="ann"/></dispatch>
              <dispatch regexp="^/cond/role" target="/echo/ro"><when user-in-role="admin"/></dispatch>
              <dispatch regexp="^/cond/locale" target="/echo/lo"><when locale="^fr"/></dispatch>
              <dispatch regexp="^/cond/sname" target="/echo/sname"><when server-name="R3\\.TEST"/></dispatch>
              <dispatch regexp="^/cond/sport" target="/echo/sport"><when server-port="80"/></dispatch>
              <dispatch regexp="^/cond/and" target="/echo/and"><and><when header="X-A"/><when header="X-B"/></and></dispatch>
              <dispatch regexp="^/cond/or" target="/echo/or"><or><when header="X-A"/><when header="X-B"/></or></dispatch>
              <dispatch regexp="^/cond/not" target="/echo/not"><not><when header="X-A"/></not></dispatch>
              <forbidden regexp="^/cond/forbidden"><when header="X-F"/></forbidden>
              <match regexp="^/m/"><forbidden regexp="x$"/><dispatch regexp="^/m/(.*)" target="/echo/m/$1"/></match>
              <match regexp="^/mc/"><when header="X-M"/><dispatch regexp="^/mc/(.*)" target="/echo/mc/$1"/></match>
              <dispatch full-url-regexp="^/full\\?q=(\\w+)" target="/echo/full/$1"/>
              <forbidden regexp="^/named" name="named-rule" enabled="false"/>
              <dispatch regexp="^/echo/stop"/>
              <forbidden regexp="^/echo/stop"/>
            </rewrite-dispatch>
            """;
}
