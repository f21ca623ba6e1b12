package vn.reformindex.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.cli.Main;
import vn.reformindex.config.RunConfig;
import vn.reformindex.core.ExitCode;
import vn.reformindex.core.PipelineException;
import vn.reformindex.ingest.IngestStage;
import vn.reformindex.io.Storage;
import vn.reformindex.period.Period;
import vn.reformindex.stage.RunContext;
import vn.reformindex.stage.Stage;
import vn.reformindex.stage.StageInputs;
import vn.reformindex.stage.StageOutput;
import vn.reformindex.table.TableDecl;
import vn.reformindex.table.Tables;

/**
 * Runs a careless or hostile user could start (issue 10): each is refused with its documented exit code and
 * a one-line message before anything is written, or fails without losing what was published.
 */
class HostileRunsTest {
    @TempDir
    Path tmp;

    /** Exit code and standard error of a command. */
    private record Outcome(int code, String err) {
    }

    private static Outcome main(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, err.toString(StandardCharsets.UTF_8));
    }

    private Path input() throws IOException {
        Path in = tmp.resolve("in");
        Files.createDirectories(in.resolve("dossiers"));
        for (String f : new String[]{"units.csv", "procedures.csv", "holidays.csv", "dossiers/dossiers.csv"}) {
            Files.copy(SparkTestSupport.golden().resolve(f), in.resolve(f));
        }
        return in;
    }

    private static void assertRefused(Outcome o, int code, String... inMessage) {
        assertEquals(code, o.code(), o.err());
        for (String s : inMessage) {
            assertTrue(o.err().contains(s), "'" + s + "' in: " + o.err());
        }
        assertEquals(1, o.err().lines().filter(l -> l.startsWith("reform-index:")).count(), "one line of cause: " + o.err());
    }

    @Test
    void anOutputInsideOrEqualToTheInputIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path in = input();
        Path inside = in.resolve("dossiers/out");
        assertRefused(main("ingest", "--input", in.toString(), "--output", inside.toString()), 2, "inside");
        assertFalse(Files.exists(inside), "nothing written under the input");
        assertRefused(main("ingest", "--input", in.toString(), "--output", in.toString()), 2, "is the input folder");
        assertRefused(main("ingest", "--input", in.toString(), "--output", in + "/"), 2, "is the input folder");
        try (Stream<Path> files = Files.walk(in)) {
            assertEquals(4, files.filter(Files::isRegularFile).count(), "the input folder is untouched");
        }
    }

    @Test
    void aNonEmptyFolderThatIsNotAnEarlierOutputIsRefused() throws IOException {
        Path in = input();
        Path mine = tmp.resolve("documents");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("letter.txt"), "not ours");
        assertRefused(main("ingest", "--input", in.toString(), "--output", mine.toString()), 2, "not empty");
        assertEquals(List.of(mine.resolve("letter.txt")), List.of(Files.list(mine).toArray()));
    }

    @Test
    void patternCharactersAndEmptyFoldersAreRefused() throws IOException {
        Path in = input();
        for (String bad : new String[]{"out[1]", "out{a,b}", "out*"}) {
            assertRefused(main("ingest", "--input", in.toString(), "--output", tmp.resolve(bad).toString()), 2,
                    "is not allowed in a folder name");
        }
        assertRefused(main("ingest", "--input=", "--output", tmp.resolve("o").toString()), 2, "--input", "must not be empty");
    }

    @Test
    void periodsOutsideTheYearsAndAnAsOfBeforeThePeriodAreRefused() throws IOException {
        Path in = input();
        String out = tmp.resolve("o").toString();
        assertRefused(main("summary", "--input", in.toString(), "--output", out, "--period", "0000"), 2, "0000", "2000..2100");
        assertRefused(main("summary", "--input", in.toString(), "--output", out, "--period", "2101-Q1"), 2, "2101-Q1");
        assertRefused(main("run", "--input", in.toString(), "--output", out, "--period", "2025", "--as-of", "2024-06-01"), 2,
                "--as-of 2024-06-01 is before the start of period 2025");
        assertFalse(Files.exists(Path.of(out)), "nothing written");
    }

    @Test
    void anOutputThatCannotBeWrittenStopsTheRunBeforeIngest() throws IOException {
        Path in = input();
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        // Under a regular file no folder can be made (a permission test would not hold for root, as in CI).
        Outcome o = main("ingest", "--input", in.toString(), "--output", file.resolve("out").toString());
        assertRefused(o, 3, "cannot be written");
        assertFalse(o.err().contains("Exception:") || o.err().contains("\tat "), "no stack trace: " + o.err());
    }

    /** A failure after the pointer is in place keeps the publication readable; later runs go on. */
    @Test
    void aFaultAfterPublishingDeletesNothingThePointerNames() throws IOException {
        Path in = input();
        Path out = tmp.resolve("out");
        RunConfig config = RunConfig.builder("ingest").input(in.toString()).output(out.toString()).build();
        Pipeline p = new Pipeline(List.of(new IngestStage()));
        p.faultAfterPointer = () -> {
            throw new IllegalStateException("disk full while writing _RUN.json");
        };
        PipelineException e = assertThrows(PipelineException.class, () -> p.execute(SparkTestSupport.spark(), config));
        assertTrue(e.getMessage().startsWith("the run's tables were published, then:"), e.getMessage());
        OutputStore store = new OutputStore(Storage.local(), out.toString());
        long accepted = store.read(SparkTestSupport.spark(), Tables.RECONCILIATION).agg(org.apache.spark.sql.functions.sum("accepted"))
                .first().getLong(0);
        assertEquals(71, accepted, "the golden dossiers.csv's accepted records");
        assertEquals(accepted, store.read(SparkTestSupport.spark(), Tables.STAGED_DOSSIERS).count(), "the published table is readable");
        // A later run adds to it (nothing new to read: it only republishes) and succeeds.
        new Pipeline(List.of(new IngestStage())).execute(SparkTestSupport.spark(), config);
        assertEquals(accepted, new OutputStore(Storage.local(), out.toString()).read(SparkTestSupport.spark(), Tables.STAGED_DOSSIERS).count());
    }

    /** A stage that writes one table and then fails: the run leaves no folder behind, only its record. */
    static final class FailingStage implements Stage {
        static final TableDecl FIRST = TableDecl.builder("first_table", "failing").key("n")
                .required("n", vn.reformindex.table.Types.INT, vn.reformindex.table.Format.INTEGER, "Số", "a number").build();

        @Override
        public String name() {
            return "failing";
        }

        @Override
        public List<TableDecl> inputs() {
            return List.of(Tables.STAGED_DOSSIERS);
        }

        @Override
        public List<TableDecl> outputs() {
            return List.of(FIRST);
        }

        @Override
        public boolean usesPeriods() {
            return false;
        }

        @Override
        public StageOutput plan(RunContext ctx, StageInputs inputs) {
            // Fails inside a Spark task, as a data problem the code did not foresee would.
            Dataset<Row> boom = ctx.spark.sql("SELECT CAST(raise_error('unforeseen') AS INT) AS n");
            return new StageOutput().table(FIRST, boom);
        }
    }

    @Test
    void anUnforeseenFailureEndsWithOneLineARunRecordAndNoOrphanFolders() throws IOException {
        Path in = input();
        Path out = tmp.resolve("out");
        RunConfig config = RunConfig.builder("run").input(in.toString()).output(out.toString())
                .period(Period.parse("2020")).build();
        PipelineException e = assertThrows(PipelineException.class,
                () -> new Pipeline(List.of(new IngestStage(), new FailingStage())).execute(SparkTestSupport.spark(), config));
        assertEquals(ExitCode.FAILURE, e.exitCode());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertFalse(e.getMessage().contains("unforeseen"), "Spark's message is not repeated: " + e.getMessage());
        assertFalse(Files.exists(out.resolve("_pointers")), "nothing published");
        try (Stream<Path> runs = Files.list(out.resolve("_runs"))) {
            List<Path> records = new ArrayList<>(runs.toList());
            assertEquals(1, records.size());
            JsonNode record = new ObjectMapper().readTree(records.get(0).resolve("_RUN.json").toFile());
            assertEquals("failed", record.get("status").asText());
        }
        for (String t : new String[]{"staged_dossiers", "first_table"}) {
            Path folder = out.resolve("tables").resolve(t);
            assertTrue(!Files.exists(folder) || Files.list(folder).findAny().isEmpty(), t + " left a folder behind");
        }
    }

    /** Two publications racing for the same pointer: the second fails, the first stays intact. */
    @Test
    void aPointerIsNeverOverwritten() throws IOException {
        Storage storage = Storage.local();
        Path dir = tmp.resolve("_pointers");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("00000002.json"), "{\"run_id\":\"first\"}");
        Files.writeString(dir.resolve(".tmp-second"), "{\"run_id\":\"second\"}");
        assertFalse(storage.moveIfAbsent(dir.resolve(".tmp-second").toString(), dir.resolve("00000002.json").toString()));
        assertEquals("{\"run_id\":\"first\"}", Files.readString(dir.resolve("00000002.json")));
        assertFalse(Files.exists(dir.resolve(".tmp-second")), "the loser's temporary file is removed");
        Files.writeString(dir.resolve(".tmp-third"), "{\"run_id\":\"third\"}");
        assertTrue(storage.moveIfAbsent(dir.resolve(".tmp-third").toString(), dir.resolve("00000003.json").toString()));
        assertEquals(Map.of("00000002.json", 18L, "00000003.json", 18L), Map.of(
                "00000002.json", Files.size(dir.resolve("00000002.json")), "00000003.json", Files.size(dir.resolve("00000003.json"))));
    }
}
