package vn.reformindex.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.cli.Main;
import vn.reformindex.table.TableDecl;
import vn.reformindex.table.Tables;

/**
 * After two runs that publish overlapping periods, every current table reads the same in Spark's views, in
 * DuckDB's views (current.duckdb.sql) and in the pointer's row counts, period by period; and the run record
 * counts what each run wrote.
 */
class CurrentTablesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void sparkViewsDuckDbViewsAndPointerAgreeAfterOverlappingRuns() throws Exception {
        Path out = tmp.resolve("out");
        run(out, "run", "--period", "2020", "--period", "2020-Q2");
        String firstRun = JSON.readTree(out.resolve("_RUN.json").toFile()).get("run_id").asText();
        run(out, "run", "--period", "2020-Q2", "--period", "2020-06");
        String secondRun = JSON.readTree(out.resolve("_RUN.json").toFile()).get("run_id").asText();

        JsonNode pointer = JSON.readTree(out.resolve("_pointers/00000002.json").toFile());
        JsonNode rankings = pointer.get("tables").get("rankings").get("periods");
        // The overlap the views must resolve: 2020-Q2 is in both runs' folders, the pointer names the second.
        assertEquals(firstRun, rankings.get("2020").get("run_id").asText());
        assertEquals(secondRun, rankings.get("2020-Q2").get("run_id").asText());
        assertEquals(secondRun, rankings.get("2020-06").get("run_id").asText());
        SparkSession spark = SparkTestSupport.spark();
        long naive = spark.read().parquet(out.resolve("tables/rankings").toString() + "/*/*.parquet")
                .filter("period = '2020-Q2'").count();
        assertEquals(2 * rankings.get("2020-Q2").get("rows").asLong(), naive, "a glob over every folder reads 2020-Q2 twice");

        Map<String, Map<String, Long>> fromPointer = pointerCounts(pointer);
        assertEquals(names(Tables.ALL), fromPointer.keySet(), "every declared table is published");
        for (TableDecl t : Tables.ALL) {
            if (t.periodKeyed()) {
                // Rank intervals are drawn for years only (the sets' default): the quarter and the month have none.
                assertEquals(t == Tables.RANK_INTERVALS ? Set.of("2020") : Set.of("2020", "2020-Q2", "2020-06"),
                        fromPointer.get(t.name()).keySet(), t.name());
            }
        }
        assertTrue(fromPointer.get("rankings").get("2020").longValue() > 0);

        List<String> registered = CurrentTables.register(spark, out.toString());
        assertEquals(List.copyOf(new TreeSet<>(names(Tables.ALL))), registered);
        Map<String, Map<String, Long>> fromSpark = new TreeMap<>();
        for (TableDecl t : Tables.ALL) {
            fromSpark.put(t.name(), counts(t, spark.sql(query(t)).collectAsList().stream()
                    .map(r -> Map.entry(r.getString(0), r.getLong(1))).toList()));
        }
        assertEquals(fromPointer, fromSpark, "Spark's views against the pointer");

        Map<String, Map<String, Long>> fromDuckDb = new TreeMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            // From another working directory: the script's relative paths resolve against file_search_path.
            st.execute("SET file_search_path = '" + out.toAbsolutePath() + "'");
            st.execute(Files.readString(out.resolve(OutputStore.DUCKDB_SCRIPT), StandardCharsets.UTF_8));
            for (TableDecl t : Tables.ALL) {
                List<Map.Entry<String, Long>> rows = new java.util.ArrayList<>();
                try (ResultSet rs = st.executeQuery(query(t))) {
                    while (rs.next()) {
                        rows.add(Map.entry(rs.getString(1), rs.getLong(2)));
                    }
                }
                fromDuckDb.put(t.name(), counts(t, rows));
            }
        }
        assertEquals(fromPointer, fromDuckDb, "DuckDB's views against the pointer");

        // The second run's record counts what it wrote: its two periods, the rows its folder holds for each.
        JsonNode rank = JSON.readTree(out.resolve("_RUN.json").toFile()).get("stages").get("rank");
        assertEquals(fromPointer.get("rankings").get("2020-Q2"), rank.get("rows_per_period").get("rankings").get("2020-Q2").asLong());
        assertEquals(Set.of("2020-Q2", "2020-06"), fieldNames(rank.get("rows_per_period").get("rankings")));
        long q2AndJune = fromPointer.get("rankings").get("2020-Q2") + fromPointer.get("rankings").get("2020-06");
        assertEquals(q2AndJune, rank.get("rows").get("rankings").asLong());
        assertEquals(q2AndJune, spark.read().parquet(out.resolve("tables/rankings/" + secondRun).toString()).count(),
                "the rows in the second run's folder");

        // A rank run of one period records that period's rankings only (issue 13 saw three periods counted).
        run(out, "rank", "--period", "2020");
        JsonNode record = JSON.readTree(out.resolve("_RUN.json").toFile());
        JsonNode ranked = record.get("stages").get("rank");
        long written = spark.read().parquet(out.resolve("tables/rankings/" + record.get("run_id").asText()).toString()).count();
        assertEquals(fromPointer.get("rankings").get("2020").longValue(), ranked.get("rows").get("rankings").asLong(),
                "one period's rankings, not three");
        assertEquals(written, ranked.get("rows").get("rankings").asLong(), "the rows in the run's folder");
        assertEquals(Set.of("2020"), fieldNames(ranked.get("rows_per_period").get("rankings")));
        JsonNode third = JSON.readTree(out.resolve("_pointers/00000003.json").toFile()).get("tables").get("rankings").get("periods");
        assertEquals(written, third.get("2020").get("rows").asLong());
        assertEquals(rankings.get("2020-Q2"), third.get("2020-Q2"), "periods the rank run did not compute keep their entry");
    }

    @Test
    void theSqlSubcommandPrintsAQueryOverTheCurrentTables() throws Exception {
        Path out = tmp.resolve("sql");
        run(out, "run", "--period", "2020-Q2");
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        assertEquals(0, Main.run(new String[]{"sql", "--output", out.toString(),
                "SELECT period, count(*) AS units FROM rankings GROUP BY period"}, new PrintStream(text, true, StandardCharsets.UTF_8), quiet()));
        long units = spark().read().parquet(out.resolve("tables/rankings").toString() + "/*/*.parquet").count();
        List<String> lines = List.of(text.toString(StandardCharsets.UTF_8).split("\n"));
        assertTrue(lines.get(0).matches("period +\\| units"), lines.toString());
        assertTrue(lines.get(2).matches("2020-Q2 \\| +" + units), lines.toString());
        assertEquals("(1 row)", lines.get(3));

        Path csv = tmp.resolve("result-csv");
        assertEquals(0, Main.run(new String[]{"sql", "--output", out.toString(), "--csv", csv.toString(),
                "SELECT unit_code, period FROM rankings ORDER BY unit_code"}, quiet(), quiet()));
        Path part = Files.list(csv).filter(p -> p.getFileName().toString().endsWith(".csv")).findFirst().orElseThrow();
        List<String> csvLines = Files.readAllLines(part);
        assertEquals("unit_code,period", csvLines.get(0));
        assertEquals(units, csvLines.size() - 1);

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, Main.run(new String[]{"sql", "--output", out.toString(), "SELECT nothing FROM rankings"},
                quiet(), new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("the query failed"), err.toString(StandardCharsets.UTF_8));
    }

    /** Rows per period of a table's view (one group "" for a table that is not period-keyed). */
    private static String query(TableDecl t) {
        return t.periodKeyed() ? "SELECT period, count(*) FROM " + t.name() + " GROUP BY period"
                : "SELECT '' AS period, count(*) FROM " + t.name();
    }

    private static Map<String, Long> counts(TableDecl t, List<Map.Entry<String, Long>> rows) {
        Map<String, Long> m = new TreeMap<>();
        rows.forEach(e -> m.merge(e.getKey(), e.getValue(), Long::sum));
        m.values().removeIf(n -> n == 0); // as in pointerCounts: an empty table counts 0, an empty period has no group
        return m;
    }

    private static Map<String, Map<String, Long>> pointerCounts(JsonNode pointer) {
        Map<String, Map<String, Long>> m = new TreeMap<>();
        pointer.get("tables").fields().forEachRemaining(e -> {
            Map<String, Long> c = new TreeMap<>();
            if (e.getValue().has("periods")) {
                e.getValue().get("periods").fields().forEachRemaining(p -> c.put(p.getKey(), p.getValue().get("rows").asLong()));
            } else {
                c.put("", e.getValue().get("rows").asLong());
            }
            // An empty period or table has no group in a GROUP BY: compare the non-empty ones.
            c.values().removeIf(n -> n == 0);
            m.put(e.getKey(), c);
        });
        return m;
    }

    private static Set<String> names(List<TableDecl> tables) {
        Set<String> s = new TreeSet<>();
        tables.forEach(t -> s.add(t.name()));
        return s;
    }

    private static Set<String> fieldNames(JsonNode n) {
        Set<String> s = new TreeSet<>();
        n.fieldNames().forEachRemaining(s::add);
        return s;
    }

    private static SparkSession spark() {
        return SparkTestSupport.spark();
    }

    private static void run(Path out, String command, String... periods) {
        String[] args = new String[5 + periods.length + 2];
        args[0] = command;
        args[1] = "--input";
        args[2] = SparkTestSupport.golden().toString();
        args[3] = "--output";
        args[4] = out.toString();
        System.arraycopy(periods, 0, args, 5, periods.length);
        args[args.length - 2] = "--run-date";
        args[args.length - 1] = "2026-11-22";
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, Main.run(args, quiet(), new PrintStream(err, true, StandardCharsets.UTF_8)), err.toString(StandardCharsets.UTF_8));
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream());
    }
}
