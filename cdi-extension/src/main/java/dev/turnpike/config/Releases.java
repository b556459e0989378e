package dev.turnpike.config;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application objects made for one rule set (its file and its imports), released together
 * when the rule set is. Objects added after the release are released at once. Safe for
 * concurrent use: an import may reload while the rule set is replaced.
 */
final class Releases {

    private static final Logger LOG = Logger.getLogger("dev.turnpike.config");

    private final List<AppObjects.Made> made = new ArrayList<>();
    private boolean released;

    /** Adds objects to release with the rule set. */
    void addAll(List<AppObjects.Made> objects) {
        boolean now;
        synchronized (this) {
            now = released;
            if (!now) {
                made.addAll(objects);
            }
        }
        if (now) {
            releaseEach(objects);
        }
    }

    /** Releases every object added, in reverse order of making. Idempotent. */
    void releaseAll() {
        List<AppObjects.Made> objects;
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
            objects = List.copyOf(made);
            made.clear();
        }
        releaseEach(objects);
    }

    /** Releases objects in reverse order, logging (not throwing) what fails. */
    static void releaseEach(List<AppObjects.Made> objects) {
        for (int i = objects.size() - 1; i >= 0; i--) {
            AppObjects.Made object = objects.get(i);
            try {
                object.release();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "releasing " + object.object().getClass().getName() + " failed", e);
            }
        }
    }
}
