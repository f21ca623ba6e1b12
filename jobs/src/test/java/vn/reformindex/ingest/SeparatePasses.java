package vn.reformindex.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.reformindex.core.ExitCode;
import vn.reformindex.core.PipelineException;
import vn.reformindex.io.SerializableConf;
import vn.reformindex.io.Storage;
import vn.reformindex.reference.ReferenceData;

/**
 * The reading and the audit of the dossier files as two separate passes, each file read whole by each: what the
 * stage's one pass ({@link Ingest#readOnce}) must equal, the records read without the audit and the header and
 * field names checked apart from them (the bytes' checks are {@link AuditedInput}'s, whose line and offset the
 * tests assert by hand). Tests only; the stage never reads a file twice.
 */
final class SeparatePasses {
    private SeparatePasses() {
    }

    /**
     * The audit pass, one task per file: size, checksum, strict UTF-8, header. Fails as the stage does, naming
     * the file, line and expectation, when any file is unreadable. Returns one small result per file.
     */
    static List<FileAuditResult> audit(SparkSession spark, Storage storage, List<InputFile> files,
                                       Map<String, String> aliases) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        SerializableConf conf = new SerializableConf(storage.conf());
        HashMap<String, String> aliasMap = new HashMap<>(aliases);
        List<FileAuditResult> results = jsc.parallelize(files, Math.max(1, files.size()))
                .map(f -> auditFile(f, conf.storage(), aliasMap))
                .collect();
        List<String> errors = new ArrayList<>();
        for (FileAuditResult r : results) {
            if (r.error != null) {
                errors.add(r.error);
            }
        }
        if (!errors.isEmpty()) {
            throw new PipelineException(ExitCode.UNREADABLE_INPUT, "unreadable input: " + String.join("; ", errors));
        }
        return results;
    }

    /** Reads every file into raw records (schema {@link RawRecords#SCHEMA}), one task per file. */
    static Dataset<Row> read(SparkSession spark, Storage storage, List<InputFile> files, ReferenceData ref) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        SerializableConf conf = new SerializableConf(storage.conf());
        HashMap<String, String> aliases = new HashMap<>(ref.columnAliases);
        Set<String> known = new HashSet<>();
        ref.units.all().forEach(u -> known.add(u.code));
        JavaRDD<Row> rows = jsc.parallelize(files, Math.max(1, files.size()))
                .flatMap(f -> new RecordReader(f, aliases, known).read(conf.storage()));
        return spark.createDataFrame(rows, RawRecords.SCHEMA);
    }

    static FileAuditResult auditFile(InputFile file, Storage storage, Map<String, String> aliases) throws IOException {
        // The bytes through the one pass's own audited text, read to its end: size, SHA-256 and the UTF-8 check.
        long size;
        String sha256;
        String error;
        try (AuditedInput text = new AuditedInput(storage.open(file.uri), null)) {
            char[] skip = new char[1 << 14];
            while (text.read(skip, 0, skip.length) >= 0) {
                // only the audit is wanted here
            }
            text.drain();
            size = text.size();
            sha256 = text.sha256();
            error = text.error();
        }
        List<String> unknown = new ArrayList<>();
        List<String> aliasesUsed = new ArrayList<>();
        if (error == null && file.format == InputFile.Format.CSV) {
            try (Reader r = TextInput.open(storage, file)) {
                error = FileAudit.headerError(new CsvSplitter(r).next(), aliases, unknown, aliasesUsed);
            }
        } else if (error == null) {
            jsonFieldNames(file, storage, aliases, unknown, aliasesUsed);
        }
        return new FileAuditResult(file.name, size, sha256,
                error == null ? null : file.name + ", " + error, unknown, aliasesUsed);
    }

    /**
     * Top-level field names of every object line that the contract does not know (each reported once, at
     * most {@link ColumnMapping#MAX_REPORTED_NAMES}, long or unprintable names by their length only).
     */
    private static void jsonFieldNames(InputFile file, Storage storage, Map<String, String> aliases,
                                       List<String> unknown, List<String> aliasesUsed) throws IOException {
        java.util.Set<String> unknownSet = new java.util.LinkedHashSet<>();
        TreeSet<String> aliasSet = new TreeSet<>();
        try (Reader r = TextInput.open(storage, file)) {
            TextInput.LineReader lines = new TextInput.LineReader(r);
            TextInput.Line l;
            while ((l = lines.next()) != null) {
                String line = l.text.text();
                if (line == null || l.blank()) {
                    continue; // an oversized line is quarantined by the reader
                }
                List<String> names = FileAudit.topLevelNames(line);
                if (names != null) { // else a malformed record: the reader quarantines it, its "names" are not reported
                    FileAudit.addNames(names, aliases, unknownSet, aliasSet);
                }
            }
        }
        FileAudit.report(unknownSet, aliasSet, unknown, aliasesUsed);
    }
}
