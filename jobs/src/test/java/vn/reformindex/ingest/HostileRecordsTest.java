package vn.reformindex.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.reformindex.TestInputs;
import vn.reformindex.core.ExitCode;
import vn.reformindex.core.PipelineException;
import vn.reformindex.core.WarningCode;

/**
 * The corpus of hostile records ({@code src/test/resources/hostile/records/}): every case of
 * {@code cases.csv} has its documented outcome (docs/reason-codes.md), reconciliation is exact per file and
 * unit, and no personal value or value of a column outside the contract reaches any ingest output.
 *
 * <p>{@code read/} is ingested as one input (its files are the dossier folder); each file of {@code refused/}
 * is ingested alone and must stop the run with exit code 3 and its message.
 */
class HostileRecordsTest {
    /** Planted in personal fields and in columns outside the contract only. */
    static final List<String> PLANTED = List.of("Bímật", "079199900001", "0912000001", "cccd-079199900001");

    @TempDir
    Path tmp;

    record Case(String file, String line, String unit, String expected, String what) {
        /** The name the ingest tables use: {@code read/x.csv} is read as {@code dossiers/x.csv}. */
        String source() {
            return "dossiers/" + file.substring(file.indexOf('/') + 1);
        }
    }

    static Path corpus() {
        try {
            return Paths.get(HostileRecordsTest.class.getResource("/hostile/records/cases.csv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Case> cases() throws IOException {
        CsvSplitter s = new CsvSplitter(new StringReader(Files.readString(corpus().resolve("cases.csv"))));
        s.next(); // header
        List<Case> cases = new ArrayList<>();
        CsvSplitter.Record r;
        while ((r = s.next()) != null) {
            List<String> f = r.fields;
            cases.add(new Case(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4)));
        }
        return cases;
    }

    private TestInputs inputWith(Path dir, List<Path> files) throws IOException {
        TestInputs in = TestInputs.withGoldenReference(dir);
        for (Path f : files) {
            in.bytes("dossiers/" + f.getFileName(), Files.readAllBytes(f));
        }
        return in;
    }

    @Test
    void everyRecordHasItsDocumentedFateAndReconciliationIsExact() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus().resolve("read"))) {
            files = s.sorted().toList();
        }
        IngestHarness h = IngestHarness.run(inputWith(tmp, files).dir());

        Map<String, String> expected = new TreeMap<>();
        Map<String, String> whats = new TreeMap<>();
        Map<String, long[]> counts = new TreeMap<>();
        Set<String> ignored = new TreeSet<>();
        for (Case c : cases()) {
            if (!c.file().startsWith("read/")) {
                continue;
            }
            if (c.expected().equals("ignored:" + WarningCode.IGNORED_FILE.name())) {
                ignored.add(c.source());
                continue;
            }
            String key = c.source() + ":" + c.line();
            expected.put(key, c.expected());
            whats.put(key, c.what());
            long[] n = counts.computeIfAbsent(c.source() + "|" + c.unit(), k -> new long[4]);
            n[0]++;
            n[c.expected().equals("accepted") ? 1 : c.expected().equals("superseded") ? 3 : 2]++;
        }
        Map<String, String> actual = h.outcomes();
        List<String> wrong = new ArrayList<>();
        for (String k : new TreeSet<>(union(expected.keySet(), actual.keySet()))) {
            if (!String.valueOf(expected.get(k)).equals(String.valueOf(actual.get(k)))) {
                wrong.add(k + " (" + whats.get(k) + "): expected " + expected.get(k) + ", got " + actual.get(k));
            }
        }
        assertTrue(wrong.isEmpty(), "cases with another outcome:\n" + String.join("\n", wrong));

        Map<String, String> expectedRecon = new TreeMap<>();
        counts.forEach((k, n) -> expectedRecon.put(k, n[0] + "," + n[1] + "," + n[2] + "," + n[3]));
        assertEquals(expectedRecon, h.reconciliationCounts(), "read = accepted + quarantined + superseded, per file and unit");

        Set<String> listed = new TreeSet<>();
        h.listing.ignored.forEach(f -> listed.add(f.name));
        assertEquals(ignored, listed, "files not read are listed");
        Set<String> warned = new TreeSet<>();
        for (Row r : h.warnings().filter("warning = 'IGNORED_FILE'").collectAsList()) {
            warned.add(r.getAs("file"));
        }
        assertEquals(ignored, warned, "and each has an IGNORED_FILE warning");

        assertEquals(List.of(), IngestHarness.leaks(h.allText(), PLANTED), "personal or unknown-column values in ingest outputs");
        for (Row staged : h.staged().collectAsList()) {
            for (int i = 0; i < staged.size(); i++) {
                Object v = staged.get(i);
                assertTrue(!(v instanceof String) || !Values.hasForbiddenChar((String) v), "a control character staged: " + staged);
            }
        }

        // What the quarantine keeps of a record with personal data and unknown columns: names, not values.
        Row csv = h.quarantine().filter("dossier_code = '000.15.00.H36-C02'").first();
        assertEquals("000.15.00.H36-C02,000.15.00.H36,1.000001,HT,42,20200302080000,20200306170000,,20200302080000,***,***,***,***",
                csv.getAs("masked_text"));
        String json = h.quarantine().filter("dossier_code = '000.15.00.H36-J29'").first().getAs("masked_text");
        assertTrue(json.contains("\"CCCD\":\"***\"") && json.contains("\"NguoiNop\":{\"CCCD\":\"***\",\"HoTen\":\"***\",\"LienHe\":[{\"DienThoai\":\"***\"}]}")
                && json.contains("\"TaiLieuNop\":[{\"TenTepDinhKem\":\"***\",\"DuocSoHoa\":1,\"ChuHoSo\":\"***\"}]")
                && json.contains("\"DanhSachLePhi\":[{\"TenPhiLePhi\":\"***\",\"Gia\":20000,\"NguoiNop\":\"***\"}]"), json);
        Row invalidCode = h.quarantine().filter("source_file = 'dossiers/values.csv' AND source_line = 4").first();
        assertNull(invalidCode.getAs("dossier_code"), "a code with a NUL is not kept as a code");
        String fee = h.quarantine().filter("dossier_code = '000.15.00.H36-J01'").first().getAs("masked_text");
        assertTrue(fee.contains("\"TongPhiLePhi\":1e309"), "numbers are kept as written: " + fee);
    }

    @Test
    void everyRefusedFileStopsTheRunWithItsDocumentedMessage() throws IOException {
        int n = 0;
        for (Case c : cases()) {
            if (!c.file().startsWith("refused/")) {
                continue;
            }
            assertTrue(c.expected().startsWith("exit 3: "), c.toString());
            Path file = corpus().resolve(c.file());
            TestInputs in = inputWith(tmp.resolve("refused-" + n++), List.of(file));
            PipelineException e = assertThrows(PipelineException.class, () -> IngestHarness.run(in.dir()), c.what());
            assertEquals(ExitCode.UNREADABLE_INPUT, e.exitCode(), c.what());
            String expectedText = c.expected().substring("exit 3: ".length());
            assertTrue(e.getMessage().contains(expectedText), c.what() + ": " + e.getMessage());
            assertTrue(e.getMessage().length() < 400, "a short message: " + e.getMessage());
            assertEquals(List.of(), IngestHarness.leaks(List.of(e.getMessage()), PLANTED), c.what());
        }
        assertEquals(8, n);
    }

    /** Generated, too big for the corpus: a 5 MB first line without header; 2 MiB records; a 100,000-column header. */
    @Test
    void hugeLinesNeitherFloodMessagesNorMemory() throws Exception {
        StringBuilder big = new StringBuilder();
        while (big.length() < 5_000_000) {
            big.append("000.15.00.H36-Z1,Nguyễn Thị Bímật,079199900001,");
        }
        TestInputs headerless = TestInputs.withGoldenReference(tmp.resolve("a")).dossiers("big.csv", big + "\n");
        PipelineException e = assertThrows(PipelineException.class, () -> IngestHarness.run(headerless.dir()));
        assertTrue(e.getMessage().contains("dossiers/big.csv, line 1: the first row is longer than 1048576 characters"), e.getMessage());
        assertTrue(e.getMessage().length() < 400, e.getMessage());

        StringBuilder wide = new StringBuilder("MaHoSo,MaTTHC,TrangThaiHoSo");
        for (int i = 0; i < 100_000; i++) {
            wide.append(",C").append(i);
        }
        String tail = "x".repeat(2 << 20);
        String csv = "MaHoSo,MaTTHC,TrangThaiHoSo,NgayTiepNhan,GhiChu\n"
                + "000.15.00.H36-Z2,1.000001,4,20200302080000,\"never closed " + tail + "\n"
                + "000.15.00.H36-Z3,1.000001,4,20200302080000,swallowed\n";
        String jsonl = "{\"MaHoSo\":\"000.15.00.H36-Z4\",\"GhiChu\":\"" + tail + "\"}\n"
                + "{\"MaHoSo\":\"000.15.00.H36-Z5\",\"MaTTHC\":\"1.000001\",\"TrangThaiHoSo\":4,\"NgayTiepNhan\":\"20200302080000\"}\n";
        TestInputs in = TestInputs.withGoldenReference(tmp.resolve("b")).dossiers("long.csv", csv).dossiers("long.jsonl", jsonl)
                .dossiers("wide.csv", wide + "\n000.15.00.H36-Z6,1.000001,4" + ",".repeat(100_000) + "\n");
        IngestHarness h = IngestHarness.run(in.dir());
        assertEquals(Map.of("dossiers/long.csv:2", "quarantined:MALFORMED_RECORD", "dossiers/long.jsonl:1", "quarantined:MALFORMED_RECORD",
                "dossiers/long.jsonl:2", "accepted", "dossiers/wide.csv:2", "quarantined:MISSING_RECEIPT_DATE"), h.outcomes());
        Row r = h.quarantine().filter("source_file = 'dossiers/long.csv'").first();
        String text = csv.substring(csv.indexOf('\n') + 1); // inside the quote to the end of the file, last line end included
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertEquals(bytes.length, (int) r.<Integer>getAs("byte_length"));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), r.getAs("line_sha256"));
        Row j = h.quarantine().filter("source_file = 'dossiers/long.jsonl'").first();
        byte[] line = jsonl.substring(0, jsonl.indexOf('\n')).getBytes(StandardCharsets.UTF_8);
        assertEquals(line.length, (int) j.<Integer>getAs("byte_length"));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(line)), j.getAs("line_sha256"));
        FileAuditResult wideAudit = h.audits.stream().filter(a -> a.name.equals("dossiers/wide.csv")).findFirst().orElseThrow();
        assertEquals(ColumnMapping.MAX_REPORTED_NAMES + 1, wideAudit.unknownColumns.size(), "unknown columns are listed up to a limit");
        assertEquals(ColumnMapping.MORE_NAMES, wideAudit.unknownColumns.get(ColumnMapping.MAX_REPORTED_NAMES));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new TreeSet<>(a);
        u.addAll(b);
        return u;
    }
}
