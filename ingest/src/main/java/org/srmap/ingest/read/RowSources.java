package org.srmap.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens 311 export files. The format (CSV or SODA JSON) and the encoding (UTF-8, else windows-1252) are recognised
 * from the content; a UTF-8 byte-order mark is skipped.
 */
public final class RowSources {
    private RowSources() {}

    /**
     * Opens a file for reading.
     *
     * @throws SourceFormatException when the file is missing, unreadable, empty, binary, not a 311 export, lacks the
     *     Unique Key or Created Date column, or is not valid JSON; the message says which
     * @throws IOException when reading fails
     */
    public static RowSource open(Path file) throws SourceFormatException, IOException {
        String name = file.getFileName() == null
                ? file.toString()
                : file.getFileName().toString();
        if (Files.isDirectory(file)) {
            throw new SourceFormatException(file + ": is a directory; give the path of an export file");
        }
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new SourceFormatException(file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new SourceFormatException(file + ": permission denied", e);
        }
        return open(in, name);
    }

    /**
     * Reads a stream, which the returned source closes (or which is closed at once if opening fails).
     *
     * @param name what to call the source in messages, usually its file name
     * @throws SourceFormatException when the content is empty, binary, not a 311 export, lacks the Unique Key or
     *     Created Date column, or is not valid JSON; the message starts with {@code name} and says which
     * @throws IOException when reading fails
     */
    public static RowSource open(InputStream in, String name) throws SourceFormatException, IOException {
        try {
            SourceSniffer.Sniffed sniffed = SourceSniffer.sniff(in, name);
            return switch (sniffed.format()) {
                case CSV -> CsvRowSource.open(sniffed.content(), sniffed.utf8(), name);
                case SODA_JSON -> JsonRowSource.open(sniffed.content(), sniffed.utf8(), name);
            };
        } catch (SourceFormatException | IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }
}
