package vn.reformindex.ingest;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.storage.StorageLevel;
import vn.reformindex.core.ExitCode;
import vn.reformindex.core.WarningCode;
import vn.reformindex.stage.RunContext;
import vn.reformindex.stage.Stage;
import vn.reformindex.stage.StageInputs;
import vn.reformindex.stage.StageOutput;
import vn.reformindex.stage.Verification;
import vn.reformindex.table.TableDecl;
import vn.reformindex.table.Tables;

/**
 * The ingest stage: input files in; staged_dossiers, quarantine, reconciliation and ingest_warnings out.
 * Fails the run when a file is unreadable (before any record is processed) or when records are lost.
 */
public final class IngestStage implements Stage {
    private static final TableDecl STAGED = Tables.STAGED_DOSSIERS;
    private static final TableDecl QUARANTINE = Tables.QUARANTINE;
    private static final TableDecl RECONCILIATION = Tables.RECONCILIATION;
    private static final TableDecl WARNINGS = Tables.INGEST_WARNINGS;
    private static final TableDecl INGESTED_FILES = Tables.INGESTED_FILES;

    /** Null in production: the records then go from the reader to validation without a Dataset in between. */
    private final UnaryOperator<Dataset<Row>> tamper;

    public IngestStage() {
        this.tamper = null;
    }

    /** For tests: {@code tamper} is applied between the reader and dedup (e.g. to drop a record). */
    public IngestStage(UnaryOperator<Dataset<Row>> tamper) {
        this.tamper = java.util.Objects.requireNonNull(tamper);
    }

    @Override
    public String name() {
        return Tables.INGEST;
    }

    @Override
    public List<TableDecl> inputs() {
        return List.of();
    }

    /** What earlier runs ingested: an incremental run adds to it. */
    @Override
    public List<TableDecl> optionalInputs() {
        return List.of(INGESTED_FILES, STAGED, QUARANTINE, RECONCILIATION, WARNINGS);
    }

    @Override
    public List<TableDecl> outputs() {
        return List.of(STAGED, QUARANTINE, RECONCILIATION, WARNINGS, INGESTED_FILES);
    }

    /** The periods are resolved from what ingest writes. */
    @Override
    public boolean usesPeriods() {
        return false;
    }

    /** reports/rejected-records(.vi).csv, as {@link #plan} cuts it. */
    @Override
    public List<vn.reformindex.report.Report> reports(vn.reformindex.criteria.CriteriaSet set) {
        return List.of(RejectedRecordsReport.report());
    }

    @Override
    public StageOutput plan(RunContext ctx, StageInputs inputs) {
        Ingest.Listing listing = Ingest.list(ctx.storage, ctx.config.input());
        List<InputFile> files = listing.files;
        Map<String, Row> before = new LinkedHashMap<>();
        if (inputs.has(INGESTED_FILES)) {
            for (Row r : inputs.get(INGESTED_FILES).collectAsList()) { // one row per file: small
                before.put(r.getAs("file"), r);
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
                .note("files_skipped_as_already_ingested", skipped)
                .note("ignored_files", ignoredNotes(listing.ignored));
        if (toRead.isEmpty()) {
            return out.note("input_files", List.of()); // nothing new: the published tables stay as they are
        }
        // One pass over the files: each byte is read once, by one streaming task per file, for the audit
        // (size, SHA-256, UTF-8, header), the records read per unit and the records themselves; the records
        // are then spread by MaHoSo over partitions sized by the input (never one partition per file).
        Ingest.Reading reading = Ingest.readOnce(ctx.spark, ctx.storage, toRead, ctx.reference);
        int partitions = Ingest.partitions(ctx.spark, toRead);
        Dataset<Row> tampered = tamper == null ? reading.raw : tamper.apply(reading.raw);
        PartitionCounts perPartition = new PartitionCounts();
        ctx.spark.sparkContext().register(perPartition, "reform-index records per partition");
        Map<Integer, Long> spread;
        Dataset<Row> fates;
        Dataset<Row> staged;
        Dataset<Row> quarantine;
        Dataset<Row> reconciliation;
        List<FileAuditResult> audits;
        if (fullBecause != null) {
            // Validated as they are read, then one shuffle (typed rows; only quarantined records keep their
            // text) for the dedup, then cached: the tables below are cut from it.
            Dataset<Row> validated = tamper == null
                    ? reading.validated(ctx.spark, ctx.reference.units, ctx.reference.procedures)
                    : Ingest.validated(tampered, ctx.reference.units, ctx.reference.procedures);
            Dataset<Row> deduped = Ingest.supersede(Ingest.byDedupCode(validated, partitions));
            boolean compressed = Ingest.compressCache(ctx.spark, toRead);
            out.note("fates_cache_compressed", compressed);
            fates = vn.reformindex.spark.Caches.withCompression(ctx.spark, compressed,
                    () -> deduped.persist(StorageLevel.MEMORY_AND_DISK_SER()));
            // The pass (read, audit, dedup, validation) fills the cache; the tables below are cut from it.
            // Its one action counts the records of each partition of the dedup, for the run record.
            spread = recordsPerPartition(fates);
            audits = reading.audits(); // stops the run on an unreadable file, before anything is written
            staged = IngestTables.staged(fates);
            quarantine = IngestTables.quarantine(fates);
            reconciliation = IngestTables.reconciliationOfCounts(reading.readCounts(ctx.spark), fates);
        } else {
            Dataset<Row> oldStaged = inputs.get(STAGED);
            Dataset<Row> oldQuarantine = inputs.get(QUARANTINE);
            // The new records serve twice (their keys compete with the earlier ones, then they are decided):
            // cached, in the partitions of the dedup, so no file is read twice and no partition is a whole file.
            Dataset<Row> newRecords = Ingest.byDossier(tampered, partitions).persist(StorageLevel.MEMORY_AND_DISK_SER());
            Dataset<Row> ranked = IncrementalIngest.rankedKeys(newRecords, oldStaged, oldQuarantine)
                    .persist(StorageLevel.MEMORY_AND_DISK_SER());
            fates = Ingest.decide(IncrementalIngest.markNew(newRecords, ranked), ctx.reference.units, ctx.reference.procedures,
                            perPartition)
                    .persist(StorageLevel.MEMORY_AND_DISK_SER());
            fates.count();
            spread = perPartition.value();
            audits = reading.audits();
            Dataset<Row> displacedStaged = IncrementalIngest.displaced(ranked, "staged");
            Dataset<Row> displacedQuarantined = IncrementalIngest.displaced(ranked, "quarantine");
            staged = IncrementalIngest.without(oldStaged, displacedStaged).unionByName(IngestTables.staged(fates));
            quarantine = IncrementalIngest.without(oldQuarantine, displacedQuarantined).unionByName(IngestTables.quarantine(fates));
            reconciliation = IncrementalIngest.reconciliation(inputs.get(RECONCILIATION), oldStaged, oldQuarantine,
                    displacedStaged, displacedQuarantined,
                    IngestTables.reconciliationOfCounts(reading.readCounts(ctx.spark), fates));
            out.whenWritten(ranked::unpersist);
            out.whenWritten(newRecords::unpersist);
        }
        Dataset<Row> fileWarnings = IngestTables.fileWarnings(ctx.spark, audits, listing.ignored);
        Dataset<Row> ingested = ingestedFiles(ctx, toRead, audits);
        if (fullBecause == null) {
            fileWarnings = inputs.get(WARNINGS).filter(col("warning").equalTo(WarningCode.UNKNOWN_COLUMN.name()))
                    .unionByName(fileWarnings);
            ingested = inputs.get(INGESTED_FILES).unionByName(ingested);
        }
        Map<String, Object> readNote = readNote(toRead, partitions, spread);
        out.note("read", readNote);
        // Counted once every table is written: a table cut by reading a file again would show here.
        out.whenWritten(() -> readNote.put("file_bytes_read", reading.bytesRead()));
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
                .report(RejectedRecordsReport.report())
                .whenWritten(finalFates::unpersist);
    }

    /** Records per partition of the (cached) fates: one row per partition that has records, so small. */
    private static Map<Integer, Long> recordsPerPartition(Dataset<Row> fates) {
        Map<Integer, Long> spread = new java.util.TreeMap<>();
        for (Row r : fates.groupBy(org.apache.spark.sql.functions.spark_partition_id().as("p")).count().collectAsList()) {
            spread.put(r.getInt(0), r.getLong(1));
        }
        return spread;
    }

    /**
     * How the files were read, for the run record: their bytes, the bytes the reader read (equal when each
     * byte is read once), the partitions the records were spread over and the records of the largest.
     */
    private static Map<String, Object> readNote(List<InputFile> files, int partitions,
                                                Map<Integer, Long> spread) {
        long bytes = 0;
        long largest = 0;
        long records = 0;
        for (InputFile f : files) {
            bytes += f.size;
        }
        for (long n : spread.values()) {
            largest = Math.max(largest, n);
            records += n;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file_bytes", bytes);
        m.put("file_bytes_read", null); // once written
        m.put("partitions", partitions);
        m.put("partitions_with_records", spread.values().stream().filter(n -> n > 0).count());
        m.put("records_decided", records);
        m.put("largest_partition_records", largest);
        return m;
    }

    /** The files under dossiers/ that were not read, with the reason, for the run record. */
    private static List<Map<String, Object>> ignoredNotes(List<Ingest.IgnoredFile> ignored) {
        List<Map<String, Object>> notes = new ArrayList<>();
        for (Ingest.IgnoredFile f : ignored) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("file", f.name);
            n.put("reason", f.reason);
            notes.add(n);
        }
        return notes;
    }

    /** Null when an incremental run is possible; else why every file must be read. */
    private static String fullIngestReason(RunContext ctx, List<InputFile> files, Map<String, Row> before,
                                           StageInputs inputs) {
        if (ctx.config.fullIngest()) {
            return "--full was given";
        }
        if (before.isEmpty() || !inputs.has(STAGED) || !inputs.has(QUARANTINE)
                || !inputs.has(RECONCILIATION) || !inputs.has(WARNINGS)) {
            return "no earlier ingest in this output";
        }
        Map<String, InputFile> now = new LinkedHashMap<>();
        files.forEach(f -> now.put(f.name, f));
        for (Map.Entry<String, Row> e : before.entrySet()) {
            InputFile f = now.get(e.getKey());
            if (f == null) {
                return e.getKey() + " was ingested before and is no longer in the input";
            }
            if (f.size != e.getValue().<Long>getAs("bytes") || f.modifiedAt != e.getValue().<Long>getAs("modified_at_ms")) {
                return e.getKey() + " changed since it was ingested";
            }
        }
        return null;
    }

    /** One row per file read: name, bytes, modification time, SHA-256. */
    private static Dataset<Row> ingestedFiles(RunContext ctx, List<InputFile> read, List<FileAuditResult> audits) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            InputFile f = read.get(i);
            rows.add(RowFactory.create(f.name, f.size, f.modifiedAt, audits.get(i).sha256));
        }
        return ctx.spark.createDataFrame(rows, INGESTED_FILES.schema());
    }

    /** Reconciliation per file and unit (exit code 4 when any does not balance); the totals for the run record. */
    @Override
    public Verification verify(RunContext ctx, StageInputs written) {
        Verification v = Verification.none();
        if (!written.has(RECONCILIATION)) {
            return v; // nothing new was read
        }
        List<Row> rows = written.get(RECONCILIATION).collectAsList(); // files x units: small
        long read = 0, accepted = 0, quarantined = 0, superseded = 0;
        List<String> broken = new ArrayList<>();
        for (Row r : rows) {
            long rd = r.getAs("read"), ac = r.getAs("accepted"), qu = r.getAs("quarantined"), su = r.getAs("superseded");
            read += rd;
            accepted += ac;
            quarantined += qu;
            superseded += su;
            if (!r.<Boolean>getAs("balanced")) {
                broken.add(r.getAs("file") + " unit " + r.getAs("unit_code") + ": read " + rd + " != accepted "
                        + ac + " + quarantined " + qu + " + superseded " + su);
            }
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("read", read);
        totals.put("accepted", accepted);
        totals.put("quarantined", quarantined);
        totals.put("superseded", superseded);
        v.note("reconciliation", totals);
        Map<String, Long> reasons = new LinkedHashMap<>();
        for (Row r : written.get(QUARANTINE).groupBy("reason").count().orderBy("reason").collectAsList()) {
            reasons.put(r.getAs("reason"), r.getAs("count"));
        }
        v.note("quarantine_reasons", reasons);
        return v.check("read = accepted + quarantined + superseded, per file and unit", broken.isEmpty(),
                ExitCode.RECONCILIATION_FAILED, "reconciliation failed, records were lost: " + String.join("; ", broken));
    }
}
