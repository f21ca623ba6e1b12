package vn.reformindex.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.cli.Main;
import vn.reformindex.ingest.Ingest;

/**
 * Ingest reads each byte of a file once (audit, counts and records in one pass), and a file larger than
 * the per-task budget is spread over several partitions instead of being held by one task.
 */
class IngestReadOnceTest {
    @TempDir
    Path tmp;

    @Test
    void aFileIsReadOnceAndABigFileBecomesSeveralPartitions() throws Exception {
        Path in = goldenInput();
        Path file = in.resolve("dossiers/dossiers.csv");
        long size = Files.size(file);
        long budget = 4096;
        assertTrue(size > 3 * budget, "the file is several budgets long: " + size);

        Path out = tmp.resolve("out");
        assertEquals(0, ingest(in, out, Ingest.PARTITION_BYTES, Long.toString(budget)));
        JsonNode ingest = new ObjectMapper().readTree(out.resolve("_RUN.json").toFile()).get("stages").get("ingest");
        JsonNode read = ingest.get("read");
        long records = ingest.get("reconciliation").get("read").asLong();

        // Read once: the bytes the reader took from storage, over every task attempt, against the file's size.
        assertEquals(size, read.get("file_bytes").asLong());
        long bytesRead = read.get("file_bytes_read").asLong();
        assertTrue(bytesRead >= size && bytesRead <= 1.2 * size,
                "input bytes read " + bytesRead + " for a file of " + size + " bytes");
        assertEquals(size, ingest.get("input_files").get(0).get("bytes").asLong(), "the audit's size, from the same pass");

        // One file of about four budgets: its records are decided in several partitions, none holding them all.
        assertTrue(records > 70, "every record of the file read: " + records);
        assertEquals(records, read.get("records_decided").asLong());
        assertTrue(read.get("partitions").asInt() >= 4, read.toString());
        assertTrue(read.get("partitions_with_records").asInt() > 1, read.toString());
        assertTrue(read.get("largest_partition_records").asLong() < records, read.toString());
    }

    /**
     * The fates' cache compressed or not (the setting, or {@code auto}: uncompressed for a small input on a
     * local master) gives the same staged and quarantined records, says which in the run record, and leaves
     * the session's own columnar setting as it was.
     */
    @Test
    void theFatesCacheCompressedOrNotGivesTheSameTables() throws Exception {
        Path in = goldenInput();
        SparkSession spark = SparkTestSupport.spark();
        String columnar = "spark.sql.inMemoryColumnarStorage.compressed";
        String before = spark.conf().get(columnar);
        java.util.Map<String, org.apache.spark.sql.Dataset<org.apache.spark.sql.Row>> staged = new java.util.HashMap<>();
        for (String setting : new String[]{"true", "false", "auto"}) {
            Path out = tmp.resolve("out-" + setting);
            assertEquals(0, ingest(in, out, Ingest.CACHE_COMPRESSED, setting));
            assertEquals(before, spark.conf().get(columnar), "the session's setting is restored");
            JsonNode ingest = new ObjectMapper().readTree(out.resolve("_RUN.json").toFile()).get("stages").get("ingest");
            assertEquals(setting.equals("true"), ingest.get("fates_cache_compressed").asBoolean(), setting);
            for (String table : new String[]{"staged_dossiers", "quarantine"}) {
                staged.put(setting + table, spark.read().parquet(out.resolve("tables").resolve(table) + "/*")
                        .drop("run_id", "ingested_at"));
            }
        }
        for (String table : new String[]{"staged_dossiers", "quarantine"}) {
            org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> compressed = staged.get("true" + table);
            assertTrue(compressed.count() > 0, table);
            for (String other : new String[]{"false", "auto"}) {
                assertEquals(compressed.count(), staged.get(other + table).count(), table + " " + other);
                assertEquals(0, compressed.exceptAll(staged.get(other + table)).count(), table + " " + other);
            }
        }
    }

    /** An input folder with the golden fixture's reference files and its dossier file. */
    private Path goldenInput() throws java.io.IOException {
        Path golden = SparkTestSupport.golden();
        Path in = tmp.resolve("in");
        Files.createDirectories(in.resolve("dossiers"));
        for (String f : new String[]{"units.csv", "procedures.csv", "holidays.csv", "dossiers/dossiers.csv"}) {
            Files.copy(golden.resolve(f), in.resolve(f));
        }
        return in;
    }

    /** Runs the ingest command with one Spark setting for the run; its exit code. */
    private static int ingest(Path in, Path out, String key, String value) {
        SparkSession spark = SparkTestSupport.spark();
        spark.conf().set(key, value);
        try {
            return Main.run(new String[]{"ingest", "--input", in.toString(), "--output", out.toString(),
                    "--run-date", "2026-11-22"}, quiet(), quiet());
        } finally {
            spark.conf().unset(key);
        }
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream());
    }
}
