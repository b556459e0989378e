package dev.turnpike.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** A configuration file on disk, watched for changes. */
public record FileConfigSource(Path path) implements ConfigSource {

    /** Configuration files larger than this are refused rather than read into memory. */
    public static final long MAX_SIZE = 16L * 1024 * 1024;

    public FileConfigSource {
        Objects.requireNonNull(path, "path");
    }

    @Override
    public String name() {
        return path.toString();
    }

    @Override
    public byte[] read() throws IOException {
        long size = Files.size(path);
        if (size > MAX_SIZE) {
            throw new IOException("file is " + size + " bytes (expected at most " + MAX_SIZE + ")");
        }
        return Files.readAllBytes(path);
    }

    @Override
    public Path directory() {
        return path.toAbsolutePath().getParent();
    }

    @Override
    public boolean watched() {
        return true;
    }
}
