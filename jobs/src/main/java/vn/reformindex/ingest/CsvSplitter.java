package vn.reformindex.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 CSV text into records, keeping for each its first line number and its original text,
 * which commons-csv does not give. Quoted fields may hold commas, doubled quotes and newlines. A record
 * whose quotes are broken (text after a closing quote, or a quote never closed) is returned with
 * {@code broken = true} so the caller can quarantine it without trusting its fields. Empty lines are skipped.
 * A record longer than {@link TextInput#MAX_RECORD_CHARS} characters (typically a quote never closed that
 * swallows the rest of a big file) is broken and keeps no text and no fields, only its UTF-8 length and
 * SHA-256: memory stays bounded whatever the input.
 */
final class CsvSplitter {
    /** One record as read from the file. */
    static final class Record {
        final long line;
        final List<String> fields;
        /** The original text; null when oversized. */
        final String text;
        final boolean broken;
        final boolean oversized;
        private final TextInput.BoundedText bounded;

        Record(long line, List<String> fields, TextInput.BoundedText text, boolean broken) {
            this.line = line;
            this.bounded = text;
            this.oversized = text.oversized();
            this.fields = oversized ? List.of() : fields;
            this.text = text.text();
            this.broken = broken || oversized;
        }

        /** The record's length in UTF-8 bytes. */
        long byteLength() {
            return bounded.byteLength();
        }

        /** SHA-256 (hex) of the record's UTF-8 bytes. */
        String sha256() {
            return bounded.sha256();
        }
    }

    private static final int EOF = -1;

    private final Reader in;
    private final int limit;
    private long line = 1;
    private int pushedBack = -2;
    private boolean done;
    /** Characters read ahead from {@code in}: one call to the reader per block, not per character. */
    private final char[] buf = new char[1 << 13];
    private int pos;
    private int lim;

    CsvSplitter(Reader in) {
        this(in, TextInput.MAX_RECORD_CHARS);
    }

    CsvSplitter(Reader in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        if (pos == lim) {
            int n;
            do {
                n = in.read(buf, 0, buf.length);
            } while (n == 0);
            if (n < 0) {
                return EOF;
            }
            pos = 0;
            lim = n;
        }
        return buf[pos++];
    }

    /**
     * The end of the run of plain characters from {@code pos} in the buffer: none of the quote, newlines and
     * (outside quotes) the comma, which the character loop handles one by one.
     */
    private int plainRun(boolean inQuotes) {
        int j = pos;
        while (j < lim) {
            char x = buf[j];
            if (x == '"' || x == '\n' || x == '\r' || (x == ',' && !inQuotes)) {
                break;
            }
            j++;
        }
        return j;
    }

    /** The next record, or null at the end of the text. */
    Record next() throws IOException {
        while (!done) {
            Record r = readRecord();
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    /** Reads one physical record; returns null for an empty line (and at the end). */
    private Record readRecord() throws IOException {
        long startLine = line;
        TextInput.BoundedText text = new TextInput.BoundedText(limit);
        StringBuilder field = new StringBuilder();
        List<String> fields = new ArrayList<>();
        boolean broken = false;
        boolean inQuotes = false;
        boolean afterQuote = false;
        boolean fieldStarted = false;
        while (true) {
            if (text.oversized() && field.length() > 0) {
                field.setLength(0); // the record is lost to quarantine: keep no fields
                fields.clear();
            }
            // Fast path: a run of characters that mean nothing to the CSV syntax, appended at once (most of a file).
            if (pushedBack == -2 && pos < lim && !afterQuote) {
                int end = plainRun(inQuotes);
                if (end > pos) {
                    field.append(buf, pos, end - pos);
                    text.append(buf, pos, end - pos);
                    fieldStarted |= !inQuotes;
                    pos = end;
                    continue;
                }
            }
            int c = read();
            if (c == EOF) {
                done = true;
                if (inQuotes) {
                    broken = true;
                }
                if (text.isEmpty()) {
                    return null;
                }
                fields.add(field.toString());
                return new Record(startLine, fields, text, broken);
            }
            char ch = (char) c;
            if (inQuotes) {
                if (ch == '"') {
                    int n = read();
                    if (n == '"') {
                        field.append('"');
                        text.append("\"\"");
                    } else {
                        inQuotes = false;
                        afterQuote = true;
                        text.append('"');
                        pushedBack = n;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    } else if (ch == '\r') {
                        int n = read();
                        pushedBack = n;
                        if (n != '\n') {
                            line++;
                        }
                    }
                    field.append(ch);
                    text.append(ch);
                }
                continue;
            }
            if (ch == '\n' || ch == '\r') {
                if (ch == '\r') {
                    int n = read();
                    if (n != '\n') {
                        pushedBack = n;
                    }
                }
                line++;
                if (text.isEmpty()) {
                    return null; // empty line
                }
                fields.add(field.toString());
                return new Record(startLine, fields, text, broken);
            }
            text.append(ch);
            if (ch == ',') {
                if (text.oversized()) {
                    fields.clear();
                }
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                fieldStarted = false;
                continue;
            }
            if (afterQuote) {
                broken = true; // text after a closing quote: the field boundaries cannot be trusted
                field.append(ch);
                continue;
            }
            if (ch == '"' && !fieldStarted) {
                inQuotes = true;
                fieldStarted = true;
                continue;
            }
            fieldStarted = true;
            field.append(ch);
        }
    }
}
