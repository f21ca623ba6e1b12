package vn.reformindex.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.io.Storage;
import vn.reformindex.reference.ReferenceData;
import vn.reformindex.reference.ReferenceLoader;

/**
 * Runs ingest's functions on an input folder as the ingest stage does (list, audit, read, dedup, validate)
 * and cuts its tables, so that tests can check fates, reconciliation and every string the tables hold.
 */
final class IngestHarness {
    final Ingest.Listing listing;
    final List<FileAuditResult> audits;
    final Dataset<Row> raw;
    final Dataset<Row> fates;
    private final SparkSession spark;

    private IngestHarness(Path input) {
        spark = SparkTestSupport.spark();
        Storage storage = Storage.local();
        ReferenceData ref = ReferenceLoader.load(storage, input.toString());
        listing = Ingest.list(storage, input.toString());
        // The stage's one pass (records and audit from the same bytes); its audit must equal the separate pass's.
        Ingest.Reading reading = Ingest.readOnce(spark, storage, listing.files, ref);
        raw = reading.raw.cache();
        raw.count();
        List<FileAuditResult> separate = SeparatePasses.audit(spark, storage, listing.files, ref.columnAliases);
        audits = reading.audits();
        for (int i = 0; i < audits.size(); i++) {
            assertSameAudit(separate.get(i), audits.get(i));
        }
        fates = Ingest.fates(raw, ref, UnaryOperator.identity()).cache();
    }

    static void assertSameAudit(FileAuditResult expected, FileAuditResult actual) {
        String e = expected.name + " " + expected.size + " " + expected.sha256 + " " + expected.error + " "
                + expected.unknownColumns + " " + expected.aliasesUsed;
        String a = actual.name + " " + actual.size + " " + actual.sha256 + " " + actual.error + " "
                + actual.unknownColumns + " " + actual.aliasesUsed;
        if (!e.equals(a)) {
            throw new AssertionError("one-pass audit differs from the audit pass:\n expected " + e + "\n actual   " + a);
        }
    }

    /** Ingests the folder (throws the stage's PipelineException when a file is refused). */
    static IngestHarness run(Path input) {
        return new IngestHarness(input);
    }

    Dataset<Row> staged() {
        return IngestTables.staged(fates);
    }

    Dataset<Row> quarantine() {
        return IngestTables.quarantine(fates);
    }

    Dataset<Row> reconciliation() {
        return IngestTables.reconciliation(raw, fates);
    }

    Dataset<Row> warnings() {
        return IngestTables.fileWarnings(spark, audits, listing.ignored).unionByName(IngestTables.recordWarnings(staged()));
    }

    /** "file:line" -> "fate" or "quarantined:REASON", for every record read. */
    Map<String, String> outcomes() {
        Map<String, String> m = new TreeMap<>();
        for (Row r : fates.select("source_file", "source_line", "fate", "reason").collectAsList()) {
            m.put(r.getString(0) + ":" + r.getLong(1), r.getString(2) + (r.isNullAt(3) ? "" : ":" + r.getString(3)));
        }
        return m;
    }

    /** "file|unit" -> "read,accepted,quarantined,superseded", and every row balanced. */
    Map<String, String> reconciliationCounts() {
        Map<String, String> m = new TreeMap<>();
        for (Row r : reconciliation().collectAsList()) {
            if (!r.<Boolean>getAs("balanced")) {
                throw new AssertionError("unbalanced reconciliation row " + r);
            }
            m.put(r.getAs("file") + "|" + r.getAs("unit_code"),
                    r.getAs("read") + "," + r.getAs("accepted") + "," + r.getAs("quarantined") + "," + r.getAs("superseded"));
        }
        return m;
    }

    /**
     * Every output of ingest as text: each row of the staged, quarantine, reconciliation and warning
     * tables as JSON (prefixed by the table's name), and the run-record notes of each file.
     */
    List<String> allText() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Dataset<Row>> t : Map.of("staged_dossiers", staged(), "quarantine", quarantine(),
                "reconciliation", reconciliation(), "ingest_warnings", warnings()).entrySet()) {
            for (String row : t.getValue().toJSON().collectAsList()) {
                out.add(t.getKey() + " " + row);
            }
        }
        for (FileAuditResult a : audits) {
            out.add("_RUN.json input_files " + a.name + " " + a.unknownColumns + " " + a.aliasesUsed);
        }
        for (Ingest.IgnoredFile f : listing.ignored) {
            out.add("_RUN.json ignored_files " + f.name + " " + f.reason);
        }
        return out;
    }

    /** The texts holding any of the secrets (as they are, or JSON-escaped), for an assertion message. */
    static List<String> leaks(List<String> texts, List<String> secrets) {
        List<String> hits = new ArrayList<>();
        for (String t : texts) {
            for (String s : secrets) {
                if (t.contains(s) || t.contains(jsonEscaped(s))) {
                    hits.add(s + " in: " + (t.length() > 300 ? t.substring(0, 300) + "..." : t));
                }
            }
        }
        return hits;
    }

    private static String jsonEscaped(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c < 0x80 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return b.toString();
    }
}
