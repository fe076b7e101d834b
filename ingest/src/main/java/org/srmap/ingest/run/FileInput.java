package org.srmap.ingest.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.srmap.ingest.read.ReadResult;
import org.srmap.ingest.read.RowSource;
import org.srmap.ingest.read.RowSources;
import org.srmap.ingest.read.SourceFormatException;
import org.srmap.ingest.read.SourceInfo;

/** A file or a downloaded URL: one byte stream, decompressed when its name ends in .gz. */
public record FileInput(String name, long size, Opener opener) implements SourceInput {
    /** Opens the raw bytes. */
    public interface Opener {
        InputStream open() throws IOException;
    }

    public FileInput {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a source needs a name");
        }
    }

    @Override
    public String kind() {
        return "file";
    }

    @Override
    public RowSource open(Meter meter) throws IOException, SourceFormatException {
        InputStream raw = opener.open();
        try {
            InputStream metered = meter.wrap(raw);
            InputStream content =
                    name.toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(metered, 1 << 16) : metered;
            return new Drained(RowSources.open(new Unclosed(content), name), content, raw);
        } catch (IOException | SourceFormatException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** A file, or the data files of a directory in name order. */
    static List<SourceInput> files(String arg) {
        Path path = Path.of(arg);
        if (Files.isDirectory(path)) {
            List<SourceInput> files =
                    listData(path).stream().<SourceInput>map(FileInput::file).toList();
            if (files.isEmpty()) {
                throw new IllegalArgumentException(arg + ": no .csv, .json or .gz files in this directory");
            }
            return files;
        }
        if (Files.isRegularFile(path)) {
            return List.of(file(path));
        }
        throw new IllegalArgumentException(arg + ": no such file, directory or URL");
    }

    static FileInput file(Path path) {
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            size = -1;
        }
        return new FileInput(path.toString(), size, () -> Files.newInputStream(path));
    }

    static FileInput url(String url) {
        URI uri = URI.create(url);
        return new FileInput(url, -1, () -> HttpGet.open(uri));
    }

    private static List<Path> listData(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return n.endsWith(".csv") || n.endsWith(".json") || n.endsWith(".gz");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalArgumentException(dir + ": cannot list the directory: " + e.getMessage(), e);
        }
    }

    /** Keeps the reader from closing the stream at end of data: the rest is drained for the checksum. */
    private static final class Unclosed extends java.io.FilterInputStream {
        Unclosed(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // closed by Drained
        }
    }

    /**
     * On close after the last row, reads whatever follows the data (so the checksum covers the whole
     * file); then closes the raw stream.
     */
    private static final class Drained implements RowSource {
        private final RowSource rows;
        private final InputStream content;
        private final InputStream raw;
        private boolean ended;

        Drained(RowSource rows, InputStream content, InputStream raw) {
            this.rows = rows;
            this.content = content;
            this.raw = raw;
        }

        @Override
        public ReadResult next() throws IOException {
            ReadResult r = rows.next();
            ended = r == null;
            return r;
        }

        @Override
        public SourceInfo info() {
            return rows.info();
        }

        @Override
        public void close() throws IOException {
            try (raw) {
                rows.close();
                if (ended) {
                    content.transferTo(OutputStream.nullOutputStream());
                }
            }
        }
    }
}
