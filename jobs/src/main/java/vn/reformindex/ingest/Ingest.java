package vn.reformindex.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

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

    /**
     * The audit pass, one task per file: size, checksum, strict UTF-8, header. Fails the run, naming the
     * file, line and expectation, when any file is unreadable. Returns one small result per file.
     */
    public static List<FileAuditResult> audit(SparkSession spark, Storage storage, List<InputFile> files,
                                              Map<String, String> aliases) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        SerializableConf conf = new SerializableConf(storage.conf());
        HashMap<String, String> aliasMap = new HashMap<>(aliases);
        List<FileAuditResult> results = jsc.parallelize(files, Math.max(1, files.size()))
                .map(f -> FileAudit.audit(f, conf.storage(), aliasMap))
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
    public static Dataset<Row> read(SparkSession spark, Storage storage, List<InputFile> files, ReferenceData ref) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        SerializableConf conf = new SerializableConf(storage.conf());
        HashMap<String, String> aliases = new HashMap<>(ref.columnAliases);
        Set<String> known = new HashSet<>();
        ref.units.all().forEach(u -> known.add(u.code));
        JavaRDD<Row> rows = jsc.parallelize(files, Math.max(1, files.size()))
                .flatMap(f -> new RecordReader(f, aliases, known).read(conf.storage()));
        return spark.createDataFrame(rows, RawRecords.SCHEMA);
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
        RecordValidator validator = new RecordValidator(units, procedures);
        int supersededIndex = marked.schema().fieldIndex(Fates.SUPERSEDED);
        return marked.mapPartitions((org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>) it -> {
            return new Iterator<Row>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Row next() {
                    Row r = it.next();
                    return validator.decide(r, r.getBoolean(supersededIndex));
                }
            };
        }, Encoders.row(Fates.SCHEMA));
    }

    /** Raw records to fates; {@code tamper} sits between the reader and dedup (tests drop a record there). */
    public static Dataset<Row> fates(Dataset<Row> raw, ReferenceData ref, UnaryOperator<Dataset<Row>> tamper) {
        return decide(markSuperseded(tamper.apply(raw)), ref.units, ref.procedures);
    }
}
