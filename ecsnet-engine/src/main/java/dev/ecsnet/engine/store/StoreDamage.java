package dev.ecsnet.engine.store;

import java.nio.file.Path;

/**
 * State on disk that cannot be read back without losing something that was acknowledged: ecsnet refuses to start
 * rather than lose it silently. Names the file and the byte offset where the damage starts.
 */
public final class StoreDamage extends RuntimeException {
    private final transient Path file;
    private final long offset;

    public StoreDamage(Path file, long offset, String what) {
        super(file + " at byte " + offset + ": " + what, null, false, false);
        this.file = file;
        this.offset = offset;
    }

    public Path file() {
        return file;
    }

    public long offset() {
        return offset;
    }
}
