package vn.reformindex.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.io.Storage;

/**
 * The reading task's mode that splits CSV records on a thread of its own (and makes a record's masked text
 * only when asked) against the plain one-pass reader, on a file of more records than the two threads keep
 * between them: the same records, lines, values and masked texts, the same audit (size, SHA-256, records per
 * unit), and at a bad byte the same stop and the same error.
 */
class PrefetchedReadingTest {
    @TempDir
    Path tmp;

    /** A real-shaped file: a commune export of data-samples/ and the hostile records after it. */
    private byte[] sample() throws IOException {
        Path dossiers = SparkTestSupport.projectRoot().resolve("data-samples").resolve("dossiers");
        List<String> lines = Files.readAllLines(dossiers.resolve("xa-2024-h1.csv"), StandardCharsets.UTF_8);
        String broken = Files.readString(dossiers.resolve("broken-records.csv"), StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(String.join("\n", lines)).append('\n');
        sb.append(broken, broken.indexOf('\n') + 1, broken.length()); // its body: the header is the same
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Set<String> units() throws IOException {
        Set<String> codes = new HashSet<>();
        for (String l : Files.readAllLines(SparkTestSupport.projectRoot().resolve("data-samples").resolve("units.csv"))) {
            codes.add(l.substring(0, l.indexOf(',')));
        }
        return codes;
    }

    /** The rows of one reading (masked texts resolved) and its audit. */
    private record Reading(List<List<Object>> rows, FileAuditResult audit) {
    }

    private Reading read(byte[] bytes, boolean prefetched) throws IOException {
        Path f = tmp.resolve("dossiers-" + prefetched + ".csv");
        Files.write(f, bytes);
        InputFile file = new InputFile(f.toUri().toString(), "dossiers/x.csv", InputFile.Format.CSV, bytes.length, 0);
        AtomicReference<FileAuditResult> audit = new AtomicReference<>();
        Iterator<Row> it = new RecordReader(file, Map.of(), units())
                .readAudited(new Storage(new Configuration()), audit::set, null, prefetched);
        List<List<Object>> rows = new ArrayList<>();
        while (it.hasNext()) {
            Row r = it.next();
            List<Object> cells = new ArrayList<>();
            for (int i = 0; i < r.length(); i++) {
                Object v = r.get(i);
                cells.add(v instanceof RecordReader.LazyText t ? t.get() : v);
            }
            rows.add(cells);
        }
        assertNotNull(audit.get(), "the audit comes once the last record is read");
        return new Reading(rows, audit.get());
    }

    @Test
    void theSameRecordsAndAuditAsThePlainReader() throws Exception {
        byte[] bytes = sample();
        Reading plain = read(bytes, false);
        Reading prefetched = read(bytes, true);
        assertTrue(plain.rows().size() > RecordReader.PREFETCH_BATCH * RecordReader.PREFETCH_BATCHES, "more records than wait between the threads: "
                + plain.rows().size());
        assertEquals(plain.rows(), prefetched.rows());
        assertNull(prefetched.audit().error);
        assertEquals(bytes.length, prefetched.audit().size);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), prefetched.audit().sha256);
        assertEquals(plain.audit().recordsRead, prefetched.audit().recordsRead);
        assertEquals(plain.rows().size(), prefetched.audit().recordsRead.values().stream().mapToLong(Long::longValue).sum());
        long masked = prefetched.rows().stream().filter(r -> r.get(6) != null && ((String) r.get(6)).contains(RecordReader.MASK)).count();
        assertTrue(masked > 6000, "the personal columns of every split record are masked: " + masked);
    }

    @Test
    void longRecordsAreHandedOverInSmallerBatches() throws Exception {
        // 60 records of 300,000 characters (a long name, masked): batches close by their text, not their count
        List<String> lines = Files.readAllLines(SparkTestSupport.projectRoot().resolve("data-samples").resolve("dossiers")
                .resolve("xa-2024-h1.csv"), StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(lines.get(0)).append('\n');
        String longName = "Nguyễn ".repeat(42_000);
        for (int i = 1; i <= 60; i++) {
            String[] cells = lines.get(i).split(",", -1);
            cells[29] = longName + i; // ChuHoSo
            sb.append(String.join(",", cells)).append('\n');
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        Reading plain = read(bytes, false);
        Reading prefetched = read(bytes, true);
        assertEquals(60, prefetched.rows().size());
        assertEquals(plain.rows(), prefetched.rows());
        assertEquals(plain.audit().sha256, prefetched.audit().sha256);
    }

    @Test
    void aBadByteStopsBothAtTheSameRecordWithTheSameError() throws Exception {
        byte[] good = sample();
        // an invalid UTF-8 byte inside record 5,000 (line 5,001): more than the queue holds is read before it
        int at = 0;
        for (int line = 1; line < 5001; at++) {
            if (good[at] == '\n') {
                line++;
            }
        }
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        bad.write(good, 0, at + 20);
        bad.write(0xFF);
        bad.write(good, at + 20, good.length - at - 20);
        Reading plain = read(bad.toByteArray(), false);
        Reading prefetched = read(bad.toByteArray(), true);
        assertNotNull(plain.audit().error);
        assertTrue(plain.audit().error.contains("5001"), plain.audit().error);
        assertEquals(plain.audit().error, prefetched.audit().error);
        assertEquals(plain.rows(), prefetched.rows());
        // The text is checked a buffer ahead of the records: the reader stops somewhat before the bad record,
        // here after more records than wait between the threads (the reading thread waited on a full queue).
        assertTrue(prefetched.rows().size() > RecordReader.PREFETCH_BATCH * RecordReader.PREFETCH_BATCHES
                && prefetched.rows().size() < 5000, "records before the bad one: " + prefetched.rows().size());
        assertEquals(bad.size(), prefetched.audit().size, "the file is still read to its end for the audit");
    }
}
