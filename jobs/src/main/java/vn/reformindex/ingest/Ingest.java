package vn.reformindex.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import vn.reformindex.core.ExitCode;
import vn.reformindex.core.PipelineException;
import vn.reformindex.io.SerializableConf;
import vn.reformindex.io.Storage;
import vn.reformindex.reference.ReferenceData;
import vn.reformindex.reference.UnitRegistry;

/**
 * The ingest layer's functions: list and audit the dossier files, read them into raw records (one task
 * per file), mark superseded re-syncs, decide every record's fate. The caller (the ingest stage) cuts
 * the staged, quarantine and reconciliation tables from the fates.
 */
public final class Ingest {
    private Ingest() {
    }

    /** Why a file under {@code dossiers/} is not read: its name's ending. */
    public static final String NOT_A_DOSSIER_FILE = "not read: only *.csv, *.jsonl and *.json files are dossier files";
    /** Why a file under {@code dossiers/} is not read: a hidden or bookkeeping name. */
    public static final String HIDDEN_FILE = "not read: the name starts with '.' or '_' (hidden or bookkeeping file)";

    /** A file under {@code <input>/dossiers/} that is not read, with the reason; listed in the run record and warnings. */
    public static final class IgnoredFile implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        /** Relative to the input folder, like {@link InputFile#name}. */
        public final String name;
        public final String reason;

        IgnoredFile(String name, String reason) {
            this.name = name;
            this.reason = reason;
        }
    }

    /** The dossier files to read (sorted by path) and the other files found beside them. */
    public static final class Listing {
        public final List<InputFile> files;
        public final List<IgnoredFile> ignored;

        Listing(List<InputFile> files, List<IgnoredFile> ignored) {
            this.files = List.copyOf(files);
            this.ignored = List.copyOf(ignored);
        }
    }

    /** The dossier files under {@code <input>/dossiers/}, sorted by path; other files are ignored. */
    public static List<InputFile> listFiles(Storage storage, String inputDir) {
        return list(storage, inputDir).files;
    }

    /**
     * Lists {@code <input>/dossiers/} recursively: {@code *.csv}, {@code *.jsonl} and {@code *.json} files are
     * read; every other file, and names starting with '.' or '_', are ignored but listed (nothing is dropped
     * silently). Stops the run (exit 3) when there is no dossier file.
     */
    public static Listing list(Storage storage, String inputDir) {
        String dir = Storage.join(inputDir, "dossiers");
        List<InputFile> files = new ArrayList<>();
        List<IgnoredFile> ignored = new ArrayList<>();
        try {
            String base = storage.qualify(inputDir);
            for (FileStatus s : storage.listFiles(dir)) {
                String uri = s.getPath().toString();
                String fileName = s.getPath().getName();
                InputFile.Format format = InputFile.formatOf(fileName);
                String qualified = storage.qualify(uri);
                String name = qualified.startsWith(base) ? qualified.substring(base.length()).replaceFirst("^/+", "") : uri;
                if (fileName.startsWith(".") || fileName.startsWith("_")) {
                    ignored.add(new IgnoredFile(name, HIDDEN_FILE));
                } else if (format == null) {
                    ignored.add(new IgnoredFile(name, NOT_A_DOSSIER_FILE));
                } else {
                    files.add(new InputFile(qualified, name, format, s.getLen(), s.getModificationTime()));
                }
            }
        } catch (IOException e) {
            throw new PipelineException(ExitCode.UNREADABLE_INPUT, dir + ": cannot be listed: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new PipelineException(ExitCode.UNREADABLE_INPUT, dir
                    + ": expected at least one dossier file (*.csv, *.jsonl, *.json), found none"
                    + (ignored.isEmpty() ? "" : " (" + ignored.size() + " other file" + (ignored.size() == 1 ? "" : "s")
                    + " ignored, e.g. " + ignored.get(0).name + ")"));
        }
        return new Listing(files, ignored);
    }

    /** The Spark setting: input bytes per partition after the read (default 64 MiB; tests set a small one). */
    public static final String PARTITION_BYTES = "spark.reformindex.ingest.partitionBytes";
    static final String DEFAULT_PARTITION_BYTES = "64m";

    /**
     * The one pass over the files: the raw records and, once a job has consumed them, each file's audit.
     * Each file is read by one task as a stream (its SHA-256, line numbers and CSV quotes are sequential),
     * and its bytes are read once: the audit is computed from the same bytes as the records.
     */
    public static final class Reading {
        public final Dataset<Row> raw;
        /** The records for {@link #validated}: the same pass, the masked text of CSV records made only when kept. */
        private final JavaRDD<Row> rows;
        private final List<InputFile> files;
        private final FileReports reports;
        private final org.apache.spark.util.LongAccumulator bytesRead;

        Reading(JavaRDD<Row> rows, Dataset<Row> raw, List<InputFile> files, FileReports reports,
                org.apache.spark.util.LongAccumulator bytesRead) {
            this.rows = rows;
            this.raw = raw;
            this.files = files;
            this.reports = reports;
            this.bytesRead = bytesRead;
        }

        /**
         * The records validated in the reading task itself (schema {@link #VALIDATED}), as {@link
         * Ingest#validated} makes them from {@link #raw}: each record goes from the reader's row to its
         * validated row without being turned into Spark's row format and back in between.
         */
        public Dataset<Row> validated(SparkSession spark, UnitRegistry units,
                                      vn.reformindex.reference.ProcedureCatalogue procedures) {
            RecordValidator validator = new RecordValidator(units, procedures);
            RecordValidator.Layout layout = RecordValidator.RAW;
            return spark.createDataFrame(rows.map(r -> validatedRow(validator, layout, r)), VALIDATED);
        }

        /**
         * Bytes read from the input files so far, by every attempt of every task: the files' size when each
         * byte was read once, a multiple when anything read a file again.
         */
        public long bytesRead() {
            return bytesRead.value();
        }

        /**
         * Each file's audit, in the order of the files; after a job consumed every record. Fails the run
         * (exit 3), naming the file, line and expectation, when any file is unreadable.
         */
        public List<FileAuditResult> audits() {
            Map<String, FileAuditResult> byFile = reports.value();
            List<FileAuditResult> results = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            for (InputFile f : files) {
                FileAuditResult r = byFile.get(f.name);
                if (r == null) {
                    throw new IllegalStateException(f.name + " has not been read to its end yet");
                }
                results.add(r);
                if (r.error != null) {
                    errors.add(r.error);
                }
            }
            if (!errors.isEmpty()) {
                throw new PipelineException(ExitCode.UNREADABLE_INPUT, "unreadable input: " + String.join("; ", errors));
            }
            return results;
        }

        /** Records read per file and reconciliation unit, counted by the reader (file, unit_code, read): small. */
        public Dataset<Row> readCounts(SparkSession spark) {
            List<Row> rows = new ArrayList<>();
            for (FileAuditResult a : audits()) {
                a.recordsRead.forEach((unit, n) -> rows.add(org.apache.spark.sql.RowFactory.create(a.name, unit, n)));
            }
            return spark.createDataFrame(rows, new org.apache.spark.sql.types.StructType()
                    .add("file", org.apache.spark.sql.types.DataTypes.StringType, false)
                    .add("unit_code", org.apache.spark.sql.types.DataTypes.StringType, false)
                    .add("read", org.apache.spark.sql.types.DataTypes.LongType, false));
        }
    }

    /** The one-pass read (see {@link Reading}): raw records (schema {@link RawRecords#SCHEMA}), one task per file. */
    public static Reading readOnce(SparkSession spark, Storage storage, List<InputFile> files, ReferenceData ref) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        SerializableConf conf = new SerializableConf(storage.conf());
        HashMap<String, String> aliases = new HashMap<>(ref.columnAliases);
        Set<String> known = new HashSet<>();
        ref.units.all().forEach(u -> known.add(u.code));
        FileReports reports = new FileReports();
        spark.sparkContext().register(reports, "reform-index file audits");
        org.apache.spark.util.LongAccumulator bytesRead = spark.sparkContext().longAccumulator("reform-index input bytes read");
        JavaRDD<InputFile> input = jsc.parallelize(files, Math.max(1, files.size()));
        // Two plans over the same pass; a run executes one of them (the read-once test counts the bytes).
        JavaRDD<Row> rows = input.flatMap(f -> new RecordReader(f, aliases, known)
                .readAudited(conf.storage(), reports::add, bytesRead));
        JavaRDD<Row> lazyRows = input.flatMap(f -> new RecordReader(f, aliases, known)
                .readAudited(conf.storage(), reports::add, bytesRead, true));
        return new Reading(lazyRows, spark.createDataFrame(rows, RawRecords.SCHEMA), files, reports, bytesRead);
    }

    /** The Spark setting: whether ingest's cache of the fates is compressed ({@code true}, {@code false} or {@code auto}). */
    public static final String CACHE_COMPRESSED = "spark.reformindex.ingest.cacheCompressed";

    /**
     * Whether the fates' cache is compressed. Building the compressed columnar cache (a dictionary per text
     * column) was a third of the dedup job (1M dossiers: 13.1 s, 9.1 s uncompressed); uncompressed it takes
     * more memory, so {@code auto} (the default) leaves it uncompressed only on a local master whose heap
     * holds eight times the input (about 2 million dossiers in the default 4 GB: the cache stays in memory
     * beside the run's other work), and compressed otherwise.
     */
    public static boolean compressCache(SparkSession spark, List<InputFile> files) {
        String set = spark.conf().get(CACHE_COMPRESSED, "auto").trim();
        if (!"auto".equalsIgnoreCase(set)) {
            return Boolean.parseBoolean(set);
        }
        long bytes = 0;
        for (InputFile f : files) {
            bytes += f.size;
        }
        return !spark.sparkContext().isLocal() || bytes > Runtime.getRuntime().maxMemory() / 8;
    }

    /**
     * How many partitions the records of the files are spread over after the read: one per
     * {@link #PARTITION_BYTES} of input (at least the default parallelism), so a task's memory depends on
     * that budget, never on the size of a file.
     */
    public static int partitions(SparkSession spark, List<InputFile> files) {
        long budget = Math.max(1, org.apache.spark.network.util.JavaUtils.byteStringAsBytes(
                spark.conf().get(PARTITION_BYTES, DEFAULT_PARTITION_BYTES)));
        long bytes = 0;
        for (InputFile f : files) {
            bytes += f.size;
        }
        long n = (bytes + budget - 1) / budget;
        return (int) Math.max(spark.sparkContext().defaultParallelism(), Math.min(n, 100_000));
    }

    /**
     * The raw records spread over {@code partitions} partitions by MaHoSo: one shuffle, the one dedup needs
     * (its window then finds each dossier's versions in one partition). A big file is never one partition.
     */
    public static Dataset<Row> byDossier(Dataset<Row> raw, int partitions) {
        return raw.repartition(partitions, col(DossierField.MA_HO_SO.source));
    }

    /**
     * Marks re-syncs: among records whose MaHoSo can be read, the latest NgayCapNhat wins (missing is
     * oldest), then the file whose path sorts last, then the later line. Adds the boolean column
     * {@code superseded}.
     */
    public static Dataset<Row> markSuperseded(Dataset<Row> raw) {
        WindowSpec newestFirst = Window.partitionBy(col(DossierField.MA_HO_SO.source))
                .orderBy(col(RawRecords.UPDATED_AT).desc_nulls_last(), col(RawRecords.SOURCE_FILE).desc(),
                        col(RawRecords.SOURCE_LINE).desc());
        return raw.withColumn(Fates.SUPERSEDED,
                RawRecords.readableCode().and(row_number().over(newestFirst).gt(lit(1))));
    }

    /** Decides every record's fate (schema {@link Fates#SCHEMA}); only winners are validated. */
    public static Dataset<Row> decide(Dataset<Row> marked, UnitRegistry units,
                                      vn.reformindex.reference.ProcedureCatalogue procedures) {
        return decide(marked, units, procedures, null);
    }

    /** As {@link #decide(Dataset, UnitRegistry, vn.reformindex.reference.ProcedureCatalogue)}; counts the records of each partition. */
    static Dataset<Row> decide(Dataset<Row> marked, UnitRegistry units,
                               vn.reformindex.reference.ProcedureCatalogue procedures, PartitionCounts perPartition) {
        RecordValidator validator = new RecordValidator(units, procedures);
        RecordValidator.Layout layout = new RecordValidator.Layout(marked.schema());
        int supersededIndex = marked.schema().fieldIndex(Fates.SUPERSEDED);
        return marked.mapPartitions((org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>) it -> {
            return new Iterator<Row>() {
                private long n;
                private boolean reported;

                @Override
                public boolean hasNext() {
                    boolean more = it.hasNext();
                    if (!more && perPartition != null && !reported) {
                        reported = true;
                        perPartition.add(new long[] {org.apache.spark.TaskContext.getPartitionId(), n});
                    }
                    return more;
                }

                @Override
                public Row next() {
                    Row r = it.next();
                    n++;
                    return validator.decide(r, layout, r.getBoolean(supersededIndex));
                }
            };
        }, Encoders.row(Fates.SCHEMA));
    }

    /** Raw records to fates; {@code tamper} sits between the reader and dedup (tests drop a record there). */
    public static Dataset<Row> fates(Dataset<Row> raw, ReferenceData ref, UnaryOperator<Dataset<Row>> tamper) {
        return supersede(validated(tamper.apply(raw), ref.units, ref.procedures));
    }

    /** Columns a validated record carries for the dedup, dropped once it is decided. */
    static final String DEDUP_CODE = "_dedup_code";
    static final String DEDUP_UPDATED_AT = "_dedup_updated_at";
    static final String DEDUP_READABLE = "_dedup_readable";
    static final String DEDUP_SUPERSEDED = "_dedup_superseded";
    static final org.apache.spark.sql.types.StructType VALIDATED = Fates.SCHEMA
            .add(DEDUP_CODE, org.apache.spark.sql.types.DataTypes.StringType, true)
            .add(DEDUP_UPDATED_AT, org.apache.spark.sql.types.DataTypes.TimestampNTZType, true)
            .add(DEDUP_READABLE, org.apache.spark.sql.types.DataTypes.BooleanType, false);

    /**
     * Every record validated as if it won its dedup (validation depends on the record alone), right after
     * the read: the fate it gets when it is the newest version of its dossier, typed, with its text only
     * when it is quarantined, plus its dedup keys (MaHoSo when readable, NgayCapNhat). So the dedup
     * shuffle moves typed rows without the text of accepted records.
     */
    public static Dataset<Row> validated(Dataset<Row> raw, UnitRegistry units,
                                         vn.reformindex.reference.ProcedureCatalogue procedures) {
        RecordValidator validator = new RecordValidator(units, procedures);
        RecordValidator.Layout layout = new RecordValidator.Layout(raw.schema());
        return raw.mapPartitions((org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>) it -> new Iterator<Row>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Row next() {
                return validatedRow(validator, layout, it.next());
            }
        }, Encoders.row(VALIDATED));
    }

    private static final int MASKED_TEXT = Fates.SCHEMA.fieldIndex(RawRecords.MASKED_TEXT);

    /**
     * One raw record validated as if it won its dedup, with its dedup keys (schema {@link #VALIDATED}): what
     * {@link #validated} and the reading task ({@link Reading#validated}) make of each record.
     */
    static Row validatedRow(RecordValidator validator, RecordValidator.Layout l, Row r) {
        Object[] fate = validator.decideCells(r, l, false);
        if (fate[MASKED_TEXT] instanceof RecordReader.LazyText lazy) {
            fate[MASKED_TEXT] = lazy.get(); // a quarantined record of the reading task: its text now
        }
        int width = fate.length;
        Object[] cells = java.util.Arrays.copyOf(fate, width + 3);
        String code = (String) r.get(l.value[DossierField.MA_HO_SO.ordinal()]);
        // as RawRecords.readableCode(): a code given, valid, in a record that could be split
        boolean readable = code != null && !Values.INVALID.equals(code) && !r.getBoolean(l.malformed);
        cells[width] = readable ? code : null;
        cells[width + 1] = r.get(l.updatedAt);
        cells[width + 2] = readable;
        return org.apache.spark.sql.RowFactory.create(cells);
    }

    /**
     * The validated records spread over {@code partitions} partitions by their dedup code: the one shuffle
     * of ingest (dedup's window then finds each dossier's versions in one partition; a big file is never
     * one partition).
     */
    public static Dataset<Row> byDedupCode(Dataset<Row> validated, int partitions) {
        return validated.repartition(partitions, col(DEDUP_CODE));
    }

    /**
     * Re-syncs: among records whose MaHoSo can be read, the latest NgayCapNhat wins (missing is oldest),
     * then the file whose path sorts last, then the later line. A record that loses becomes
     * {@code superseded} and keeps only where it came from (its validation is void: only winners are
     * validated). Returns the fates (schema {@link Fates#SCHEMA}), in the partitions of {@code validated}.
     */
    static Dataset<Row> supersede(Dataset<Row> validated) {
        WindowSpec newestFirst = Window.partitionBy(col(DEDUP_CODE))
                .orderBy(col(DEDUP_UPDATED_AT).desc_nulls_last(), col(RawRecords.SOURCE_FILE).desc(),
                        col(RawRecords.SOURCE_LINE).desc());
        Dataset<Row> marked = validated.withColumn(DEDUP_SUPERSEDED,
                col(DEDUP_READABLE).and(row_number().over(newestFirst).gt(1)));
        // Column expressions, not a function over Row objects: Spark evaluates them on its own rows (a Row
        // encoder as wide as the fates was most of the cost of this step).
        Column superseded = col(DEDUP_SUPERSEDED);
        List<Column> cols = new ArrayList<>();
        for (org.apache.spark.sql.types.StructField f : Fates.SCHEMA.fields()) {
            String name = f.name();
            if (name.equals(Fates.FATE)) {
                cols.add(when(superseded, lit(Fates.SUPERSEDED)).otherwise(col(name)).as(name));
            } else if (name.equals(RawRecords.RECON_UNIT) || name.equals("source_file") || name.equals("source_line")
                    || name.equals("dossier_code")) {
                cols.add(col(name)); // a superseded record keeps where it came from
            } else {
                cols.add(when(superseded, lit(null).cast(f.dataType())).otherwise(col(name)).as(name));
            }
        }
        return marked.select(cols.toArray(new Column[0]));
    }
}
