package dev.turnpike.benchmarks;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns JMH's JSON result file of {@link SelectionBenchmark} into a markdown table.
 *
 * <p>Rows are rule count × position; columns are each engine's score (ns/op), then, when the
 * run had {@code -prof gc}, each engine's allocation per operation (B/op, from the secondary
 * metric {@code gc.alloc.rate.norm}), then the fastest peer and the ratio
 * {@code fastest peer / turnpike} (above 1: Turnpike is faster). Engines missing from the run
 * are left out.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.turnpike.benchmarks.ResultsTable result.json out.md [flags]},
 * {@code flags} being the JMH command-line flags to record in the header.
 */
public final class ResultsTable {

    static final List<String> ENGINES = List.of("turnpike", "tuckey", "ocpsoft", "tomcat", "undertow", "jetty");
    static final List<String> POSITIONS = List.of("first", "middle", "last", "miss", "mixed");

    private ResultsTable() {
    }

    /** One engine's numbers at one point. */
    record Score(double score, double error, String unit, Double allocation) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ResultsTable <jmh-result.json> <out.md> [JMH flags used]");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        String flags = args.length > 2 ? String.join(" ", List.of(args).subList(2, args.length)) : "(not recorded)";
        JsonArray results;
        try (Reader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
             JsonReader json = Json.createReader(reader)) {
            results = json.readArray();
        }
        String markdown = render(results, flags);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, markdown, StandardCharsets.UTF_8);
        System.out.println("wrote " + out + " (" + results.size() + " results)");
    }

    static String render(JsonArray results, String flags) {
        // rules -> position -> engine -> score
        Map<Integer, Map<String, Map<String, Score>>> table = new TreeMap<>();
        List<String> engines = new ArrayList<>();
        boolean allocation = false;
        for (JsonValue value : results) {
            JsonObject result = value.asJsonObject();
            String benchmark = result.getString("benchmark");
            String engine = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            JsonObject params = result.getJsonObject("params");
            if (params == null || !params.containsKey("rules") || !params.containsKey("position")) {
                continue;
            }
            int rules = Integer.parseInt(params.getString("rules"));
            String position = params.getString("position");
            JsonObject primary = result.getJsonObject("primaryMetric");
            Double alloc = null;
            JsonObject secondary = result.getJsonObject("secondaryMetrics");
            if (secondary != null) {
                for (Map.Entry<String, JsonValue> metric : secondary.entrySet()) {
                    if (metric.getKey().endsWith("gc.alloc.rate.norm")) {
                        alloc = number(metric.getValue().asJsonObject().get("score"));
                    }
                }
            }
            allocation |= alloc != null;
            Score score = new Score(number(primary.get("score")), number(primary.get("scoreError")),
                    primary.getString("scoreUnit"), alloc);
            table.computeIfAbsent(rules, r -> new LinkedHashMap<>())
                    .computeIfAbsent(position, p -> new LinkedHashMap<>())
                    .put(engine, score);
            if (!engines.contains(engine)) {
                engines.add(engine);
            }
        }
        engines.sort((a, b) -> Integer.compare(order(a), order(b)));
        List<String> peers = engines.stream().filter(e -> !e.equals("turnpike")).toList();
        boolean hasTurnpike = engines.contains("turnpike");

        StringBuilder md = new StringBuilder();
        md.append("# Rule selection: Turnpike and five Java peers\n\n");
        header(md, results, flags);
        String unit = results.isEmpty() ? "ns/op"
                : results.get(0).asJsonObject().getJsonObject("primaryMetric").getString("scoreUnit");
        md.append("Scores are JMH average time in ").append(unit)
                .append(" (± the 99.9 % confidence half-width JMH reports; none with a single iteration)");
        if (allocation) {
            md.append("; allocation columns are bytes allocated per operation (`gc.alloc.rate.norm`)");
        }
        md.append(". \"fastest peer / turnpike\" above 1 means Turnpike is faster.\n\n");

        List<String> columns = new ArrayList<>(List.of("rules", "position"));
        for (String engine : engines) {
            columns.add(engine + " " + unit);
        }
        if (allocation) {
            for (String engine : engines) {
                columns.add(engine + " B/op");
            }
        }
        if (hasTurnpike && !peers.isEmpty()) {
            columns.add("fastest peer");
            columns.add("fastest peer / turnpike");
            if (allocation) {
                columns.add("least-allocating peer / turnpike (B/op)");
            }
        }
        md.append('|');
        columns.forEach(c -> md.append(' ').append(c).append(" |"));
        md.append("\n|");
        for (int i = 0; i < columns.size(); i++) {
            md.append(i < 2 || columns.get(i).equals("fastest peer") ? "---|" : "---:|");
        }
        md.append('\n');
        for (Map.Entry<Integer, Map<String, Map<String, Score>>> byRules : table.entrySet()) {
            List<String> positions = new ArrayList<>(byRules.getValue().keySet());
            positions.sort((a, b) -> Integer.compare(positionOrder(a), positionOrder(b)));
            for (String position : positions) {
                Map<String, Score> row = byRules.getValue().get(position);
                md.append("| ").append(byRules.getKey()).append(" | ").append(position).append(" |");
                for (String engine : engines) {
                    Score s = row.get(engine);
                    md.append(' ').append(s == null ? "–" : Double.isNaN(s.error()) ? format(s.score())
                            : format(s.score()) + " ± " + format(s.error())).append(" |");
                }
                if (allocation) {
                    for (String engine : engines) {
                        Score s = row.get(engine);
                        md.append(' ').append(s == null || s.allocation() == null ? "–" : format(s.allocation()))
                                .append(" |");
                    }
                }
                if (hasTurnpike && !peers.isEmpty()) {
                    Score turnpike = row.get("turnpike");
                    String fastest = null;
                    Double leastAlloc = null;
                    for (String peer : peers) {
                        Score s = row.get(peer);
                        if (s == null) {
                            continue;
                        }
                        if (fastest == null || s.score() < row.get(fastest).score()) {
                            fastest = peer;
                        }
                        if (s.allocation() != null && (leastAlloc == null || s.allocation() < leastAlloc)) {
                            leastAlloc = s.allocation();
                        }
                    }
                    md.append(' ').append(fastest == null ? "–" : fastest).append(" |");
                    md.append(' ').append(turnpike == null || fastest == null ? "–"
                            : ratio(row.get(fastest).score(), turnpike.score())).append(" |");
                    if (allocation) {
                        md.append(' ').append(turnpike == null || turnpike.allocation() == null || leastAlloc == null
                                ? "–" : ratio(leastAlloc, turnpike.allocation())).append(" |");
                    }
                }
                md.append('\n');
            }
        }
        if (hasTurnpike && !peers.isEmpty()) {
            goals(md, table, peers);
        }
        md.append('\n').append(NOTES);
        return md.toString();
    }

    /** The goals of rule selection, each checked against the run, with the shortfall where one is missed. */
    private static void goals(StringBuilder md, Map<Integer, Map<String, Map<String, Score>>> table, List<String> peers) {
        md.append("\n## Goals\n\n| goal | measured | met |\n|---|---:|---|\n");
        for (String position : List.of("last", "miss")) {
            Score s = score(table, 10_000, position, "turnpike");
            if (s != null) {
                goal(md, "selection ≤ 1 µs at 10 000 rules, " + position, format(s.score()) + " ns",
                        s.score() <= 1_000, s.score() / 1_000);
            }
        }
        for (int rules : List.of(1_000, 10_000)) {
            for (String position : POSITIONS) {
                Score turnpike = score(table, rules, position, "turnpike");
                Double fastest = peers.stream().map(peer -> score(table, rules, position, peer))
                        .filter(java.util.Objects::nonNull).map(Score::score).min(Double::compare).orElse(null);
                if (turnpike != null && fastest != null) {
                    double ratio = fastest / turnpike.score();
                    goal(md, "≥ 100× faster than the fastest peer, " + rules + " rules, " + position,
                            ratio(fastest, turnpike.score()), ratio >= 100, 100 / ratio);
                }
            }
        }
        for (String position : POSITIONS) {
            Score small = score(table, 10, position, "turnpike");
            Score large = score(table, 10_000, position, "turnpike");
            if (small != null && large != null) {
                double growth = large.score() / small.score();
                goal(md, "10 000-rule cost ≤ 3× the 10-rule cost, " + position, ratio(large.score(), small.score()),
                        growth <= 3, growth / 3);
            }
        }
        double most = table.values().stream().flatMap(m -> m.values().stream()).map(m -> m.get("turnpike"))
                .filter(s -> s != null && s.allocation() != null).mapToDouble(Score::allocation).max().orElse(-1);
        if (most >= 0) {
            goal(md, "a few hundred bytes allocated per selection (at most 1 KB)", format(most) + " B (most)",
                    most <= 1_024, most / 1_024);
        }
    }

    private static void goal(StringBuilder md, String goal, String measured, boolean met, double factor) {
        md.append("| ").append(goal).append(" | ").append(measured).append(" | ")
                .append(met ? "yes" : String.format(Locale.ROOT, "**no**: off by %.2f×", factor)).append(" |\n");
    }

    private static Score score(Map<Integer, Map<String, Map<String, Score>>> table, int rules, String position,
                               String engine) {
        Map<String, Map<String, Score>> byPosition = table.get(rules);
        Map<String, Score> row = byPosition == null ? null : byPosition.get(position);
        return row == null ? null : row.get(engine);
    }

    private static void header(StringBuilder md, JsonArray results, String flags) {
        if (results.isEmpty()) {
            md.append("No results.\n\n");
            return;
        }
        JsonObject first = results.get(0).asJsonObject();
        md.append("- JDK: ").append(first.getString("jdkVersion", "?")).append(", ")
                .append(first.getString("vmName", "?")).append(' ').append(first.getString("vmVersion", "?"))
                .append('\n');
        md.append("- JMH ").append(first.getString("jmhVersion", "?")).append(", mode ")
                .append(first.getString("mode", "?")).append(", threads ").append(first.getInt("threads", 0))
                .append(", forks ").append(first.getInt("forks", 0)).append(", warmup ")
                .append(first.getInt("warmupIterations", 0)).append(" × ").append(first.getString("warmupTime", "?"))
                .append(", measurement ").append(first.getInt("measurementIterations", 0)).append(" × ")
                .append(first.getString("measurementTime", "?")).append('\n');
        JsonArray jvmArgs = first.getJsonArray("jvmArgs");
        if (jvmArgs != null && !jvmArgs.isEmpty()) {
            md.append("- JVM arguments: `").append(String.join(" ",
                    jvmArgs.getValuesAs(JsonString::getString))).append("`\n");
        }
        md.append("- JMH flags: `SelectionBenchmark ").append(flags).append("`\n");
        md.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append("\n\n");
    }

    private static final String NOTES = """
            ## Fairness notes

            Same rule set for every engine (`RuleSpecs`, fixed seed): 60 % `^/app/w/([a-z]+)/([0-9]+)$` →
            `/target/i?cat=$1&id=$2`, 15 % `^/legacy/w\\.html$` → `/pages/i.jsp`, 15 % `^/(en|fr|de)/w/(.*)$` →
            `/content/i?lang=$1&path=$2`, 10 % unanchored `/w/download/([^/]+)$` → `/download/i?file=$1`; first
            match wins, every rule terminating. `first`/`middle`/`last` hit rule 0, n/2, n−1; `miss` matches none
            (`/app/nowhere0/books/42`); `mixed` cycles through 64 requests (56 hits on random rules, 8 misses of
            several shapes). Every engine's `@Setup` checks that each request produces the expected target (or no
            match) before measuring. No request carries a query string or a percent-encoded character.

            - **turnpike**: Resin 4 XML `<resin:Dispatch regexp target>`, `ruleSet.evaluate(new Exchange(request))`
              on a prebuilt request view; `find()`; the target replaces only the matched part (Resin's
              `replaceFirst`), so the unanchored rule keeps the URI's prefix.
            - **tuckey**: `Conf` + `NormalRule` (`last=true`, case-sensitive `from`: Tuckey's default is
              case-insensitive), `UrlRewriter.processRequest` on a prebuilt Spring mock request; `find()` after
              decoding the URI; the target replaces only the matched part.
            - **ocpsoft**: the whole `RewriteFilter.doFilter` (its supported entry point: request/response wrapping,
              lifecycle listeners, `Forward` to a mock dispatcher) with a **fresh mock request and response per
              call**; rules translated by kind into parameterised `Path.matches` with per-parameter regexes
              (whole-path match; the unanchored rule gets a leading `{x}` matching `.*`).
            - **tomcat**: `rewrite.config` with `[L]`, only the `RewriteRule.evaluate` loop of
              `RewriteValve.invoke()` (no re-encoding before, no decode/normalise/re-dispatch after); `matches()`,
              so the unanchored rule is given as `.*?(?:regex).*`; target = whole substitution.
            - **undertow**: `regex('…') -> { rewrite('…'); done }` through `PredicatesHandler` on a **fresh
              connection-less `HttpServerExchange` per call**; `find()`; **query-free targets**
              (`/target/i/$1/$2`) because a rewrite to a target with a query string needs a connection.
            - **jetty**: `RuleContainer` of terminating `RewriteRegexRule`s, `matchAndApply` on a `Rule.Handler`
              with a prebuilt `HttpURI`; `matches()` (unanchored rule as for Tomcat); the target is parsed back into
              an `HttpURI`.

            Tomcat keeps each rule's compiled `Pattern` in a `ThreadLocal`, so every rule tried costs a thread-local
            lookup (10 000 entries in the thread's map at 10 000 rules). The single-URI positions repeat one URI on
            every call and `mixed` a 64-URI cycle. Turnpike caches the list of *candidate* rules per path (like
            Resin's invocation cache; the candidates' regexps still run, and the target is still built, on every
            call); none of the peers caches anything. `selection-nocache.md` has Turnpike's figures with that
            cache switched off (`-Dturnpike.selection.cache=false`), i.e. the index alone.

            Scores include what each entry point does beyond matching (Tuckey's decoding, OCPsoft's and Undertow's
            per-request objects, Jetty's `HttpURI` building, Turnpike's `Exchange`). They are selection costs, not
            end-to-end request costs, and were measured on the machine above only.
            """;

    private static double number(JsonValue value) {
        if (value instanceof JsonNumber n) {
            return n.doubleValue();
        }
        // JMH writes "NaN" as a string when it has no error estimate
        return Double.NaN;
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String ratio(double peer, double turnpike) {
        if (turnpike <= 0 || Double.isNaN(turnpike) || Double.isNaN(peer)) {
            return peer <= 0 ? "–" : "∞";
        }
        double r = peer / turnpike;
        return String.format(Locale.ROOT, r >= 10 ? "%.0f×" : "%.2f×", r);
    }

    private static int order(String engine) {
        int i = ENGINES.indexOf(engine);
        return i < 0 ? ENGINES.size() : i;
    }

    private static int positionOrder(String position) {
        int i = POSITIONS.indexOf(position);
        return i < 0 ? POSITIONS.size() : i;
    }
}
