package vn.reformindex.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import static org.apache.spark.sql.functions.col;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import vn.reformindex.core.ExitCode;
import vn.reformindex.core.PipelineException;
import vn.reformindex.pipeline.RunManifest;
import vn.reformindex.pipeline.Stage;
import vn.reformindex.pipeline.StageContext;
import vn.reformindex.pipeline.StageOutput;

/**
 * The ingest stage: input files in; staged_dossiers, quarantine, reconciliation and ingest_warnings out.
 * Fails the run when a file is unreadable (before any record is processed) or when records are lost.
 */
public final class IngestStage implements Stage {
    public static final String STAGED = "staged_dossiers";
    public static final String QUARANTINE = "quarantine";
    public static final String RECONCILIATION = "reconciliation";
    public static final String WARNINGS = "ingest_warnings";
    public static final String INGESTED_FILES = "ingested_files";

    private final UnaryOperator<Dataset<Row>> tamper;

    public IngestStage() {
        this(UnaryOperator.identity());
    }

    /** For tests: {@code tamper} is applied between the reader and dedup (e.g. to drop a record). */
    public IngestStage(UnaryOperator<Dataset<Row>> tamper) {
        this.tamper = tamper;
    }

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public List<String> inputs() {
        return List.of();
    }

    /** What earlier runs ingested: an incremental run adds to it. */
    @Override
    public List<String> optionalInputs() {
        return List.of(INGESTED_FILES, STAGED, QUARANTINE, RECONCILIATION, WARNINGS);
    }

    @Override
    public StageOutput run(StageContext ctx, Map<String, Dataset<Row>> inputs) {
        List<InputFile> files = Ingest.listFiles(ctx.storage, ctx.config.input());
        Map<String, Row> before = new LinkedHashMap<>();
        if (inputs.containsKey(INGESTED_FILES)) {
            for (Row r : inputs.get(INGESTED_FILES).collectAsList()) { // one row per file: small
                before.put(r.getString(0), r);
            }
        }
        String fullBecause = fullIngestReason(ctx, files, before, inputs);
        List<InputFile> toRead = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (InputFile f : files) {
            if (fullBecause == null && before.containsKey(f.name)) {
                skipped.add(f.name);
            } else {
                toRead.add(f);
            }
        }
        StageOutput out = new StageOutput()
                .note("mode", fullBecause == null ? "incremental" : "full")
                .note("full_because", fullBecause)
                .note("files_skipped_as_already_ingested", skipped);
        if (toRead.isEmpty()) {
            return out.note("input_files", List.of()); // nothing new: the published tables stay as they are
        }
        List<FileAuditResult> audits = Ingest.audit(ctx.spark, ctx.storage, toRead, ctx.reference.columnAliases);
        // Cached: the read count and the fates both come from one pass over the files.
        Dataset<Row> raw = Ingest.read(ctx.spark, ctx.storage, toRead, ctx.reference).persist(StorageLevel.MEMORY_AND_DISK_SER());
        Dataset<Row> tampered = tamper.apply(raw);
        Dataset<Row> fates;
        Dataset<Row> staged;
        Dataset<Row> quarantine;
        Dataset<Row> reconciliation;
        Dataset<Row> fileWarnings = IngestTables.fileWarnings(ctx.spark, audits);
        Dataset<Row> ingested = ingestedFiles(ctx, toRead, audits);
        if (fullBecause != null) {
            fates = Ingest.decide(Ingest.markSuperseded(tampered), ctx.reference.units, ctx.reference.procedures)
                    .persist(StorageLevel.MEMORY_AND_DISK_SER());
            staged = IngestTables.staged(fates);
            quarantine = IngestTables.quarantine(fates);
            reconciliation = IngestTables.reconciliation(raw, fates);
        } else {
            Dataset<Row> oldStaged = inputs.get(STAGED);
            Dataset<Row> oldQuarantine = inputs.get(QUARANTINE);
            Dataset<Row> ranked = IncrementalIngest.rankedKeys(tampered, oldStaged, oldQuarantine)
                    .persist(StorageLevel.MEMORY_AND_DISK_SER());
            fates = Ingest.decide(IncrementalIngest.markNew(tampered, ranked), ctx.reference.units, ctx.reference.procedures)
                    .persist(StorageLevel.MEMORY_AND_DISK_SER());
            Dataset<Row> displacedStaged = IncrementalIngest.displaced(ranked, "staged");
            Dataset<Row> displacedQuarantined = IncrementalIngest.displaced(ranked, "quarantine");
            staged = IncrementalIngest.without(oldStaged, displacedStaged).unionByName(IngestTables.staged(fates));
            quarantine = IncrementalIngest.without(oldQuarantine, displacedQuarantined).unionByName(IngestTables.quarantine(fates));
            reconciliation = IncrementalIngest.reconciliation(inputs.get(RECONCILIATION), oldStaged, oldQuarantine,
                    displacedStaged, displacedQuarantined, IngestTables.reconciliation(raw, fates));
            fileWarnings = inputs.get(WARNINGS).filter(col("warning").equalTo(WarningCode.UNKNOWN_COLUMN.name()))
                    .unionByName(fileWarnings);
            ingested = inputs.get(INGESTED_FILES).unionByName(ingested);
            out.whenWritten(ranked::unpersist);
        }
        List<Map<String, Object>> fileNotes = new ArrayList<>();
        for (FileAuditResult a : audits) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("file", a.name);
            f.put("bytes", a.size);
            f.put("sha256", a.sha256);
            if (!a.unknownColumns.isEmpty()) {
                f.put("unknown_columns", a.unknownColumns);
            }
            if (!a.aliasesUsed.isEmpty()) {
                f.put("aliases_used", a.aliasesUsed);
            }
            fileNotes.add(f);
        }
        Dataset<Row> finalFates = fates;
        return out
                .table(STAGED, staged)
                .table(QUARANTINE, quarantine)
                .table(RECONCILIATION, reconciliation)
                .table(WARNINGS, fileWarnings.unionByName(IngestTables.recordWarnings(staged)))
                .table(INGESTED_FILES, ingested)
                .note("input_files", fileNotes)
                .whenWritten(() -> {
                    finalFates.unpersist();
                    raw.unpersist();
                });
    }

    /** Null when an incremental run is possible; else why every file must be read. */
    private static String fullIngestReason(StageContext ctx, List<InputFile> files, Map<String, Row> before,
                                           Map<String, Dataset<Row>> inputs) {
        if (ctx.config.fullIngest()) {
            return "--full was given";
        }
        if (before.isEmpty() || !inputs.containsKey(STAGED) || !inputs.containsKey(QUARANTINE)
                || !inputs.containsKey(RECONCILIATION) || !inputs.containsKey(WARNINGS)) {
            return "no earlier ingest in this output";
        }
        Map<String, InputFile> now = new LinkedHashMap<>();
        files.forEach(f -> now.put(f.name, f));
        for (Map.Entry<String, Row> e : before.entrySet()) {
            InputFile f = now.get(e.getKey());
            if (f == null) {
                return e.getKey() + " was ingested before and is no longer in the input";
            }
            if (f.size != e.getValue().getLong(1) || f.modifiedAt != e.getValue().getLong(2)) {
                return e.getKey() + " changed since it was ingested";
            }
        }
        return null;
    }

    /** One row per file read: name, bytes, modification time, SHA-256. */
    private static Dataset<Row> ingestedFiles(StageContext ctx, List<InputFile> read, List<FileAuditResult> audits) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            InputFile f = read.get(i);
            rows.add(RowFactory.create(f.name, f.size, f.modifiedAt, audits.get(i).sha256));
        }
        return ctx.spark.createDataFrame(rows, INGESTED_FILES_SCHEMA);
    }

    public static final StructType INGESTED_FILES_SCHEMA = new StructType()
            .add("file", DataTypes.StringType, false)
            .add("bytes", DataTypes.LongType, false)
            .add("modified_at_ms", DataTypes.LongType, false)
            .add("sha256", DataTypes.StringType, false);

    /** Fails with exit code 4 when any file and unit does not balance; records the totals. */
    @Override
    public void verify(StageContext ctx, Map<String, Dataset<Row>> written, RunManifest manifest) {
        if (!written.containsKey(RECONCILIATION)) {
            return; // nothing new was read
        }
        List<Row> rows = written.get(RECONCILIATION).collectAsList(); // files x units: small
        long read = 0, accepted = 0, quarantined = 0, superseded = 0;
        List<String> broken = new ArrayList<>();
        for (Row r : rows) {
            read += r.getLong(2);
            accepted += r.getLong(3);
            quarantined += r.getLong(4);
            superseded += r.getLong(5);
            if (!r.getBoolean(6)) {
                broken.add(r.getString(0) + " unit " + r.getString(1) + ": read " + r.getLong(2) + " != accepted "
                        + r.getLong(3) + " + quarantined " + r.getLong(4) + " + superseded " + r.getLong(5));
            }
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("read", read);
        totals.put("accepted", accepted);
        totals.put("quarantined", quarantined);
        totals.put("superseded", superseded);
        manifest.put("reconciliation", totals);
        Map<String, Long> reasons = new LinkedHashMap<>();
        for (Row r : written.get(QUARANTINE).groupBy("reason").count().orderBy("reason").collectAsList()) {
            reasons.put(r.getString(0), r.getLong(1));
        }
        manifest.put("quarantine_reasons", reasons);
        if (!broken.isEmpty()) {
            throw new PipelineException(ExitCode.RECONCILIATION_FAILED, "reconciliation failed, records were lost: "
                    + String.join("; ", broken));
        }
    }
}
