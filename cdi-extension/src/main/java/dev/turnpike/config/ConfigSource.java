package dev.turnpike.config;

import java.io.IOException;

/** Where a configuration comes from: a file that is watched for changes, or a bundled resource. */
public interface ConfigSource {

    /** The name used in problems and status: the path as the user gave it, or the resource. */
    String name();

    /** The current content. */
    byte[] read() throws IOException;

    /** The directory relative imports resolve against, or {@code null} when there is none. */
    default java.nio.file.Path directory() {
        return null;
    }

    /** Whether the content can change while the server runs, and so is polled. */
    boolean watched();
}
