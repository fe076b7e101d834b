package org.srmap.ingest.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of a plain-text data profile (console output with aligned tables), with the lookups needed
 * to pull tables out of it: find a heading, then read the rows that follow it. Every miss is an {@link
 * IllegalArgumentException} naming the file and what was looked for.
 */
final class ProfileText {

    /** How many lines (a column header, a rule, a blank) may separate a heading from its first row. */
    private static final int MAX_PREAMBLE = 8;

    private final Path file;
    private final List<String> lines;

    private ProfileText(Path file, List<String> lines) {
        this.file = file;
        this.lines = List.copyOf(lines);
    }

    static ProfileText read(Path file) {
        try {
            return new ProfileText(file, Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("calibration profile " + file + " cannot be read: " + e, e);
        }
    }

    /** The index of the first line at or after {@code from} that contains {@code marker}. */
    int find(String marker, int from) {
        for (int i = Math.max(0, from); i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i;
            }
        }
        throw problem("no line containing '" + marker + "' after line " + (from + 1));
    }

    /** The line at an index. */
    String line(int index) {
        return lines.get(index);
    }

    /**
     * The rows of the table under the line at {@code heading}: after at most {@value #MAX_PREAMBLE}
     * lines that do not match (column headers, rules, blanks), every consecutive line matching {@code
     * row} in full.
     *
     * @throws IllegalArgumentException if no row follows the heading
     */
    List<Matcher> table(int heading, Pattern row) {
        int i = heading + 1;
        int skipped = 0;
        while (i < lines.size() && !row.matcher(lines.get(i)).matches()) {
            if (++skipped > MAX_PREAMBLE) {
                throw problem("no table row matching " + row + " under '"
                        + lines.get(heading).strip() + "'");
            }
            i++;
        }
        List<Matcher> rows = new ArrayList<>();
        while (i < lines.size()) {
            Matcher m = row.matcher(lines.get(i));
            if (!m.matches()) {
                break;
            }
            rows.add(m);
            i++;
        }
        if (rows.isEmpty()) {
            throw problem("an empty table under '" + lines.get(heading).strip() + "'");
        }
        return rows;
    }

    /** The rows of the table under the first line containing {@code marker} at or after {@code from}. */
    List<Matcher> tableAfter(String marker, int from, Pattern row) {
        return table(find(marker, from), row);
    }

    /** The first match of a pattern anywhere in a line. */
    Matcher first(Pattern pattern) {
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return m;
            }
        }
        throw problem("no line matching " + pattern);
    }

    IllegalArgumentException problem(String what) {
        return new IllegalArgumentException("calibration profile " + file + ": " + what);
    }

    /** Parses a whole number printed with or without thousands separators. */
    static long count(String text) {
        return Long.parseLong(text.replace(",", "").strip());
    }
}
