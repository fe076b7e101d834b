package org.srmap.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.srmap.ingest.normalize.RejectReason;

/**
 * Reads a CSV export with commons-csv (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks).
 *
 * <p>Decisions about imperfect records:
 *
 * <ul>
 *   <li>A record must have exactly as many fields as the header, or more only when every extra field is empty (a
 *       trailing comma on each line). Fewer fields is {@link RejectReason#WRONG_FIELD_COUNT} even at the end of a
 *       line: a short record cannot be told from a row split by an unquoted line break, and loading half of it would
 *       be wrong. The last record of a file, short and without a line end, is {@link RejectReason#TRUNCATED_RECORD}.
 *   <li>A field over {@value #MAX_FIELD_CHARS} characters makes the record {@link RejectReason#FIELD_TOO_LONG}.
 *   <li>When quoting breaks (a quote never closed before the end of the file or within {@value #MAX_RECORD_CHARS}
 *       characters, or text after a closing quote), the first line of the broken record is reported and reading
 *       goes on with the line after it, so one stray quote cannot swallow the rest of the file. If the record really
 *       spanned several lines, those lines come out as further malformed records: every line is accounted for.
 *   <li>Blank lines between records are skipped; CR LF and LF line ends are both fine.
 * </ul>
 */
final class CsvRowSource implements RowSource {
    static final int MAX_FIELD_CHARS = 64 * 1024;
    static final int MAX_RECORD_CHARS = 16 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(CsvRowSource.class);
    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private final String name;
    private final FallbackDecodingReader decoder;
    private final LineFeeder feeder;
    private final HeaderLayout layout;
    private Iterator<CSVRecord> records;
    private long charsToParser;
    private long nextLine = 1;
    private boolean done;

    private CsvRowSource(String name, FallbackDecodingReader decoder, LineFeeder feeder, List<String> headers) {
        this.name = name;
        this.decoder = decoder;
        this.feeder = feeder;
        this.layout = HeaderLayout.of(headers);
    }

    static CsvRowSource open(InputStream content, boolean utf8, String name) throws IOException, SourceFormatException {
        FallbackDecodingReader decoder = new FallbackDecodingReader(content, utf8, name);
        LineFeeder feeder = new LineFeeder(decoder, MAX_RECORD_CHARS);
        Iterator<CSVRecord> records = newParser(feeder);
        List<String> headers = new ArrayList<>();
        try {
            if (!records.hasNext()) {
                throw new SourceFormatException(name + ": the file is empty; expected a 311 export with a header line");
            }
            for (String header : records.next()) {
                headers.add(header.strip());
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException || e.getCause() instanceof LineFeeder.RecordTooLongException) {
                throw new SourceFormatException(
                        name + ": the header line cannot be read as CSV ("
                                + e.getCause().getMessage() + "); expected a 311 export with a header line",
                        e.getCause());
            }
            throw e.getCause();
        }
        CsvRowSource source = new CsvRowSource(name, decoder, feeder, headers);
        source.records = records;
        source.charsToParser = feeder.delivered().length();
        source.nextLine = 1 + newlines(feeder.delivered(), 0, feeder.delivered().length());
        feeder.clearDelivered();
        source.layout.requireCoreColumns(name, "the header", false);
        if (!source.layout.unknownHeaders().isEmpty()) {
            LOG.warn("{}: ignoring unknown columns: {}", name, HeaderLayout.listed(source.layout.unknownHeaders()));
        }
        return source;
    }

    private static Iterator<CSVRecord> newParser(LineFeeder feeder) throws IOException {
        return CSVParser.builder().setReader(feeder).setFormat(FORMAT).get().iterator();
    }

    @Override
    public ReadResult next() throws IOException {
        if (done) {
            return null;
        }
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                done = true;
                return null;
            }
            record = records.next();
        } catch (UncheckedIOException e) {
            IOException cause = e.getCause();
            if (cause instanceof CSVException || cause instanceof LineFeeder.RecordTooLongException) {
                return brokenQuoting(cause instanceof LineFeeder.RecordTooLongException);
            }
            throw cause;
        }
        return toResult(record);
    }

    private ReadResult toResult(CSVRecord record) {
        StringBuilder region = (StringBuilder) feeder.delivered();
        if (record.getCharacterPosition() != charsToParser) {
            throw new IllegalStateException(String.format(
                    Locale.ROOT,
                    "%s: the CSV parser read ahead (record at char %d, expected %d); raw text would be wrong",
                    name,
                    record.getCharacterPosition(),
                    charsToParser));
        }
        charsToParser += region.length();
        int start = blankLinesBefore(region);
        long line = nextLine + newlines(region, 0, start);
        nextLine += newlines(region, 0, region.length());
        int end = region.length();
        boolean terminated = end > start && region.charAt(end - 1) == '\n';
        if (terminated) {
            end--;
            if (end > start && region.charAt(end - 1) == '\r') {
                end--;
            }
        }
        String raw = region.substring(start, end);
        feeder.clearDelivered();

        int width = layout.width();
        int size = record.size();
        if (size != width && !(size > width && extraFieldsEmpty(record, width))) {
            boolean truncated = !terminated && size < width;
            return new MalformedRow(
                    line,
                    raw,
                    truncated ? RejectReason.TRUNCATED_RECORD : RejectReason.WRONG_FIELD_COUNT,
                    String.format(
                            Locale.ROOT,
                            truncated
                                    ? "the file ends inside this record (%d of %d fields, no line end); it looks cut off"
                                    : "%d fields where the header has %d",
                            size,
                            width));
        }
        EnumMap<Field, String> values = new EnumMap<>(Field.class);
        for (int i = 0; i < width; i++) {
            String value = record.get(i);
            if (value.length() > MAX_FIELD_CHARS) {
                return new MalformedRow(
                        line,
                        raw,
                        RejectReason.FIELD_TOO_LONG,
                        String.format(
                                Locale.ROOT,
                                "column %d (%s) holds %,d characters; at most %,d are allowed",
                                i + 1,
                                layout.headers().get(i),
                                value.length(),
                                MAX_FIELD_CHARS));
            }
            Field field = layout.fieldAt(i);
            if (field != null) {
                values.put(field, value);
            }
        }
        return new SourceRow(line, raw, values);
    }

    /**
     * Reports the first line of a record whose quoting is broken and restarts the parser on the line after it.
     *
     * @param tooLong true when the record passed {@link #MAX_RECORD_CHARS} rather than failing to parse
     */
    private ReadResult brokenQuoting(boolean tooLong) throws IOException {
        StringBuilder region = (StringBuilder) feeder.delivered();
        int start = blankLinesBefore(region);
        if (region.indexOf("\n", start) < 0) {
            feeder.finishLine();
        }
        long line = nextLine + newlines(region, 0, start);
        int lineEnd = start;
        while (lineEnd < region.length() && region.charAt(lineEnd) != '\n') {
            lineEnd++;
        }
        boolean unclosedQuote = quotes(region) % 2 == 1;
        int textEnd = lineEnd > start && region.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
        String firstLine = region.substring(start, Math.min(textEnd, start + MalformedRow.MAX_RAW_TEXT));
        long linesAfter = newlines(region, lineEnd, region.length());
        String rest = lineEnd < region.length() ? region.substring(lineEnd + 1) : "";
        RejectReason reason;
        String detail;
        if (tooLong) {
            reason = unclosedQuote ? RejectReason.UNTERMINATED_QUOTE : RejectReason.FIELD_TOO_LONG;
            detail = String.format(
                    Locale.ROOT,
                    "the record starting here runs past %,d characters%s; reading resumes on the next line",
                    MAX_RECORD_CHARS,
                    unclosedQuote ? " because a quote is never closed" : "");
        } else if (unclosedQuote) {
            reason = RejectReason.UNTERMINATED_QUOTE;
            detail = linesAfter == 0
                    ? "a quoted field is still open at the end of the file; the file looks cut off"
                    : String.format(
                            Locale.ROOT,
                            "a quote opened here is never closed (%,d lines to the end of the file);"
                                    + " reading resumes on the next line",
                            linesAfter);
        } else {
            reason = RejectReason.BAD_QUOTING;
            detail = "text follows a closing quote before the next comma; reading resumes on the next line";
        }
        feeder.replay(rest);
        records = newParser(feeder);
        charsToParser = 0;
        nextLine = line + 1;
        return new MalformedRow(line, firstLine, reason, detail);
    }

    private static boolean extraFieldsEmpty(CSVRecord record, int width) {
        for (int i = width; i < record.size(); i++) {
            if (!record.get(i).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The length of the empty lines (skipped by the parser) at the start of {@code text}. */
    private static int blankLinesBefore(CharSequence text) {
        int i = 0;
        while (true) {
            if (i < text.length() && text.charAt(i) == '\n') {
                i++;
            } else if (i + 1 < text.length() && text.charAt(i) == '\r' && text.charAt(i + 1) == '\n') {
                i += 2;
            } else {
                return i;
            }
        }
    }

    private static long newlines(CharSequence text, int from, int to) {
        long count = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    private static long quotes(CharSequence text) {
        long count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                count++;
            }
        }
        return count;
    }

    @Override
    public SourceInfo info() {
        return new SourceInfo(name, Format.CSV, decoder.charset(), layout.headers(), layout.unknownHeaders());
    }

    @Override
    public void close() throws IOException {
        feeder.close();
    }
}
