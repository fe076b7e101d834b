package org.srmap.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes UTF-8, falling back to windows-1252 for bytes that are not UTF-8, so no text is lost or turned into
 * replacement characters and no input makes it fail.
 *
 * <p>When the first invalid byte comes before any non-ASCII character, the whole file is taken to be windows-1252
 * (the text read so far is the same in both) and the reader switches for good. When valid UTF-8 letters came first,
 * the file mixes encodings: each invalid sequence alone is read as windows-1252, and the count is logged on close.
 */
final class FallbackDecodingReader extends Reader {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final Logger LOG = LoggerFactory.getLogger(FallbackDecodingReader.class);
    private static final char[] WINDOWS_1252_CHARS = windows1252Table();

    private final InputStream in;
    private final String name;
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    private final CharBuffer chars = CharBuffer.allocate(16 * 1024);
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private boolean utf8;
    private boolean sawNonAscii;
    private boolean endOfInput;
    private long bytesRead;
    private long mixedSequences;

    FallbackDecodingReader(InputStream in, boolean utf8, String name) {
        this.in = in;
        this.name = name;
        this.utf8 = utf8;
        bytes.flip();
        chars.flip();
    }

    /** The charset the text is being read in now. */
    Charset charset() {
        return utf8 ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !decodeMore()) {
            return -1;
        }
        int n = Math.min(len, chars.remaining());
        chars.get(cbuf, off, n);
        return n;
    }

    /** Refills {@link #chars}; false at the end of the input. */
    private boolean decodeMore() throws IOException {
        chars.clear();
        try {
            while (chars.position() == 0) {
                if (!utf8) {
                    if (!bytes.hasRemaining() && !fill()) {
                        break;
                    }
                    while (bytes.hasRemaining() && chars.hasRemaining()) {
                        chars.put(WINDOWS_1252_CHARS[bytes.get() & 0xFF]);
                    }
                    continue;
                }
                CoderResult result = decoder.decode(bytes, chars, endOfInput);
                noteNonAscii();
                if (result.isError()) {
                    onInvalidBytes(result.length());
                } else if (result.isOverflow()) {
                    break;
                } else if (endOfInput) {
                    decoder.flush(chars);
                    break;
                } else {
                    fill();
                }
            }
        } finally {
            chars.flip();
        }
        return chars.hasRemaining();
    }

    /** Reads more bytes; false at the end of the input. */
    private boolean fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
            bytesRead += n;
        }
        bytes.flip();
        return n >= 0;
    }

    private void noteNonAscii() {
        if (sawNonAscii) {
            return;
        }
        for (int i = 0; i < chars.position(); i++) {
            if (chars.get(i) >= 0x80) {
                sawNonAscii = true;
                return;
            }
        }
    }

    private void onInvalidBytes(int length) {
        long offset = bytesRead - bytes.remaining();
        if (!sawNonAscii) {
            LOG.info(
                    "{}: byte {} is not UTF-8 and no UTF-8 letter came before it; reading the file as windows-1252",
                    name,
                    offset);
            utf8 = false;
            return;
        }
        if (mixedSequences == 0) {
            LOG.warn(
                    "{}: byte {} is not UTF-8 although UTF-8 letters came before it; reading such bytes as"
                            + " windows-1252",
                    name,
                    offset);
        }
        mixedSequences++;
        for (int i = 0; i < length && chars.hasRemaining(); i++) {
            chars.put(WINDOWS_1252_CHARS[bytes.get() & 0xFF]);
        }
    }

    @Override
    public void close() throws IOException {
        if (mixedSequences > 0) {
            LOG.warn("{}: {} byte sequences that are not UTF-8 were read as windows-1252", name, mixedSequences);
        }
        in.close();
    }

    /** Each byte's windows-1252 character; the five bytes it leaves undefined map to the C1 control of that code. */
    private static char[] windows1252Table() {
        char[] table = new char[256];
        for (int b = 0; b < 256; b++) {
            String decoded = new String(new byte[] {(byte) b}, WINDOWS_1252);
            char c = decoded.charAt(0);
            table[b] = c == '\uFFFD' ? (char) b : c;
        }
        return table;
    }
}
