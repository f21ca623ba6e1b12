package vn.reformindex.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import vn.reformindex.io.Storage;
import vn.reformindex.reference.Text;

/**
 * Reads one dossier file into raw rows, streaming (constant memory whatever the file size). Each record
 * keeps its file, first line and, with personal fields masked, its text; a record that cannot be split
 * keeps only its byte length and SHA-256. Runs inside a Spark task: one task per file.
 */
final class RecordReader {
    static final String MASK = "***";
    /** Records per batch handed from the reading thread to the task's ({@link Prefetch}), and batches waiting at most. */
    static final int PREFETCH_BATCH = 256;
    static final int PREFETCH_BATCHES = 16;
    /** Characters of record text after which a batch is handed over even if it holds fewer records. */
    static final int PREFETCH_BATCH_CHARS = 1 << 20;
    private static final DossierField[] CARRIED = DossierField.carried();
    private static final int[] CARRIED_INDEX = new int[DossierField.values().length];

    static {
        java.util.Arrays.fill(CARRIED_INDEX, -1);
        for (int i = 0; i < CARRIED.length; i++) {
            CARRIED_INDEX[CARRIED[i].ordinal()] = i;
        }
    }

    private final InputFile file;
    private final Map<String, String> aliases;
    private final Set<String> knownUnits;
    /** The one-pass mode: the file's text, checked and hashed while read; null in the plain mode. */
    private AuditedInput audited;
    private java.util.function.Consumer<FileAuditResult> sink;
    /** Why the file is refused (header), found while reading; the UTF-8 check's verdict comes first. */
    private String headerError;
    private final List<String> unknown = new ArrayList<>();
    private final List<String> aliasesUsed = new ArrayList<>();
    private final Set<String> unknownSet = new java.util.LinkedHashSet<>();
    private final Set<String> aliasSet = new java.util.TreeSet<>();
    private final Map<String, Long> readPerUnit = new java.util.HashMap<>();
    /** True when the rows go straight to {@link Ingest#validatedRow} in the reading task: CSV text as {@link LazyText}. */
    private boolean lazyText;

    RecordReader(InputFile file, Map<String, String> aliases, Set<String> knownUnits) {
        this.file = file;
        this.aliases = aliases;
        this.knownUnits = knownUnits;
    }

    Iterator<Row> read(Storage storage) throws IOException {
        Reader reader = TextInput.open(storage, file);
        return file.format == InputFile.Format.CSV ? new CsvRows(reader) : new JsonRows(reader);
    }

    /**
     * The one pass over the file: its records, and once they are all read, the file's audit (size, SHA-256,
     * UTF-8 check, header or top-level names, records read per unit) handed to {@code sink}. A file the
     * audit refuses yields no record after the problem is found; the caller fails the run on the error.
     */
    Iterator<Row> readAudited(Storage storage, java.util.function.Consumer<FileAuditResult> sink,
                              org.apache.spark.util.LongAccumulator bytesRead) throws IOException {
        return readAudited(storage, sink, bytesRead, false);
    }

    /** As {@link #readAudited(Storage, java.util.function.Consumer, org.apache.spark.util.LongAccumulator)}; with
     * {@code lazyText} a CSV record's masked text is a {@link LazyText} (the rows are then not Spark rows). */
    Iterator<Row> readAudited(Storage storage, java.util.function.Consumer<FileAuditResult> sink,
                              org.apache.spark.util.LongAccumulator bytesRead, boolean lazyText) throws IOException {
        this.lazyText = lazyText;
        this.audited = new AuditedInput(storage.open(file.uri), bytesRead);
        this.sink = sink;
        return file.format == InputFile.Format.CSV ? new CsvRows(audited) : new JsonRows(audited);
    }

    /** The audit of a file read in the one-pass mode, after its last record. */
    private void finishAudit(Reader reader) throws IOException {
        if (audited == null) {
            return;
        }
        if (!prefetched()) {
            readToEnd(reader);
        } // else the reading thread read the file to its end ({@link Prefetch})
        if (file.format == InputFile.Format.JSON_LINES) {
            FileAudit.report(unknownSet, aliasSet, unknown, aliasesUsed);
        }
        String error = audited.error() != null ? audited.error() : headerError;
        sink.accept(new FileAuditResult(file.name, audited.size(), audited.sha256(),
                error == null ? null : file.name + ", " + error,
                error == null || audited.error() == null ? unknown : List.of(),
                error == null || audited.error() == null ? aliasesUsed : List.of(), readPerUnit));
    }

    /** True when a CSV file's records are split on a thread of their own ({@link Prefetch}). */
    private boolean prefetched() {
        return lazyText && file.format == InputFile.Format.CSV;
    }

    /** The file read to its end after its last record, for the audit: its size, SHA-256 and UTF-8 check. */
    private void readToEnd(Reader reader) throws IOException {
        if (headerError != null && audited.error() == null) {
            char[] skip = new char[1 << 14];
            while (reader.read(skip, 0, skip.length) >= 0) {
                // the UTF-8 check covers the whole file, as the audit pass did; its verdict comes first
            }
        }
        audited.drain();
    }

    /** True when the one-pass reader found a problem that refuses the file: no further record is read. */
    private boolean refused() {
        return audited != null && (audited.error() != null || headerError != null);
    }

    /** Iterates the records of a CSV file, the header first consumed. */
    private final class CsvRows extends RowIterator {
        private final CsvSplitter splitter;
        private final ColumnMapping mapping;
        private final int width;

        /** The records split on a thread of their own (the mode that validates in the reading task), else null. */
        private final Prefetch prefetch;

        CsvRows(Reader reader) throws IOException {
            super(reader);
            splitter = new CsvSplitter(reader);
            CsvSplitter.Record header = splitter.next();
            if (audited != null) {
                headerError = FileAudit.headerError(header, aliases, unknown, aliasesUsed);
            }
            List<String> names = header == null ? List.of() : header.fields;
            mapping = new ColumnMapping(names, aliases, false);
            width = names.size();
            prefetch = prefetched() ? new Prefetch(splitter, reader) : null;
        }

        @Override
        Row fetch() throws IOException {
            CsvSplitter.Record r = prefetch != null ? prefetch.next() : splitter.next();
            if (r == null) {
                return null;
            }
            if (r.broken || r.fields.size() != width) {
                return malformed(r.line, r.byteLength(), r.sha256());
            }
            String[] values = new String[CARRIED.length];
            for (int i = 0; i < width; i++) {
                DossierField f = mapping.byPosition[i];
                if (f != null && !f.personal()) {
                    values[CARRIED_INDEX[f.ordinal()]] = clean(f, r.fields.get(i));
                }
            }
            return row(r.line, values, false, lazyText ? new LazyText(r.fields, mapping) : maskedCsv(r.fields, mapping));
        }
    }

    /**
     * The record's text with personal data masked: personal columns, and columns outside the contract (an ID
     * number in a column "CCCD"), keep their position and lose their value; the names are the file's header
     * (UNKNOWN_COLUMN).
     */
    static String maskedCsv(List<String> fields, ColumnMapping mapping) {
        List<String> masked = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            DossierField f = mapping.byPosition[i];
            String v = fields.get(i);
            masked.add((f == null || f.personal()) && !v.isEmpty() ? MASK : v);
        }
        return csvLine(masked);
    }

    /**
     * A record's masked text made only when asked: only a quarantined record keeps its text, so the reading
     * task that validates records itself ({@link Ingest.Reading#validated}) builds it for those alone (it was
     * an eighth of the reading task). Never leaves that task: {@link Ingest#validatedRow} resolves it.
     */
    record LazyText(List<String> fields, ColumnMapping mapping) {
        String get() {
            return maskedCsv(fields, mapping);
        }
    }

    /** Iterates the object lines of a JSON Lines file. */
    private final class JsonRows extends RowIterator {
        private final TextInput.LineReader lines;
        private final ObjectMapper mapper = new ObjectMapper();

        JsonRows(Reader reader) {
            super(reader);
            this.lines = new TextInput.LineReader(reader);
        }

        @Override
        Row fetch() throws IOException {
            TextInput.Line line;
            do {
                line = lines.next();
                if (line == null) {
                    return null;
                }
            } while (line.blank());
            String text = line.text.text();
            ObjectNode obj = text == null ? null : JsonRecords.parse(text);
            if (audited != null && text != null) {
                List<String> names = obj == null ? FileAudit.topLevelNames(text) : fieldNames(obj);
                if (names != null) {
                    FileAudit.addNames(names, aliases, unknownSet, aliasSet);
                }
            }
            String[] values = obj == null ? null : values(obj);
            if (values == null) {
                return malformed(line.number, line.text.byteLength(), line.text.sha256());
            }
            boolean nestedInvalidDate = JsonLists.derive(obj, values, CARRIED_INDEX);
            JsonRecords.mask(obj, aliases);
            String masked;
            try {
                masked = mapper.writeValueAsString(obj);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // cannot happen within the parser's own limits; if it did, the record is lost to quarantine, not the run
                return malformed(line.number, line.text.byteLength(), line.text.sha256());
            }
            return row(line.number, values, nestedInvalidDate, masked);
        }

        private List<String> fieldNames(ObjectNode obj) {
            List<String> names = new ArrayList<>(obj.size());
            obj.fieldNames().forEachRemaining(names::add);
            return names;
        }

        /** The contract's top-level values; null when two keys name the same field (e.g. "MaHoSo" and "mahoso"). */
        private String[] values(ObjectNode obj) {
            String[] values = new String[CARRIED.length];
            boolean[] seen = new boolean[DossierField.values().length];
            Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                DossierField f = ColumnMapping.field(Text.nfc(e.getKey()).trim(), aliases);
                if (f == null) {
                    continue;
                }
                if (seen[f.ordinal()]) {
                    return null;
                }
                seen[f.ordinal()] = true;
                if (!f.personal()) {
                    values[CARRIED_INDEX[f.ordinal()]] = clean(f, JsonRecords.scalar(e.getValue()));
                }
            }
            return values;
        }
    }

    /**
     * Codes trimmed, upper-cased and NFC; other text trimmed and NFC; empty is null. A value holding a
     * control or invisible character (checked before trimming: a NUL at the end is not trimmed away) is
     * {@link Values#INVALID}, which its field's check rejects.
     */
    static String clean(DossierField f, String v) {
        if (v == null || Values.INVALID.equals(v)) {
            return v;
        }
        if (Values.hasForbiddenChar(v)) {
            return Values.INVALID;
        }
        return f.kind == DossierField.Kind.CODE ? Text.code(v) : Text.name(v);
    }

    private Row malformed(long line, long byteLength, String sha256) {
        Object[] cells = new Object[RawRecords.FIRST_VALUE + CARRIED.length];
        cells[0] = file.name;
        cells[1] = line;
        cells[2] = formatName();
        cells[3] = true;
        cells[4] = (int) Math.min(byteLength, Integer.MAX_VALUE);
        cells[5] = sha256;
        cells[6] = null;
        cells[7] = RawRecords.UNKNOWN_UNIT_CODE;
        cells[8] = false;
        cells[9] = null;
        counted(RawRecords.UNKNOWN_UNIT_CODE);
        return RowFactory.create(cells);
    }

    private Row row(long line, String[] values, boolean nestedInvalidDate, Object maskedText) {
        Object[] cells = new Object[RawRecords.FIRST_VALUE + CARRIED.length];
        cells[0] = file.name;
        cells[1] = line;
        cells[2] = formatName();
        cells[3] = false;
        cells[4] = null;
        cells[5] = null;
        cells[6] = maskedText;
        cells[7] = reconUnit(values);
        counted((String) cells[7]);
        cells[8] = nestedInvalidDate;
        cells[9] = DateTimes.parse(values[CARRIED_INDEX[DossierField.NGAY_CAP_NHAT.ordinal()]]);
        System.arraycopy(values, 0, cells, RawRecords.FIRST_VALUE, values.length);
        return RowFactory.create(cells);
    }

    private void counted(String unit) {
        if (audited != null) {
            readPerUnit.merge(unit, 1L, Long::sum);
        }
    }

    private String formatName() {
        return file.format == InputFile.Format.CSV ? "csv" : "jsonl";
    }

    /** The code the record carries (MaDonVi, else the MaHoSo prefix), when the registry knows it. */
    private String reconUnit(String[] values) {
        String unit = values[CARRIED_INDEX[DossierField.MA_DON_VI.ordinal()]];
        if (unit == null) {
            unit = prefix(values[CARRIED_INDEX[DossierField.MA_HO_SO.ordinal()]]);
        }
        return unit != null && knownUnits.contains(unit) ? unit : RawRecords.UNKNOWN_UNIT_CODE;
    }

    /** The MaHoSo prefix before its first '-', normalised; null when there is none (or the code is invalid). */
    static String prefix(String dossierCode) {
        if (dossierCode == null || Values.INVALID.equals(dossierCode)) {
            return null;
        }
        int dash = dossierCode.indexOf('-');
        return dash <= 0 ? null : Text.code(dossierCode.substring(0, dash));
    }

    /** RFC 4180 line: quotes only where needed. */
    static String csvLine(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String f = fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        return sb.toString();
    }

    /**
     * Splits a CSV file's records on a thread of its own while the task's thread turns them into rows and
     * validates them: the reading (UTF-8, SHA-256, quotes, line numbers) is sequential by nature and was about
     * a third of a reading task, so a big file is read at the pace of the slower half instead of the sum. At
     * most {@link #PREFETCH_BATCHES} batches of {@link #PREFETCH_BATCH} records or about
     * {@link #PREFETCH_BATCH_CHARS} characters wait between the two (memory bounded whatever the file's size).
     * The thread stops where a refusal is found, as the plain reader does, reads the file to its end for the
     * audit, and stops early when the task ends first (failure or cancellation).
     */
    private final class Prefetch {
        private final java.util.concurrent.BlockingQueue<Object> queue = new java.util.concurrent.ArrayBlockingQueue<>(
                PREFETCH_BATCHES);
        private List<CsvSplitter.Record> current = List.of();
        private int position;
        private boolean ended;

        Prefetch(CsvSplitter splitter, Reader reader) {
            Thread thread = new Thread(() -> produce(splitter, reader), "reform-index reader " + file.name);
            thread.setDaemon(true);
            org.apache.spark.TaskContext task = org.apache.spark.TaskContext.get();
            if (task != null) {
                task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) t -> thread.interrupt());
            }
            thread.start();
        }

        private void produce(CsvSplitter splitter, Reader reader) {
            try {
                List<CsvSplitter.Record> batch = new ArrayList<>(PREFETCH_BATCH);
                long chars = 0;
                while (!refused()) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedException();
                    }
                    CsvSplitter.Record r = splitter.next();
                    if (r == null || refused()) {
                        break; // the end, or the text ended at a bad byte: the run fails on the file, no partial record
                    }
                    batch.add(r);
                    chars += r.text == null ? 0 : r.text.length();
                    // a batch is closed by its records or by its text (records of up to a million characters)
                    if (batch.size() == PREFETCH_BATCH || chars >= PREFETCH_BATCH_CHARS) {
                        queue.put(batch);
                        batch = new ArrayList<>(PREFETCH_BATCH);
                        chars = 0;
                    }
                }
                if (!batch.isEmpty()) {
                    queue.put(batch);
                }
                readToEnd(reader);
                queue.put(Boolean.TRUE);
            } catch (InterruptedException e) {
                // the task ended first: nothing waits for the rest, and nothing else closes the file
                try {
                    reader.close();
                } catch (IOException closing) {
                    // the task is over; nothing to report to
                }
            } catch (Throwable e) { // handed over: the task's thread fails with it instead of waiting forever
                try {
                    queue.put(e);
                } catch (InterruptedException stopped) {
                    // the task ended first
                }
            }
        }

        /** The next record, or null after the last one (the file then read to its end). */
        @SuppressWarnings("unchecked")
        CsvSplitter.Record next() throws IOException {
            while (position == current.size()) {
                if (ended) {
                    return null;
                }
                Object o;
                try {
                    o = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while reading " + file.name);
                }
                if (o instanceof Throwable e) {
                    ended = true; // the reading thread has stopped: no later call waits for it
                    if (e instanceof IOException io) {
                        throw io;
                    }
                    if (e instanceof Error err) {
                        throw err;
                    }
                    throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
                }
                if (o == Boolean.TRUE) {
                    ended = true;
                    return null;
                }
                current = (List<CsvSplitter.Record>) o;
                position = 0;
            }
            return current.get(position++);
        }
    }

    /** A lazy iterator over rows that closes its reader at the end (and, in the one-pass mode, reports the audit). */
    private abstract class RowIterator implements Iterator<Row> {
        private final Reader reader;
        private Row next;
        private boolean finished;

        RowIterator(Reader reader) {
            this.reader = reader;
        }

        abstract Row fetch() throws IOException;

        @Override
        public boolean hasNext() {
            if (next == null && !finished) {
                try {
                    if (prefetched()) {
                        next = fetch(); // the reading thread stops at a refusal ({@link Prefetch})
                    } else {
                        next = refused() ? null : fetch();
                        if (next != null && refused()) {
                            next = null; // the text ended at a bad byte: the run fails on the file, no partial record
                        }
                    }
                    if (next == null) {
                        finished = true;
                        try {
                            finishAudit(reader);
                        } finally {
                            reader.close();
                        }
                    }
                } catch (IOException e) {
                    // In the one pass a bad byte ends the text as an audit error (AuditedInput): what reaches
                    // here is an I/O failure (or, in the tests' plain reading, the decoder's refusal). No content
                    // is quoted.
                    throw new UncheckedIOException("reading a dossier file failed: " + e.getClass().getSimpleName(), e);
                }
            }
            return next != null;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row r = next;
            next = null;
            return r;
        }
    }

    /** Calendar hours between two timestamps, as a decimal with two places. */
    static BigDecimal hoursBetween(LocalDateTime from, LocalDateTime to) {
        long seconds = Duration.between(from, to).getSeconds();
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 2, java.math.RoundingMode.HALF_UP);
    }
}
