package vn.reformindex.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import vn.reformindex.core.ExitCode;
import vn.reformindex.core.PipelineException;
import vn.reformindex.io.Storage;
import vn.reformindex.table.TableDecl;

/**
 * Where tables and reports live, and how a run publishes them all at once (docs/outputs.md).
 *
 * <p>Each run writes its tables into new folders {@code tables/<table>/<run-id>/} that no reader looks
 * at, and its reports into {@code _runs/<run-id>/reports/}. Only when every stage succeeded does it
 * publish, by writing the next pointer file {@code _pointers/<sequence>.json} (a new file, created by
 * an atomic rename) that maps every table to its folder, and every period of a period-keyed table (as its
 * declaration says) to the folder of the run that last computed that period. Readers take
 * the highest pointer. A failed run writes no pointer, so the previous outputs stay readable and unchanged.
 */
public final class OutputStore {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Storage storage;
    private final String root;
    private final String runId;
    private final Map<String, String> written = new LinkedHashMap<>();
    private final Map<String, List<String>> writtenPeriods = new LinkedHashMap<>();
    private final Map<String, TableDecl> declared = new LinkedHashMap<>();
    /**
     * The schema this run wrote each table with: its own folder is read with it, with no Spark job to infer
     * it from the files (one per read); folders of earlier runs are inferred, they may be of an older schema.
     */
    private final Map<String, StructType> writtenSchemas = new LinkedHashMap<>();
    /** The rows each write wrote, counted as it wrote them (null: not all of them of the run's periods). */
    private final Map<String, Map<String, Long>> observedRows = new LinkedHashMap<>();
    /** Rows in this run's folder per table: per period label for a period-keyed table, else under "". */
    private final Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
    /** Set once the pointer naming this run's folders is in place: from then on nothing of it is deleted. */
    private boolean published;
    /** Tests inject a failure here: what comes after the pointer must not undo the publication. */
    Runnable afterPointer = () -> { };
    private static final String PERIOD = TableDecl.PERIOD;

    public OutputStore(Storage storage, String root) {
        this.storage = storage;
        this.root = root;
        this.runId = RUN_ID.format(Instant.now()) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String runId() { return runId; }
    public String root() { return root; }

    private String abs(String relative) {
        return Storage.join(root, relative);
    }

    /**
     * The published tables: table -> folder relative to the output root (for a period-keyed table, the
     * folder of its newest period); empty when nothing was published.
     */
    public Map<String, String> published() {
        Map<String, String> tables = new LinkedHashMap<>();
        JsonNode p = latestPointer();
        if (p != null) {
            p.get("tables").fields().forEachRemaining(e -> {
                JsonNode t = e.getValue();
                if (t.has("path")) {
                    tables.put(e.getKey(), t.get("path").asText());
                } else {
                    t.get("periods").fields().forEachRemaining(pe -> tables.put(e.getKey(), pe.getValue().get("path").asText()));
                }
            });
        }
        return tables;
    }

    /** Periods marked official: label -> run id whose figures are official. */
    public Map<String, String> officialPeriods() {
        Map<String, String> out = new TreeMap<>();
        JsonNode p = latestPointer();
        if (p != null && p.has("official")) {
            p.get("official").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().get("run_id").asText()));
        }
        return out;
    }

    /** Period-keyed tables written by this run, with their folder. */
    public Map<TableDecl, String> writtenPeriodTables() {
        Map<TableDecl, String> out = new LinkedHashMap<>();
        writtenPeriods.keySet().forEach(t -> out.put(declared.get(t), abs(written.get(t))));
        return out;
    }

    /** URI of the folder holding a published period of a table, or null. */
    public String publishedPeriodUri(String table, String period) {
        String rel = publishedPeriods(table).get(period);
        return rel == null ? null : abs(rel);
    }

    /** Every period label of every published period-keyed table. */
    public java.util.SortedSet<String> publishedPeriodLabels() {
        java.util.SortedSet<String> labels = new java.util.TreeSet<>();
        JsonNode p = latestPointer();
        if (p != null) {
            p.get("tables").fields().forEachRemaining(e -> {
                if (e.getValue().has("periods")) {
                    e.getValue().get("periods").fieldNames().forEachRemaining(labels::add);
                }
            });
        }
        return labels;
    }

    /** For a published period-keyed table: period label -> folder; empty when the table is not period-keyed. */
    public Map<String, String> publishedPeriods(String table) {
        Map<String, String> periods = new TreeMap<>();
        JsonNode p = latestPointer();
        JsonNode t = p == null ? null : p.get("tables").get(table);
        if (t != null && t.has("periods")) {
            t.get("periods").fields().forEachRemaining(e -> periods.put(e.getKey(), e.getValue().get("path").asText()));
        }
        return periods;
    }

    /**
     * The current tables, from one reading of the highest pointer: per table, each folder (relative to the
     * output root) with the periods read from it. Sorted by table name; empty when nothing was published.
     */
    public List<CurrentTable> current() {
        String latest = latestPointerName();
        return latest == null ? List.of() : current(latest, readPointer(latest));
    }

    private static List<CurrentTable> current(String pointerName, JsonNode pointer) {
        List<CurrentTable> out = new ArrayList<>();
        new TreeMap<String, JsonNode>(JSON.convertValue(pointer.get("tables"),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, JsonNode>>() { })).forEach((name, t) -> {
            Map<String, List<String>> folders = new TreeMap<>();
            if (t.has("path")) {
                folders.put(t.get("path").asText(), null);
            } else {
                new TreeMap<String, JsonNode>(JSON.convertValue(t.get("periods"),
                        new com.fasterxml.jackson.core.type.TypeReference<Map<String, JsonNode>>() { })).forEach((label, pe) ->
                        folders.computeIfAbsent(pe.get("path").asText(), k -> new ArrayList<>()).add(label));
            }
            out.add(new CurrentTable(name, folders, "_pointers/" + pointerName));
        });
        return out;
    }

    /** The script of DuckDB views over the current tables, beside the pointers (docs/querying.md). */
    public static final String DUCKDB_SCRIPT = "current.duckdb.sql";

    private JsonNode latestPointer() {
        String latest = latestPointerName();
        return latest == null ? null : readPointer(latest);
    }

    private JsonNode readPointer(String latest) {
        try (InputStream in = storage.open(abs("_pointers/" + latest))) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new PipelineException(ExitCode.UNREADABLE_INPUT, abs("_pointers/" + latest) + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private String latestPointerName() {
        try {
            String latest = null;
            for (FileStatus s : storage.listFiles(abs("_pointers"))) {
                String n = s.getPath().getName();
                if (n.matches("\\d{8}\\.json") && (latest == null || n.compareTo(latest) > 0)) {
                    latest = n;
                }
            }
            return latest;
        } catch (IOException e) {
            throw new PipelineException(ExitCode.UNREADABLE_INPUT, abs("_pointers") + ": cannot be listed: " + e.getMessage(), e);
        }
    }

    /** URI of a table's data (for a period-keyed table: the folder of its newest period); null when absent. */
    public String tableUri(String table) {
        String rel = written.containsKey(table) ? written.get(table) : published().get(table);
        return rel == null ? null : abs(rel);
    }

    /**
     * Reads a table written by this run or published by an earlier one. A period-keyed table is the union
     * of its periods, each read from the run that last computed it.
     */
    public Dataset<Row> read(SparkSession spark, TableDecl declared) {
        String table = declared.name();
        Map<String, String> periods = new TreeMap<>(publishedPeriods(table));
        if (writtenPeriods.containsKey(table)) {
            for (String label : writtenPeriods.get(table)) {
                periods.put(label, written.get(table));
            }
        }
        if (!periods.isEmpty()) {
            Map<String, List<String>> byFolder = new TreeMap<>();
            periods.forEach((label, folder) -> byFolder.computeIfAbsent(folder, k -> new ArrayList<>()).add(label));
            Dataset<Row> union = null;
            for (Map.Entry<String, List<String>> e : byFolder.entrySet()) {
                Dataset<Row> part = parquet(spark, table, e.getKey())
                        .filter(functions.col(PERIOD).isin(e.getValue().toArray()));
                union = union == null ? part : union.unionByName(part, true);
            }
            return union;
        }
        String uri = tableUri(table);
        if (uri == null) {
            throw new PipelineException(ExitCode.UNREADABLE_INPUT, root + ": table " + table
                    + " has not been produced yet; run the stage that writes it first (or 'run')");
        }
        return written.containsKey(table) ? readWritten(spark, declared) : spark.read().parquet(uri);
    }

    /** The folder this run wrote for a table (all of it, every period it holds). */
    public Dataset<Row> readWritten(SparkSession spark, TableDecl table) {
        String rel = written.get(table.name());
        if (rel == null) {
            throw new IllegalStateException(table.name() + " has not been written by this run");
        }
        return parquet(spark, table.name(), rel);
    }

    /** A table folder: with the schema this run wrote it with when it is this run's (nullable, as read), else inferred. */
    private Dataset<Row> parquet(SparkSession spark, String table, String rel) {
        StructType schema = rel.equals(written.get(table)) ? writtenSchemas.get(table) : null;
        if (schema == null) {
            return spark.read().parquet(abs(rel));
        }
        StructType nullable = new StructType();
        for (StructField f : schema.fields()) {
            nullable = nullable.add(new StructField(f.name(), f.dataType(), true, f.metadata()));
        }
        return spark.read().schema(nullable).parquet(abs(rel));
    }

    /** Whether a table was written by this run or published by an earlier one. */
    public boolean exists(TableDecl table) {
        return tableUri(table.name()) != null;
    }

    /**
     * Writes a table into this run's own folder, invisible to readers until {@link #publish}, conformed to
     * its declaration. A period-keyed table's folder replaces only the periods this run computed; the other
     * published periods stay where they are (no copy).
     */
    public String write(TableDecl table, Dataset<Row> data, List<String> periodLabels) {
        String rel = "tables/" + table.name() + "/" + runId;
        Dataset<Row> conformed = table.conform(data);
        written.put(table.name(), rel); // before writing: a write that fails halfway leaves a folder to clean up
        declared.put(table.name(), table);
        RowCounts.Observed observed = new RowCounts.Observed(conformed, table, periodLabels);
        observed.data.write().mode(SaveMode.ErrorIfExists).parquet(abs(rel));
        writtenSchemas.put(table.name(), conformed.schema());
        observedRows.put(table.name(), observed.counts());
        if (table.periodKeyed()) {
            writtenPeriods.put(table.name(), List.copyOf(periodLabels));
        }
        return abs(rel);
    }

    /**
     * The rows this run wrote into a table, as {@link RowCounts#of} counts its folder, from the write itself;
     * null when they must be counted in the folder (rows of periods other than the run's).
     */
    public Map<String, Long> observedRows(TableDecl table) {
        return observedRows.get(table.name());
    }

    /** The rows this run wrote into a table's folder (from {@link RowCounts}), recorded in the pointer. */
    public void recordRows(TableDecl table, Map<String, Long> counts) {
        rows.put(table.name(), Map.copyOf(counts));
    }

    /**
     * Starts the run's record under {@code _runs/<run-id>/}: the output folder is known to be writable
     * before any work is done, and a failed run leaves its record there.
     */
    public void begin(RunManifest manifest) {
        try {
            writeBytes(abs("_runs/" + runId + "/_RUN.json"), manifest.toJson());
        } catch (IOException | RuntimeException e) {
            throw new PipelineException(ExitCode.UNREADABLE_INPUT, root + ": the output folder cannot be written ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Folder for this run's reports until they are published. */
    public String stagingReports() {
        return abs("_runs/" + runId + "/reports");
    }

    /**
     * Publishes this run: the next pointer (previous tables plus this run's), then the reports folder and
     * {@code _RUN.json} beside it. The pointer is the commit point.
     */
    public void publish(RunManifest manifest) throws IOException {
        publish(manifest, java.util.Set.of(), java.util.Set.of());
    }

    /**
     * @param markOfficial periods whose figures of this run become the official ones
     * @param keepOfficial official periods this run recomputed but must not replace (no --restate)
     */
    public void publish(RunManifest manifest, java.util.Set<String> markOfficial, java.util.Set<String> keepOfficial)
            throws IOException {
        JsonNode previous = latestPointer();
        String latest = latestPointerName();
        int sequence = latest == null ? 1 : Integer.parseInt(latest.substring(0, 8)) + 1;
        ObjectNode pointer = JSON.createObjectNode();
        pointer.put("sequence", sequence);
        pointer.put("run_id", runId);
        pointer.put("published_at", Instant.now().toString());
        ObjectNode tables = pointer.putObject("tables");
        if (previous != null) {
            previous.get("tables").fields().forEachRemaining(e -> tables.set(e.getKey(), e.getValue()));
        }
        for (Map.Entry<String, String> e : written.entrySet()) {
            List<String> labels = writtenPeriods.get(e.getKey());
            if (labels == null) {
                ObjectNode t = tables.putObject(e.getKey());
                t.put("path", e.getValue());
                t.put("run_id", runId);
                Long n = rows.getOrDefault(e.getKey(), Map.of()).get(RowCounts.ALL);
                if (n != null) {
                    t.put("rows", n);
                }
                continue;
            }
            JsonNode before = tables.get(e.getKey());
            ObjectNode t = JSON.createObjectNode();
            ObjectNode periods = t.putObject("periods");
            if (before != null && before.has("periods")) {
                before.get("periods").fields().forEachRemaining(pe -> periods.set(pe.getKey(), pe.getValue()));
            }
            for (String label : labels) {
                if (keepOfficial.contains(label) && periods.has(label)) {
                    continue; // official figures stay until a run is asked to restate them
                }
                ObjectNode pe = periods.putObject(label);
                pe.put("path", e.getValue());
                pe.put("run_id", runId);
                if (rows.containsKey(e.getKey())) {
                    pe.put("rows", rows.get(e.getKey()).getOrDefault(label, 0L));
                }
            }
            tables.set(e.getKey(), t);
        }
        ObjectNode official = pointer.putObject("official");
        if (previous != null && previous.has("official")) {
            previous.get("official").fields().forEachRemaining(e -> official.set(e.getKey(), e.getValue()));
        }
        for (String label : markOfficial) {
            ObjectNode o = official.putObject(label);
            o.put("run_id", runId);
            o.put("marked_at", Instant.now().toString());
        }
        manifest.put("published_tables", tableList(tables));
        manifest.put("official_periods", tableList(official));
        writeBytes(abs("_runs/" + runId + "/_RUN.json"), manifest.toJson());
        String tmp = abs("_pointers/.tmp-" + runId);
        writeBytes(tmp, JSON.writeValueAsBytes(pointer));
        String target = abs(String.format("_pointers/%08d.json", sequence));
        if (!storage.moveIfAbsent(tmp, target)) {
            throw new PipelineException(ExitCode.FAILURE, target + ": another run published at the same time; "
                    + "this run published nothing: rerun it");
        }
        published = true;
        // Analysts' DuckDB views follow the pointer at once (replaced whole: never half a script); the script
        // names its pointer, so a failure between the two shows.
        replaceFile(abs(DUCKDB_SCRIPT), DuckDbViews.script(current(target.substring(target.lastIndexOf('/') + 1), pointer))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        afterPointer.run();
        replace(stagingReports(), abs("reports"), manifest);
        replaceFile(abs("_RUN.json"), manifest.toJson());
    }

    /**
     * Publishes the reports of a run that wrote no table (the {@code report} command): its reports replace
     * those of the same names in the reports folder, the index says which run made each, and its record stays
     * under {@code _runs/<run-id>/} (the output's {@code _RUN.json} remains that of the run that made the tables).
     */
    public void publishReports(RunManifest manifest) throws IOException {
        writeBytes(abs("_runs/" + runId + "/_RUN.json"), manifest.toJson());
        replace(stagingReports(), abs("reports"), manifest);
    }

    /** The record of the run that last published tables ({@code _RUN.json}), or an empty map. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> publishedRunRecord() {
        String uri = abs("_RUN.json");
        try {
            if (!storage.exists(uri)) {
                return Map.of();
            }
            try (InputStream in = storage.open(uri)) {
                return JSON.readValue(in, Map.class);
            }
        } catch (IOException e) {
            throw new PipelineException(ExitCode.UNREADABLE_INPUT, uri + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<String> tableList(ObjectNode tables) {
        List<String> names = new ArrayList<>();
        tables.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Whether this run's pointer is in place (its tables are then the current ones). */
    public boolean isPublished() {
        return published;
    }

    /**
     * A failed run: drop its table folders (unless its pointer was already published: what a pointer names
     * is never deleted) and record its manifest under _runs/ only.
     */
    public void abandon(RunManifest manifest) {
        for (String rel : published ? List.<String>of() : written.values()) {
            try {
                storage.delete(abs(rel));
            } catch (IOException ignored) {
                // leftovers of a failed run are unreferenced; cleanup is best effort
            }
        }
        try {
            storage.delete(stagingReports());
            writeBytes(abs("_runs/" + runId + "/_RUN.json"), manifest.toJson());
        } catch (IOException ignored) {
            // the failure itself is reported by the caller
        }
    }

    private void replace(String fromDir, String toDir, RunManifest manifest) throws IOException {
        if (!storage.exists(fromDir)) {
            return;
        }
        List<String> thisRun = new ArrayList<>();
        for (org.apache.hadoop.fs.FileStatus f : storage.listFiles(fromDir)) {
            thisRun.add(relative(fromDir, f));
        }
        // A run of one stage rewrites only its own reports: the others of the current folder are kept
        // (restatement reports describe one run only and are not carried over); the index says which run
        // made each. A report's folder of parts (rejected-records/<unit>.csv) goes with its report: when this
        // run wrote the report, no part of the older folder is kept.
        List<String> kept = new ArrayList<>();
        if (storage.exists(toDir)) {
            for (org.apache.hadoop.fs.FileStatus f : storage.listFiles(toDir)) {
                String name = relative(toDir, f);
                String target = Storage.join(fromDir, name);
                int slash = name.indexOf('/');
                boolean partOfRewritten = slash > 0 && thisRun.contains(name.substring(0, slash) + ".csv");
                if (!name.startsWith("restatement") && !name.startsWith("index.") && !partOfRewritten && !storage.exists(target)) {
                    if (slash > 0) {
                        storage.mkdirs(Storage.join(fromDir, name.substring(0, name.lastIndexOf('/'))));
                    }
                    storage.rename(f.getPath().toString(), target);
                    kept.add(name);
                }
            }
        }
        ReportIndex.write(storage, fromDir, toDir, thisRun, kept, manifest.asMap());
        if (storage.exists(toDir)) {
            storage.delete(toDir);
        }
        storage.mkdirs(root);
        if (!storage.rename(fromDir, toDir)) {
            throw new IOException("cannot move " + fromDir + " to " + toDir);
        }
    }

    /** A listed file's path below {@code dir}, e.g. {@code rejected-records/000.21.01.H99.csv}. */
    private String relative(String dir, org.apache.hadoop.fs.FileStatus f) throws IOException {
        String base = storage.fs(dir).makeQualified(new org.apache.hadoop.fs.Path(dir)).toUri().getPath();
        String path = f.getPath().toUri().getPath();
        return path.startsWith(base + "/") ? path.substring(base.length() + 1) : f.getPath().getName();
    }

    private void replaceFile(String uri, byte[] bytes) throws IOException {
        String tmp = uri + ".tmp-" + runId;
        writeBytes(tmp, bytes);
        if (storage.exists(uri)) {
            storage.delete(uri);
        }
        storage.rename(tmp, uri);
    }

    private void writeBytes(String uri, byte[] bytes) throws IOException {
        try (OutputStream out = storage.create(uri)) {
            out.write(bytes);
        }
    }
}
