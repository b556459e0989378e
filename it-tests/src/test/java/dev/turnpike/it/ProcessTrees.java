package dev.turnpike.it;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Stops a peer process the tests started (Resin, WildFly) together with every process it started. */
public final class ProcessTrees {

    private ProcessTrees() {
    }

    /**
     * Asks the process and its descendants to terminate, kills what is left after {@code terminate},
     * and fails if anything is still alive {@code kill} later.
     *
     * @param what names the process in the failure, e.g. {@code "Resin"}
     */
    public static void stop(Process process, String what, Duration terminate, Duration kill) {
        List<ProcessHandle> tree = tree(process);
        tree.forEach(ProcessHandle::destroy);
        if (!awaitExit(tree, terminate)) {
            kill(tree, what, kill);
        }
    }

    /** Kills the process and its descendants at once ({@code kill -9}), as a crash would end them, and waits for them. */
    public static void kill(Process process, String what, Duration timeout) {
        kill(tree(process), what, timeout);
    }

    private static void kill(List<ProcessHandle> tree, String what, Duration timeout) {
        tree.forEach(ProcessHandle::destroyForcibly);
        if (!awaitExit(tree, timeout)) {
            throw new IllegalStateException(what + " processes still alive after kill -9: "
                    + tree.stream().filter(ProcessHandle::isAlive).map(p -> Long.toString(p.pid()))
                            .collect(Collectors.joining(", ")));
        }
    }

    private static List<ProcessHandle> tree(Process process) {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
    }

    private static boolean awaitExit(List<ProcessHandle> tree, Duration timeout) {
        CompletableFuture<?>[] exits = tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return tree.stream().noneMatch(ProcessHandle::isAlive);
        } catch (ExecutionException e) {
            return tree.stream().noneMatch(ProcessHandle::isAlive);
        }
    }
}
