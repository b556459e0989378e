package dev.turnpike.config;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/** A configuration bundled in the application, read through a class loader; never changes. */
public record ResourceConfigSource(String resource, ClassLoader loader) implements ConfigSource {

    public ResourceConfigSource {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(loader, "loader");
    }

    @Override
    public String name() {
        return "classpath:" + resource;
    }

    @Override
    public byte[] read() throws IOException {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new FileNotFoundException("no resource " + resource + " in the application");
            }
            return in.readAllBytes();
        }
    }

    @Override
    public boolean watched() {
        return false;
    }
}
