package org.srmap.ingest.opendata;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a cache file atomically: into a hidden temporary file beside it, renamed over the target only
 * once complete, so an interrupted download never leaves a truncated file that looks cached.
 */
final class CacheFile {
    /** Writes the content to an open stream. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private CacheFile() {}

    /** Checks a complete temporary file before it replaces the target; throws to keep it out. */
    interface Check {
        void check(Path written);
    }

    static void write(Path target, Content content) throws IOException {
        write(target, content, written -> {});
    }

    static void write(Path target, Content content, Check check) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                content.writeTo(out);
            }
            check.check(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
