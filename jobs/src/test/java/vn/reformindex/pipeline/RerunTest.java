package vn.reformindex.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.TableAssertions;
import vn.reformindex.cli.Main;
import vn.reformindex.io.Storage;

/** Rerunning the same inputs gives the same rows in every table and the same reports. */
class RerunTest {
    @TempDir
    Path tmp;

    @Test
    void theSameInputsGiveTheSameTablesAndReports() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        for (Path out : new Path[]{a, b}) {
            assertEquals(0, Main.run(new String[]{"run", "--input", SparkTestSupport.golden().toString(), "--output", out.toString(),
                    "--period", "2020-01-01..2020-10-29", "--run-date", "2026-11-22"}, quiet(), quiet()));
        }
        TableAssertions.assertSameTables(a, b);
        assertEquals(Files.exists(a.resolve("reports")), Files.exists(b.resolve("reports")));
        Map<String, byte[]> ra = Files.exists(a.resolve("reports")) ? PipelineSafetyTest.snapshot(a.resolve("reports")) : Map.of();
        Map<String, byte[]> rb = Files.exists(b.resolve("reports")) ? PipelineSafetyTest.snapshot(b.resolve("reports")) : Map.of();
        assertEquals(ra.keySet(), rb.keySet());
        for (String k : ra.keySet()) {
            if (k.startsWith("index.")) {
                // The index names the run and the time it made each report: equal but for those two columns.
                assertEquals(withoutRunAndTime(ra.get(k)), withoutRunAndTime(rb.get(k)), k);
            } else if (!k.endsWith(".xlsx") && !k.endsWith(".pdf")) { // the workbook and the PDF record when they were written
                assertArrayEquals(ra.get(k), rb.get(k), k);
            }
        }
        // What differs between the runs (ids, times) lives in _RUN.json only; what they computed does not.
        com.fasterxml.jackson.databind.JsonNode runA = new com.fasterxml.jackson.databind.ObjectMapper().readTree(a.resolve("_RUN.json").toFile());
        com.fasterxml.jackson.databind.JsonNode runB = new com.fasterxml.jackson.databind.ObjectMapper().readTree(b.resolve("_RUN.json").toFile());
        for (String same : new String[]{"status", "data_cut_off", "periods", "published_tables"}) {
            assertEquals(runA.get(same), runB.get(same), same);
        }
        for (String stage : new String[]{"ingest", "facts", "summary", "score", "rank"}) {
            assertEquals(runA.get("stages").get(stage).get("rows"), runB.get("stages").get(stage).get("rows"), stage);
        }
        assertEquals(runA.get("stages").get("ingest").get("reconciliation"), runB.get("stages").get("ingest").get("reconciliation"));
        assertEquals(83, runA.get("stages").get("ingest").get("reconciliation").get("read").asLong(), "every golden record read");
        assertEquals(new OutputStore(Storage.local(), a.toString()).published().keySet(),
                new OutputStore(Storage.local(), b.toString()).published().keySet());
    }

    private static java.util.List<String> withoutRunAndTime(byte[] csv) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String line : new String(csv, java.nio.charset.StandardCharsets.UTF_8).split("\r?\n")) {
            String[] f = line.split(",", -1);
            if (f.length > 3) {
                f[1] = "";
                f[2] = "";
            }
            out.add(String.join(",", f));
        }
        return out;
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream());
    }
}
