package dev.turnpike.benchmarks;

import dev.turnpike.benchmarks.RuleSpecs.Case;
import dev.turnpike.benchmarks.RuleSpecs.Workload;
import java.util.List;
import java.util.Objects;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One engine under test, built once per trial from the neutral {@link RuleSpecs} and checked
 * before any number is taken.
 *
 * <p>Each subclass is its own JMH {@code @State}, so a run that selects only some benchmark
 * methods ({@code -e}, a regexp) builds only those engines.
 */
public abstract class EngineState {

    /** The workload this engine was built for. */
    protected Workload workload;

    /** The engine's name, as the benchmark method. */
    protected abstract String name();

    /** Translates the rules and prepares per-case request objects. */
    protected abstract void build(Workload workload) throws Exception;

    /** Evaluates the rules for case {@code i}: the selected target, or {@code null} when no rule fired. */
    public abstract String select(int i) throws Exception;

    /** What this engine must produce for a case, given how it substitutes targets. */
    protected abstract String expected(Case c);

    /** Releases what {@link #build} made; nothing by default. */
    protected void release() throws Exception {
    }

    @Setup(Level.Trial)
    public void setUp(SelectionBenchmark.Point point) throws Exception {
        prepare(point.workload());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        release();
    }

    /**
     * Builds the engine and checks that every case of the workload selects the expected rule,
     * twice (to catch state left over between requests).
     *
     * @throws IllegalStateException when the engine selects anything else
     */
    public final void prepare(Workload workload) throws Exception {
        this.workload = workload;
        build(workload);
        List<Case> cases = workload.cases();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                String expected = expected(c);
                String actual = select(i);
                if (!Objects.equals(expected, actual)) {
                    throw new IllegalStateException(name() + " with " + workload.rules().size() + " rules, position "
                            + workload.position() + ", case " + i + " (round " + (round + 1) + "): " + c.describe()
                            + (c.rule() == null ? "" : " regex " + c.rule().regex()) + " should give "
                            + (expected == null ? "no match" : "'" + expected + "'") + " but gave "
                            + (actual == null ? "no match" : "'" + actual + "'"));
                }
            }
        }
    }
}
