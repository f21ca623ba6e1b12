package vn.reformindex.criteria;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.cli.Main;
import vn.reformindex.io.Storage;
import vn.reformindex.pipeline.OutputStore;
import vn.reformindex.table.Tables;

/**
 * End to end on the golden fixture: a rich benign set scores (its checked trees run as Spark columns); hostile
 * sets given to {@code score} stop with exit code 5 and one line, before or while planning, and publish nothing.
 */
class HostileCriteriaRunTest {
    private static final String PERIOD = "2020-01-01..2020-10-29";

    @TempDir
    Path tmp;

    @Test
    void hostileSetsStopTheScoreStageWithExitFiveAndPublishNothing() throws Exception {
        Path out = tmp.resolve("out");
        String golden = SparkTestSupport.golden().toString();
        Run ok = run("run", "--input", golden, "--output", out.toString(), "--period", PERIOD, "--criteria", corpus("benign-rich"));
        assertEquals(0, ok.code, ok.err);
        String scores = new OutputStore(Storage.local(), out.toString()).tableUri(Tables.SCORES.name());
        assertTrue(SparkTestSupport.spark().read().parquet(scores)
                .filter("criterion_code = '2.1' AND status = 'scored'").count() > 0, "the rich set's checked trees ran");

        Map<String, byte[]> before = snapshot(out);
        // Refused when the set is loaded, before any Spark job.
        expectRefused(out, golden, corpus("reflect-via-identifier"), "numerator uses IDENTIFIER(...)");
        expectRefused(out, golden, corpus("env-home"), "numerator contains '${'");
        expectRefused(out, golden, corpus("syntax-error"), "numerator is not a valid expression: [PARSE_SYNTAX_ERROR]");
        expectRefused(out, golden, corpus("nested-parentheses-1900"), "nests brackets 1901 deep");
        expectRefused(out, golden, corpus("max-1e30"), "max: 1.0E30, outside");
        if (Files.isReadable(Paths.get("/dev/zero"))) {
            assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> expectRefused(out, golden, "/dev/zero", "a criteria set is at most 1 MiB"));
        }
        // Allowed by the tree check, refused when the score stage resolves the tree against the facts' types.
        String base = Files.readString(Paths.get(corpus("benign-minimal")), StandardCharsets.UTF_8);
        Path typeError = tmp.resolve("type-error.yaml");
        Files.writeString(typeError, base.replace("numerator: count_if(handled)", "numerator: count_if(channel)"));
        expectRefused(out, golden, typeError.toString(), "criterion 2.1: numerator cannot be computed: [DATATYPE_MISMATCH");
        Path text = tmp.resolve("text.yaml");
        Files.writeString(text, base.replace("denominator: count_if(handled)", "denominator: max(timeliness_published)"));
        expectRefused(out, golden, text.toString(), "criterion 2.1: denominator gives string, not a number");

        Path textToNumber = tmp.resolve("text-to-number.yaml");
        Files.writeString(textToNumber, base.replace("numerator: count_if(handled)", "numerator: count_if(handled AND status <> 'x')"));
        expectRefused(out, golden, textToNumber.toString(), "criterion 2.1: numerator converts text to bigint ('x')");

        Map<String, byte[]> after = snapshot(out);
        assertEquals(before.keySet(), after.keySet(), "nothing published, nothing removed");
        for (String k : before.keySet()) {
            assertArrayEquals(before.get(k), after.get(k), k);
        }
    }

    private static void expectRefused(Path out, String golden, String set, String part) {
        Run r = run("score", "--input", golden, "--output", out.toString(), "--period", PERIOD, "--criteria", set);
        assertEquals(5, r.code, r.err);
        String line = r.err.strip();
        assertFalse(line.contains("\n"), "one line: " + line);
        assertTrue(line.startsWith("reform-index: criteria set " + set), line);
        assertTrue(line.contains(part), line);
    }

    private record Run(int code, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, err.toString(StandardCharsets.UTF_8));
    }

    private static String corpus(String name) throws Exception {
        return HostileCriteriaSetsTest.corpus().stream().filter(p -> p.getFileName().toString().equals(name + ".yaml"))
                .findFirst().orElseThrow().toString();
    }

    /** Every file under the output folder except the failed runs' own records. */
    private static Map<String, byte[]> snapshot(Path root) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String k = root.relativize(p).toString();
                if (!k.startsWith("_runs/")) {
                    m.put(k, Files.readAllBytes(p));
                }
            }
        }
        return m;
    }
}
