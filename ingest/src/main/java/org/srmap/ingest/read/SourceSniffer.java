package org.srmap.ingest.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Looks at the first bytes of a source to reject files that are not text, strip a UTF-8 byte-order mark, choose the
 * charset and tell CSV from SODA JSON, without reading the whole file.
 */
final class SourceSniffer {
    /** How much of the file is examined. */
    static final int PREFIX_BYTES = 64 * 1024;

    private SourceSniffer() {}

    /**
     * What the first bytes showed.
     *
     * @param content the whole source after any byte-order mark
     * @param format the recognised format
     * @param utf8 true to start reading as UTF-8, false when the file is windows-1252
     */
    record Sniffed(InputStream content, Format format, boolean utf8) {}

    static Sniffed sniff(InputStream in, String name) throws IOException, SourceFormatException {
        byte[] prefix = in.readNBytes(PREFIX_BYTES);
        boolean wholeFile = prefix.length < PREFIX_BYTES;
        int start = hasUtf8Bom(prefix) ? 3 : 0;
        rejectKnownBinaryFormats(prefix, name);
        int firstText = start;
        while (firstText < prefix.length && isWhitespace(prefix[firstText])) {
            firstText++;
        }
        if (firstText == prefix.length && wholeFile) {
            throw new SourceFormatException(name + ": the file is empty; expected a 311 export with a header line");
        }
        rejectBinary(prefix, start, name);
        Format format = Format.CSV;
        if (firstText < prefix.length && prefix[firstText] == '[') {
            format = Format.SODA_JSON;
        } else if (firstText < prefix.length && prefix[firstText] == '{') {
            throw new SourceFormatException(name
                    + ": this is a JSON object, not an array of records; the SODA API JSON export is an array"
                    + " ([{...}, {...}]), and one-object-per-line JSON is not supported");
        }
        boolean utf8 = isValidUtf8(prefix, start, wholeFile);
        InputStream rest = new ByteArrayInputStream(prefix, start, prefix.length - start);
        return new Sniffed(wholeFile ? rest : new SequenceInputStream(rest, in), format, utf8);
    }

    private static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    private static void rejectKnownBinaryFormats(byte[] b, String name) throws SourceFormatException {
        boolean bigEndianBom = b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF;
        boolean littleEndianBom = b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE;
        if (bigEndianBom || littleEndianBom) {
            throw new SourceFormatException(name + ": the file is UTF-16 text; save it as UTF-8 and load it again");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B) {
            throw new SourceFormatException(name + ": the file is gzip-compressed; decompress it (gunzip) first");
        }
        if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
            throw new SourceFormatException(
                    name + ": the file is a ZIP archive or an Excel workbook; extract it or save it as CSV first");
        }
    }

    /** NUL bytes, or control characters in more than 1% of the bytes, mean the file is not text. */
    private static void rejectBinary(byte[] b, int start, String name) throws SourceFormatException {
        int controls = 0;
        for (int i = start; i < b.length; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                controls = Integer.MAX_VALUE;
                break;
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) {
                controls++;
            }
        }
        if (controls > Math.max(2, (b.length - start) / 100)) {
            throw new SourceFormatException(
                    name + ": the file is binary, not a CSV or JSON text export; check that the right file was given");
        }
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /**
     * True when the bytes should be read as UTF-8: they are valid UTF-8 (a character cut off by the end of the prefix
     * is fine), or valid UTF-8 letters come before the first invalid byte (a file of mixed encodings, which
     * {@link FallbackDecodingReader} reads byte sequence by byte sequence). False when an invalid byte comes first:
     * the file is windows-1252.
     */
    private static boolean isValidUtf8(byte[] b, int start, boolean wholeFile) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(b, start, b.length - start);
        CharBuffer chars = CharBuffer.allocate(4096);
        boolean sawNonAscii = false;
        while (true) {
            CoderResult result = decoder.decode(bytes, chars, wholeFile);
            for (int i = 0; i < chars.position() && !sawNonAscii; i++) {
                sawNonAscii = chars.get(i) >= 0x80;
            }
            if (result.isError()) {
                return sawNonAscii;
            }
            if (result.isUnderflow()) {
                return true;
            }
            chars.clear();
        }
    }
}
