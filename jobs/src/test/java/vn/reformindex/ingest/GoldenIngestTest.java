package vn.reformindex.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.io.Storage;
import vn.reformindex.reference.ReferenceData;
import vn.reformindex.reference.ReferenceLoader;

/** The golden fixture's fates and reconciliation, exactly. */
class GoldenIngestTest {
    private static Dataset<Row> raw;
    private static Dataset<Row> fates;

    @BeforeAll
    static void ingest() {
        SparkSession spark = SparkTestSupport.spark();
        Storage storage = Storage.local();
        String input = SparkTestSupport.golden().toString();
        ReferenceData ref = ReferenceLoader.load(storage, input);
        List<InputFile> files = Ingest.listFiles(storage, input);
        SeparatePasses.audit(spark, storage, files, ref.columnAliases);
        raw = SeparatePasses.read(spark, storage, files, ref).cache();
        fates = Ingest.fates(raw, ref, UnaryOperator.identity()).cache();
    }

    @Test
    void everyDossierHasItsExpectedFate() throws IOException {
        Map<String, String> expected = new TreeMap<>();
        List<String> lines = Files.readAllLines(SparkTestSupport.golden().resolve("expected-dossiers.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            expected.put(c[0], c[1] + "|" + c[2] + "|" + c[3]);
        }
        Map<String, String> actual = new TreeMap<>();
        for (Row r : fates.filter("fate <> 'superseded'").select("dossier_code", "fate", "reason", "unit_code").collectAsList()) {
            String key = r.getString(0);
            String value = r.getString(1) + "|" + (r.isNullAt(2) ? "" : r.getString(2)) + "|" + (r.isNullAt(3) ? "" : r.getString(3));
            String previous = actual.put(key, value);
            assertEquals(null, previous, "one non-superseded version per dossier: " + key);
        }
        assertEquals(expected, actual);
    }

    @Test
    void reconciliationMatchesTheFixture() throws IOException {
        List<String> lines = Files.readAllLines(SparkTestSupport.golden().resolve("expected-reconciliation.csv"));
        Map<String, String> expected = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            expected.put(c[0] + "|" + c[1], c[2] + "," + c[3] + "," + c[4] + "," + c[5]);
        }
        Map<String, String> actual = new HashMap<>();
        long read = 0;
        for (Row r : IngestTables.reconciliation(raw, fates).collectAsList()) {
            actual.put(r.getString(0) + "|" + r.getString(1), r.getLong(2) + "," + r.getLong(3) + "," + r.getLong(4) + "," + r.getLong(5));
            assertTrue(r.getBoolean(6));
            read += r.getLong(2);
        }
        assertEquals(expected, new TreeMap<>(actual));
        assertEquals(83, read);
    }
}
