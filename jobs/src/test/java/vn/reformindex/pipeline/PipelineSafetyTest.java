package vn.reformindex.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.TestInputs;
import vn.reformindex.core.ExitCode;
import vn.reformindex.cli.Main;
import vn.reformindex.core.PipelineException;
import vn.reformindex.config.RunConfig;
import vn.reformindex.ingest.IngestStage;
import vn.reformindex.io.Storage;
import vn.reformindex.period.Period;

/** Lost records fail the run; a failed run leaves the published outputs as they were. */
class PipelineSafetyTest {
    @TempDir
    Path tmp;

    private RunConfig config(Path input, Path output) {
        return RunConfig.builder("run").input(input.toString()).output(output.toString())
                .period(Period.parse("2020-01-01..2020-10-29")).build();
    }

    @Test
    void aRecordDroppedOnPurposeFailsReconciliation() {
        SparkSession spark = SparkTestSupport.spark();
        Pipeline p = new Pipeline(List.of(new IngestStage(raw -> raw.filter("NOT (MaHoSo = '000.15.00.H36-G01')"))));
        RunConfig c = config(SparkTestSupport.golden(), tmp.resolve("out"));
        PipelineException e = assertThrows(PipelineException.class,
                () -> p.execute(spark, c));
        assertEquals(ExitCode.RECONCILIATION_FAILED, e.exitCode());
        assertTrue(e.getMessage().contains("dossiers/dossiers.csv unit 000.15.00.H36: read 44 != accepted 35 + quarantined 4 + superseded 4"),
                e.getMessage());
        assertTrue(!Files.exists(tmp.resolve("out/_pointers")), "nothing published");
    }

    @Test
    void aFailedRunLeavesThePreviousOutputsIntact() throws IOException {
        Path out = tmp.resolve("out");
        int ok = Main.run(new String[]{"ingest", "--input", SparkTestSupport.golden().toString(), "--output", out.toString()},
                quiet(), quiet());
        assertEquals(0, ok);
        Map<String, byte[]> before = snapshot(out);
        long staged = SparkTestSupport.spark().read().parquet(
                new OutputStore(Storage.local(), out.toString()).tableUri(vn.reformindex.table.Tables.STAGED_DOSSIERS.name())).count();
        assertEquals(73, staged);

        TestInputs bad = TestInputs.withGoldenReference(tmp).bytes("dossiers/broken.csv",
                new byte[]{'M', 'a', 'H', 'o', 'S', 'o', ',', (byte) 0xFF, '\n'});
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[]{"ingest", "--input", bad.toString(), "--output", out.toString()},
                quiet(), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(ExitCode.UNREADABLE_INPUT.code, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("dossiers/broken.csv, line 1 (byte offset 7)"), err.toString());

        Map<String, byte[]> after = snapshot(out);
        after.keySet().removeIf(k -> k.startsWith("_runs/")); // the failed run's own record
        before.keySet().removeIf(k -> k.startsWith("_runs/"));
        assertEquals(before.keySet(), after.keySet());
        for (String k : before.keySet()) {
            assertArrayEquals(before.get(k), after.get(k), k);
        }
        String uri = new OutputStore(Storage.local(), out.toString()).tableUri(vn.reformindex.table.Tables.STAGED_DOSSIERS.name());
        assertEquals(73, SparkTestSupport.spark().read().parquet(uri).count());
        try (Stream<Path> runs = Files.list(out.resolve("_runs"))) {
            assertEquals(2, runs.count(), "the failed run left its _RUN.json under _runs/");
        }
    }

    /** The exit codes users read in docs/exit-codes.md are the ones the code returns. */
    @Test
    void exitCodesAreTheDocumentedOnes() throws IOException {
        String all = Files.readString(SparkTestSupport.projectRoot().resolve("docs/exit-codes.md"));
        String doc = all.substring(0, all.indexOf("## Refusals")); // the table of codes; the refusals follow
        Map<ExitCode, String> documented = Map.of(ExitCode.OK, "success", ExitCode.FAILURE, "internal error",
                ExitCode.BAD_ARGUMENTS, "bad command-line arguments", ExitCode.UNREADABLE_INPUT, "unreadable input",
                ExitCode.RECONCILIATION_FAILED, "reconciliation failed", ExitCode.BAD_CONFIGURATION, "invalid criteria set",
                ExitCode.CHECK_FAILED, "consistency check");
        assertEquals(ExitCode.values().length, documented.size());
        for (ExitCode c : ExitCode.values()) {
            String row = doc.lines().filter(l -> l.startsWith("| " + c.code + " |")).findFirst().orElse("");
            assertTrue(row.contains(documented.get(c)), c + " (" + c.code + ") documented as: " + row);
        }
        assertEquals(ExitCode.values().length, doc.lines().filter(l -> l.matches("\\| \\d+ \\|.*")).count());
    }

    @Test
    void badArgumentsHaveTheirOwnExitCode() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, Main.run(new String[]{"summary", "--period", "2024-13", "--output", "x", "--input", "y"}, quiet(),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("2024-13"));
        assertEquals(2, Main.run(new String[]{"ingest", "--period", "2024", "--output", "x", "--input", "y"}, quiet(), quiet()),
                "ingest takes no period");
        assertEquals(2, Main.run(new String[]{"frobnicate"}, quiet(), quiet()));
        assertEquals(2, Main.run(new String[]{"ingest", "--output", "x"}, quiet(), quiet()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, Main.run(new String[]{"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8), quiet()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Exit codes"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("reform-index-jobs-cluster.jar"), "spark-submit takes the cluster jar");
        assertEquals(3, Main.run(new String[]{"ingest", "--input", tmp.resolve("missing").toString(), "--output",
                tmp.resolve("o").toString()}, quiet(), quiet()));
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream());
    }

    static Map<String, byte[]> snapshot(Path root) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                m.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }
}
