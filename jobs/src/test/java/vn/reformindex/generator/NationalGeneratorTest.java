package vn.reformindex.generator;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.cli.Main;
import vn.reformindex.core.ReasonCode;
import vn.reformindex.table.Tables;
import vn.reformindex.io.Storage;
import vn.reformindex.pipeline.OutputStore;

/**
 * The national shape of the generator (a test dependency of jobs): its bytes do not depend on the threads,
 * its registry, its files, and its counts against the pipeline's own ingest.
 */
class NationalGeneratorTest {
    private static final int DOSSIERS = 20_000;
    private static final int FILES = 6;

    @TempDir
    Path tmp;

    @Test
    void outputDoesNotDependOnTheThreads() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        NationalGenerator.generate(a, 7, DOSSIERS, false, FILES, 2);
        NationalGenerator.generate(b, 7, DOSSIERS, false, FILES, 4);
        Map<String, byte[]> fa = files(a);
        Map<String, byte[]> fb = files(b);
        assertEquals(fa.keySet(), fb.keySet());
        assertEquals(FILES + 5, fa.size());
        for (String name : fa.keySet()) {
            assertArrayEquals(fa.get(name), fb.get(name), name);
        }
        Path c = tmp.resolve("c");
        NationalGenerator.generate(c, 8, DOSSIERS, false, FILES, 2);
        assertFalse(java.util.Arrays.equals(fa.get("dossiers/part-00000.csv"), files(c).get("dossiers/part-00000.csv")));
    }

    @Test
    void registryHas34ProvincesAnd3321Communes() {
        NationalRegistry r = new NationalRegistry(766);
        LocalDate reform = LocalDate.of(2025, 7, 1);
        assertEquals(34, r.validOn("TINH", reform).size());
        assertEquals(3321, r.validOn("XA", reform).size());
        assertEquals(34 * 12, r.validOn("SO", reform).size());
        assertEquals(0, r.validOn("HUYEN", reform).size());
        assertTrue(r.validOn("HUYEN", LocalDate.of(2025, 6, 30)).size() >= 300);
        List<NationalRegistry.Unit> old = r.validOn("XA", LocalDate.of(2025, 6, 30));
        assertTrue(old.size() > 3321);
        Set<String> newCodes = r.validOn("XA", reform).stream().map(x -> x.u.code).collect(Collectors.toSet());
        Set<String> all = new HashSet<>();
        for (NationalRegistry.Unit x : r.units) {
            assertTrue(all.add(x.u.code), "duplicate " + x.u.code);
            assertTrue(x.u.name.matches(".*[à-ỹÀ-Ỹ].*") || x.u.name.matches(".*[A-Z][a-z]+.*"), x.u.name);
        }
        for (NationalRegistry.Unit x : old) {
            assertTrue(newCodes.contains(x.u.successor), x.u.code + " -> " + x.u.successor);
        }
        assertEquals("Thành phố Hà Nội", r.units.get(0).u.name);
        assertEquals("000.00.00.A01", r.units.get(0).u.code);
    }

    @Test
    void recordCountsAddUp() throws IOException {
        Path out = tmp.resolve("n");
        GeneratedFiles result = NationalGenerator.generate(out, 766, DOSSIERS, false, FILES, 2);
        assertTrue(result.resyncs > DOSSIERS / 200 && result.resyncs < DOSSIERS / 50, "re-syncs " + result.resyncs);
        assertEquals(DOSSIERS + result.resyncs + result.broken(), result.dossierRecords());
        NationalRegistry reg = new NationalRegistry(766);
        Map<String, NationalRegistry.Unit> units = new HashMap<>();
        for (NationalRegistry.Unit x : reg.units) {
            units.put(x.u.code, x);
        }
        Set<String> codes = new HashSet<>();
        long rows = 0;
        Map<String, Integer> versions = new TreeMap<>();
        for (int part = 0; part < FILES; part++) {
            List<String> lines = Files.readAllLines(out.resolve(NationalGenerator.partName(part, false)), StandardCharsets.UTF_8);
            assertEquals(String.join(",", Dossier.COLUMNS), lines.get(0));
            assertEquals((long) result.records.get(NationalGenerator.partName(part, false)), lines.size() - 1);
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                assertEquals(Dossier.COLUMNS.length, cells.length, line);
                rows++;
                codes.add(cells[0]);
                versions.merge(cells[0], 1, Integer::sum);
                for (int i = 7; i <= 13; i++) {
                    assertTrue(cells[i].isEmpty() || cells[i].matches("20[0-9]{12}"), line);
                }
                NationalRegistry.Unit u = units.get(cells[1]);
                assertNotNull(u, line);
                String day = cells[8].isEmpty() ? cells[7] : cells[8];
                LocalDate d = LocalDate.parse(day.substring(0, 8), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
                assertFalse(d.isBefore(u.u.validFrom), line);
                assertTrue(u.u.validTo == null || !d.isAfter(u.u.validTo), line);
            }
        }
        assertEquals(DOSSIERS, codes.size());
        assertEquals(DOSSIERS + result.resyncs, rows);
        assertEquals(result.resyncs, versions.values().stream().filter(n -> n == 2).count());
        assertEquals(0, versions.values().stream().filter(n -> n > 2).count());
    }

    /**
     * What the generator says it wrote (records per file, distinct dossiers, older versions of re-synced
     * ones, the broken-records file's intended fates) is what the pipeline's ingest finds in the files:
     * a wrong count on either side fails here.
     */
    @Test
    void countsMatchTheIngest() throws IOException {
        Path in = tmp.resolve("ingest-in");
        GeneratedFiles generated = NationalGenerator.generate(in, 766, 2_000, false, 3, 2);
        Path out = tmp.resolve("ingest-out");
        SparkSession spark = SparkTestSupport.spark();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Main.run(new String[] {"ingest", "--input", in.toString(), "--output", out.toString(),
            "--run-date", "2026-01-15"}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        OutputStore store = new OutputStore(Storage.local(), out.toString());

        // reconciliation, per file: read = what the generator wrote; accepted + superseded in the parts,
        // the intended fates in the broken-records file
        Map<String, Long> written = new TreeMap<>(generated.records);
        written.keySet().removeIf(f -> !f.startsWith("dossiers/"));
        Map<String, long[]> reconciled = new TreeMap<>();
        for (Row r : spark.read().parquet(store.tableUri(Tables.RECONCILIATION.name())).groupBy("file")
                .agg(sum("read"), sum("accepted"), sum("quarantined"), sum("superseded")).collectAsList()) {
            reconciled.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)});
        }
        assertEquals(written.keySet(), reconciled.keySet(), "files");
        long superseded = 0;
        for (Map.Entry<String, Long> e : written.entrySet()) {
            long[] c = reconciled.get(e.getKey());
            assertEquals(e.getValue(), c[0], e.getKey() + ": read");
            if (e.getKey().equals(BrokenRecords.FILE)) {
                assertEquals(generated.brokenAccepted, c[1], "broken records accepted");
                assertEquals(generated.broken() - generated.brokenAccepted, c[2], "broken records quarantined");
                assertEquals(0, c[3], "broken records superseded");
            } else {
                assertEquals(0, c[2], e.getKey() + ": quarantined");
                superseded += c[3];
            }
        }
        assertEquals(generated.resyncs, superseded, "older versions of re-synced dossiers");

        // quarantine: exactly the intended reasons, all from the broken-records file
        Dataset<Row> quarantine = spark.read().parquet(store.tableUri(Tables.QUARANTINE.name()));
        Map<String, Integer> reasons = new TreeMap<>();
        for (Row r : quarantine.groupBy("reason").count().collectAsList()) {
            reasons.put(r.getString(0), (int) r.getLong(1));
        }
        assertEquals(generated.brokenQuarantined, reasons);
        for (String reason : generated.brokenQuarantined.keySet()) {
            ReasonCode.valueOf(reason); // the generator names the pipeline's reason codes
        }
        assertEquals(ReasonCode.values().length, reasons.size(), "every reason is covered");
        assertEquals(0, quarantine.filter(col("source_file").notEqual(BrokenRecords.FILE)).count());

        // staged: one row per distinct dossier, plus the good broken records
        Dataset<Row> staged = spark.read().parquet(store.tableUri(Tables.STAGED_DOSSIERS.name()));
        assertEquals(generated.dossiers + generated.brokenAccepted, staged.count());
        assertEquals(generated.brokenAccepted, staged.filter(col("source_file").equalTo(BrokenRecords.FILE)).count());
    }

    @Test
    void commandLine() throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        Path out = tmp.resolve("cli");
        int rc = GeneratorCommand.run(new String[] {"--national", "--dossiers", "1000", "--files", "3", "--threads", "2",
            "--format", "jsonl", "--output", out.toString()}, new PrintStream(o), new PrintStream(e));
        assertEquals(0, rc, e.toString());
        assertTrue(Files.exists(out.resolve("dossiers/part-00002.jsonl")));
        assertEquals(2, GeneratorCommand.run(new String[] {"--files", "3", "--output", out.toString()},
                new PrintStream(o), new PrintStream(e)));
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).collect(Collectors.toList())) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
