package vn.reformindex.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.apache.spark.TaskContext;

/**
 * A dossier file's text for the one-pass reader: while the records are read, the same bytes give the
 * file's size and SHA-256 and go through the strict UTF-8 check, so each byte of the input is read once.
 * A leading byte order mark is skipped. At the first invalid byte the text ends (no record after it is
 * read) and {@link #error()} names the line and byte offset, as the separate audit pass did; the rest of
 * the file is still hashed. The bytes read are counted in the Spark task's input metrics, so the run's
 * metrics show how often the input was read.
 */
final class AuditedInput extends Reader {
    private static final char BOM = '\uFEFF';
    private final InputStream in;
    private final MessageDigest sha = FileAudit.sha256();
    private final CharsetDecoder dec = FileAudit.strictUtf8();
    private final byte[] buf = new byte[1 << 16];
    private final ByteBuffer bb = ByteBuffer.allocate(1 << 17);
    private final CharBuffer cb = CharBuffer.allocate(1 << 17);
    private long size;
    private long consumed;
    private long line = 1;
    private boolean eof;
    private boolean first = true;
    private String error;
    private final org.apache.spark.util.LongAccumulator bytesRead;
    /** The task's input metrics (bytes read), or null outside a Spark task. */
    private final org.apache.spark.executor.InputMetrics inputMetrics;

    /** {@code bytesRead}, when given, counts every byte read from storage, on every attempt of every task. */
    AuditedInput(InputStream in, org.apache.spark.util.LongAccumulator bytesRead) {
        this.in = in;
        this.bytesRead = bytesRead;
        // Taken here, on the task's thread: a reading thread of the task (RecordReader's Prefetch) has none.
        TaskContext task = TaskContext.get();
        this.inputMetrics = task == null ? null : task.taskMetrics().inputMetrics();
        cb.flip(); // empty
    }

    @Override
    public int read() throws IOException {
        if (!cb.hasRemaining() && !fill()) {
            return -1;
        }
        return cb.get();
    }

    @Override
    public int read(char[] dst, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!cb.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(len, cb.remaining());
        cb.get(dst, off, n);
        return n;
    }

    /** Decodes the next chunk; false at the end of the text (end of file, or the first invalid byte). */
    private boolean fill() throws IOException {
        while (!eof && error == null) {
            cb.clear();
            int n = in.read(buf);
            if (n < 0) {
                eof = true;
            } else {
                count(n);
                sha.update(buf, 0, n);
                bb.put(buf, 0, n);
            }
            bb.flip();
            int start = bb.position();
            CoderResult r = dec.decode(bb, cb, eof);
            for (int i = start; i < bb.position(); i++) {
                if (bb.get(i) == '\n') {
                    line++;
                }
            }
            consumed += bb.position() - start;
            if (r.isError() || (eof && bb.hasRemaining())) {
                int bad = bb.hasRemaining() ? bb.get(bb.position()) & 0xFF : 0;
                int next = bb.remaining() > 1 ? bb.get(bb.position() + 1) & 0xFF : -1;
                error = FileAudit.decodeError(line, consumed, bad, next);
            } else if (eof) {
                dec.flush(cb);
            }
            bb.compact();
            cb.flip();
            if (first && cb.hasRemaining()) {
                first = false;
                if (cb.get(cb.position()) == BOM) {
                    cb.get();
                }
            }
            if (error != null) {
                cb.limit(cb.position()); // the text ends before the bad byte's chunk: nothing after it is read
                drain();
                return false;
            }
            if (cb.hasRemaining()) {
                return true;
            }
        }
        return false;
    }

    /** Reads the rest of the file into the checksum and size (after an error, or when a reader stopped early). */
    void drain() throws IOException {
        int n;
        while (!eof && (n = in.read(buf)) >= 0) {
            count(n);
            sha.update(buf, 0, n);
        }
        eof = true;
    }

    private void count(int n) {
        size += n;
        if (bytesRead != null) {
            bytesRead.add(n);
        }
        if (inputMetrics != null) {
            inputMetrics.incBytesRead(n);
        }
    }

    /** Null when the whole file is valid UTF-8 (so far); else the line, byte offset and what was expected. */
    String error() {
        return error;
    }

    /** Bytes read: the file's size once the text has been read to its end. */
    long size() {
        return size;
    }

    /** SHA-256 (hex) of the file; call after the text has been read to its end. */
    String sha256() {
        return HexFormat.of().formatHex(sha.digest());
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
