package vn.reformindex.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
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

    /** The dossier files under {@code <input>/dossiers/}, sorted by path; other files are ignored. */
    public static List<InputFile> listFiles(Storage storage, String inputDir) {
        String dir = Storage.join(inputDir, "dossiers");
        List<InputFile> files = new ArrayList<>();
        try {
            String base = storage.qualify(inputDir);
            for (FileStatus s : storage.listFiles(dir)) {
                String uri = s.getPath().toString();
                InputFile.Format format = InputFile.formatOf(s.getPath().getName());
                if (format == null || s.getPath().getName().startsWith(".") || s.getPath().getName().startsWith("_")) {
                    continue;
                }
                String qualified = storage.qualify(uri);
                String name = qualified.startsWith(base) ? qualified.substring(base.length()).replaceFirst("^/+", "") : uri;
                files.add(new InputFile(qualified, name, format, s.getLen(), s.getModificationTime()));
            }
        } catch (IOException e) {
            throw new PipelineException(ExitCode.UNREADABLE_INPUT, dir + ": cannot be listed: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new PipelineException(ExitCode.UNREADABLE_INPUT, dir
                    + ": expected at least one dossier file (*.csv, *.jsonl, *.json), found none");
        }
        return files;
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
        Column readable = col(DossierField.MA_HO_SO.source).isNotNull().and(not(col(RawRecords.MALFORMED)));
        return raw.withColumn(Fates.SUPERSEDED,
                readable.and(row_number().over(newestFirst).gt(lit(1))));
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
