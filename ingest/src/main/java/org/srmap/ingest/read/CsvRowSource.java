package org.srmap.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.srmap.ingest.normalize.RejectReason;

/**
 * Reads a CSV export (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks), split by
 * {@link CsvSplitter}.
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

    private final String name;
    private final FallbackDecodingReader decoder;
    private final CsvSplitter records;
    private final HeaderLayout layout;

    private CsvRowSource(String name, FallbackDecodingReader decoder, CsvSplitter records, List<String> headers) {
        this.name = name;
        this.decoder = decoder;
        this.records = records;
        this.layout = HeaderLayout.of(headers);
    }

    static CsvRowSource open(InputStream content, boolean utf8, String name) throws IOException, SourceFormatException {
        FallbackDecodingReader decoder = new FallbackDecodingReader(content, utf8, name);
        CsvSplitter records = new CsvSplitter(decoder, MAX_RECORD_CHARS);
        CsvSplitter.Record first = records.next();
        if (first == null) {
            throw new SourceFormatException(name + ": the file is empty; expected a 311 export with a header line");
        }
        if (first.broken() != null) {
            throw new SourceFormatException(name + ": the header line cannot be read as CSV ("
                    + headerProblem(first.broken()) + "); expected a 311 export with a header line");
        }
        List<String> headers = new ArrayList<>();
        for (String header : first.fields()) {
            headers.add(header.strip());
        }
        CsvRowSource source = new CsvRowSource(name, decoder, records, headers);
        source.layout.requireCoreColumns(name, "the header", false);
        if (!source.layout.unknownHeaders().isEmpty()) {
            LOG.warn("{}: ignoring unknown columns: {}", name, HeaderLayout.listed(source.layout.unknownHeaders()));
        }
        return source;
    }

    private static String headerProblem(CsvSplitter.Broken broken) {
        return switch (broken) {
            case TEXT_AFTER_QUOTE -> "text follows a closing quote";
            case UNCLOSED_AT_END -> "a quote is never closed";
            case TOO_LONG -> String.format(Locale.ROOT, "it runs past %,d characters", MAX_RECORD_CHARS);
        };
    }

    @Override
    public ReadResult next() throws IOException {
        CsvSplitter.Record record = records.next();
        if (record == null) {
            return null;
        }
        return record.broken() != null ? brokenQuoting(record) : toResult(record);
    }

    private ReadResult toResult(CsvSplitter.Record record) {
        long line = record.line();
        String raw = record.raw();
        List<String> fields = record.fields();
        int width = layout.width();
        int size = fields.size();
        if (size != width && !(size > width && extraFieldsEmpty(fields, width))) {
            boolean truncated = !record.terminated() && size < width;
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
            String value = fields.get(i);
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

    /** Reports the first line of a record whose quoting is broken; the splitter goes on with the line after it. */
    private static ReadResult brokenQuoting(CsvSplitter.Record record) {
        boolean unclosedQuote = record.unclosedQuote();
        RejectReason reason;
        String detail;
        if (record.broken() == CsvSplitter.Broken.TOO_LONG) {
            reason = unclosedQuote ? RejectReason.UNTERMINATED_QUOTE : RejectReason.FIELD_TOO_LONG;
            detail = String.format(
                    Locale.ROOT,
                    "the record starting here runs past %,d characters%s; reading resumes on the next line",
                    MAX_RECORD_CHARS,
                    unclosedQuote ? " because a quote is never closed" : "");
        } else if (unclosedQuote) {
            reason = RejectReason.UNTERMINATED_QUOTE;
            detail = record.linesAfter() == 0
                    ? "a quoted field is still open at the end of the file; the file looks cut off"
                    : String.format(
                            Locale.ROOT,
                            "a quote opened here is never closed (%,d lines to the end of the file);"
                                    + " reading resumes on the next line",
                            record.linesAfter());
        } else {
            reason = RejectReason.BAD_QUOTING;
            detail = "text follows a closing quote before the next comma; reading resumes on the next line";
        }
        return new MalformedRow(record.line(), record.raw(), reason, detail);
    }

    private static boolean extraFieldsEmpty(List<String> fields, int width) {
        for (int i = width; i < fields.size(); i++) {
            if (!fields.get(i).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public SourceInfo info() {
        return new SourceInfo(name, Format.CSV, decoder.charset(), layout.headers(), layout.unknownHeaders());
    }

    @Override
    public void close() throws IOException {
        decoder.close();
    }
}
