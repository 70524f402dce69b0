package fr.anct.opencollectivites.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and refuses anything else (e.g. a Latin-1 file) with the line of the first bad byte.
 * {@link java.io.InputStreamReader} cannot say where: it decodes ahead in blocks and drops the
 * characters decoded before the error, so this reader hands them out first, then fails.
 */
final class StrictUtf8Reader extends Reader {

    /** Input that is not UTF-8, at a 1-based line. */
    static final class InvalidEncodingException extends CharacterCodingException {
        private final long line;

        InvalidEncodingException(long line) {
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private boolean eof;
    private boolean flushed;
    private long line = 1;
    private InvalidEncodingException pending;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (pending != null) {
            throw pending;
        }
        if (length == 0) {
            return 0;
        }
        if (flushed) {
            // everything was decoded and handed out: the decoder must not be called again
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (true) {
            CoderResult result = decoder.decode(bytes, out, eof);
            if (result.isError()) {
                int produced = countLines(buffer, offset, out.position());
                pending = new InvalidEncodingException(line);
                if (produced > 0) {
                    return produced;
                }
                throw pending;
            }
            if (result.isOverflow() || out.position() > offset) {
                break;
            }
            if (eof) {
                if (!flushed) {
                    decoder.flush(out);
                    flushed = true;
                }
                break;
            }
            fill();
        }
        int produced = countLines(buffer, offset, out.position());
        return produced == 0 && eof ? -1 : produced;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private int countLines(char[] buffer, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == '\n') {
                line++;
            }
        }
        return to - from;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
