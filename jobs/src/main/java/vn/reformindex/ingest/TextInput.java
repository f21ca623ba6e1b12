package vn.reformindex.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import vn.reformindex.io.Storage;

/**
 * How ingest opens a dossier file's text: strict UTF-8 with a leading byte order mark skipped (a file with
 * a BOM reads exactly like the same file without it), and records bounded in memory: a record longer than
 * {@link #MAX_RECORD_CHARS} characters (a quote never closed, a runaway line) keeps only its byte length
 * and SHA-256, computed while streaming, so one bad record cannot exhaust a task's memory.
 */
final class TextInput {
    /** The longest record (CSV) or line (JSON Lines) whose text is kept, in characters: 1 Mi. */
    static final int MAX_RECORD_CHARS = 1 << 20;
    private static final char BOM = '\uFEFF';

    private TextInput() {
    }

    /** The file's text, strict UTF-8, a leading BOM skipped. */
    static Reader open(Storage storage, InputFile file) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(storage.open(file.uri), FileAudit.strictUtf8()), 1 << 16);
        r.mark(1);
        if (r.read() != BOM) {
            r.reset();
        }
        return r;
    }

    /** A record's text, kept up to {@link #MAX_RECORD_CHARS}; beyond, only its UTF-8 length and SHA-256. */
    static final class BoundedText {
        private static final int CHUNK = 1 << 16;
        private final int limit;
        private final StringBuilder sb = new StringBuilder();
        private MessageDigest digest;
        private long bytes;

        BoundedText() {
            this(MAX_RECORD_CHARS);
        }

        BoundedText(int limit) {
            this.limit = limit;
        }

        void append(char c) {
            sb.append(c);
            if (sb.length() > (digest == null ? limit : CHUNK)) {
                spill();
            }
        }

        void append(char[] chars, int offset, int length) {
            sb.append(chars, offset, length);
            if (sb.length() > (digest == null ? limit : CHUNK)) {
                spill();
            }
        }

        void append(CharSequence s) {
            for (int i = 0; i < s.length(); i++) {
                append(s.charAt(i));
            }
        }

        boolean isEmpty() {
            return digest == null && sb.length() == 0;
        }

        /** True once the text went over the limit: only {@link #byteLength()} and {@link #sha256()} are kept. */
        boolean oversized() {
            return digest != null;
        }

        /** The text; null when oversized. */
        String text() {
            return digest == null ? sb.toString() : null;
        }

        long byteLength() {
            if (digest == null) {
                return sb.toString().getBytes(StandardCharsets.UTF_8).length;
            }
            return bytes + sb.toString().getBytes(StandardCharsets.UTF_8).length;
        }

        String sha256() {
            MessageDigest d;
            if (digest == null) {
                d = FileAudit.sha256();
            } else {
                try {
                    d = (MessageDigest) digest.clone();
                } catch (CloneNotSupportedException e) {
                    throw new IllegalStateException(e);
                }
            }
            d.update(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest());
        }

        /** Moves the buffered characters into the digest (a trailing high surrogate waits for its pair). */
        private void spill() {
            if (digest == null) {
                digest = FileAudit.sha256();
            }
            int end = sb.length();
            if (Character.isHighSurrogate(sb.charAt(end - 1))) {
                end--;
            }
            byte[] b = sb.substring(0, end).getBytes(StandardCharsets.UTF_8);
            digest.update(b);
            bytes += b.length;
            sb.delete(0, end);
        }
    }

    /** One line of a JSON Lines file: its number and its bounded text. */
    static final class Line {
        final long number;
        final BoundedText text;

        Line(long number, BoundedText text) {
            this.number = number;
            this.text = text;
        }

        /** Empty or only spaces and tabs (JSON's own blanks); such lines hold no record and are skipped. */
        boolean blank() {
            String t = text.text();
            if (t == null) {
                return false;
            }
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c != ' ' && c != '\t') {
                    return false;
                }
            }
            return true;
        }
    }

    /** Reads lines ended by LF, CR or CR LF (as {@link BufferedReader#readLine()}), each bounded. */
    static final class LineReader {
        private final Reader in;
        private long number;
        private boolean skipLf;

        LineReader(Reader in) {
            this.in = in;
        }

        /** The next line, or null at the end. */
        Line next() throws IOException {
            BoundedText text = new BoundedText();
            boolean any = false;
            while (true) {
                int c = in.read();
                if (skipLf) {
                    skipLf = false;
                    if (c == '\n') {
                        continue;
                    }
                }
                if (c < 0) {
                    if (!any) {
                        return null;
                    }
                    return new Line(++number, text);
                }
                any = true;
                if (c == '\n') {
                    return new Line(++number, text);
                }
                if (c == '\r') {
                    skipLf = true;
                    return new Line(++number, text);
                }
                text.append((char) c);
            }
        }
    }
}
