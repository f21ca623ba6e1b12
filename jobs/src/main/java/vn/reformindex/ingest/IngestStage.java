package vn.reformindex.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import vn.reformindex.cli.ExitCode;
import vn.reformindex.cli.PipelineException;
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

    @Override
    public StageOutput run(StageContext ctx, Map<String, Dataset<Row>> inputs) {
        List<InputFile> files = Ingest.listFiles(ctx.storage, ctx.config.input());
        List<FileAuditResult> audits = Ingest.audit(ctx.spark, ctx.storage, files, ctx.reference.columnAliases);
        // Cached: the read count and the fates both come from one pass over the files.
        Dataset<Row> raw = Ingest.read(ctx.spark, ctx.storage, files, ctx.reference).persist(StorageLevel.MEMORY_AND_DISK_SER());
        Dataset<Row> fates = Ingest.fates(raw, ctx.reference, tamper).persist(StorageLevel.MEMORY_AND_DISK_SER());
        Dataset<Row> staged = IngestTables.staged(fates);
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
        return new StageOutput()
                .table(STAGED, staged)
                .table(QUARANTINE, IngestTables.quarantine(fates))
                .table(RECONCILIATION, IngestTables.reconciliation(raw, fates))
                .table(WARNINGS, IngestTables.fileWarnings(ctx.spark, audits).unionByName(IngestTables.recordWarnings(staged)))
                .note("input_files", fileNotes)
                .whenWritten(() -> {
                    fates.unpersist();
                    raw.unpersist();
                });
    }

    /** Fails with exit code 4 when any file and unit does not balance; records the totals. */
    @Override
    public void verify(StageContext ctx, Map<String, Dataset<Row>> written, RunManifest manifest) {
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
