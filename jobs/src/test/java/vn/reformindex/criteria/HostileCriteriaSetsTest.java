package vn.reformindex.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.reformindex.core.ExitCode;
import vn.reformindex.core.PipelineException;
import vn.reformindex.io.Storage;

/**
 * The hostile corpus ({@code src/test/resources/hostile/criteria/}): one small set per attack, each saying in its
 * first lines what it tries ({@code # case:}) and what must happen ({@code # expect: exit 5: <part of the
 * message>} or {@code # expect: accepted}). Every file goes through {@link CriteriaSetLoader#load}, like
 * {@code --criteria <file>}; a refusal must be exit code 5 with one short line naming the file.
 */
class HostileCriteriaSetsTest {
    private static final String FOLDER = "hostile/criteria";

    @TempDir
    Path tmp;

    static List<Path> corpus() throws IOException, URISyntaxException {
        Path dir = Paths.get(HostileCriteriaSetsTest.class.getClassLoader().getResource(FOLDER).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyCaseOfTheCorpusHasItsExpectedOutcome() throws Exception {
        List<Path> files = corpus();
        Set<String> names = new TreeSet<>();
        files.forEach(f -> names.add(f.getFileName().toString()));
        for (String required : new String[]{"reflect-via-identifier", "java-method", "reflect-upper-case", "env-home",
                "system-user-name", "trailing-line-comment", "block-comment", "syntax-error", "nested-parentheses-1900",
                "nested-coalesce-10000", "max-1e30", "target-1e30", "duplicate-key", "billion-laughs", "scalar-subquery",
                "lambda-transform", "current-user-call", "input-file-name", "uuid", "rand", "benign-minimal", "benign-rich"}) {
            assertTrue(names.contains(required + ".yaml"), "corpus case " + required);
        }
        List<String> failures = new ArrayList<>();
        for (Path f : files) {
            List<String> head = Files.readAllLines(f, StandardCharsets.UTF_8).subList(0, 2);
            assertTrue(head.get(0).startsWith("# case: "), f + ": first line is # case:");
            assertTrue(head.get(1).startsWith("# expect: "), f + ": second line is # expect:");
            String expect = head.get(1).substring("# expect: ".length());
            String outcome = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> outcome(f), f.toString());
            if (expect.equals("accepted")) {
                if (!outcome.equals("accepted")) {
                    failures.add(f.getFileName() + ": expected accepted, got " + outcome);
                }
            } else {
                assertTrue(expect.startsWith("exit 5: "), f + ": # expect: is 'accepted' or 'exit 5: <message part>'");
                String part = expect.substring("exit 5: ".length());
                if (!outcome.startsWith("exit 5: criteria set " + f + ": ") && !outcome.startsWith("exit 5: criteria set " + f + ", ")
                        || !outcome.contains(part)) {
                    failures.add(f.getFileName() + ": expected exit 5 with '" + part + "', got " + outcome);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    /** "accepted", or "exit N: message" after checking that the message is one short line. */
    private static String outcome(Path f) {
        try {
            CriteriaSet set = CriteriaSetLoader.load(Storage.local(), f.toString());
            for (Criterion c : set.criteria) {
                if (c.source != Criterion.Source.MANUAL) {
                    assertNotNull(c.numeratorExpression.column(), "a checked tree for " + c.code);
                }
            }
            return "accepted";
        } catch (PipelineException e) {
            String m = e.getMessage();
            assertFalse(m.contains("\n") || m.contains("\r"), "one line: " + m);
            assertTrue(m.length() <= 700, "short: " + m.length());
            assertFalse(m.contains("Exception") || m.contains("\tat "), "no stack trace or exception name: " + m);
            return "exit " + e.exitCode().code + ": " + m;
        }
    }

    /** What the corpus cannot hold: an endless stream, and /dev/zero itself. */
    @Test
    void anEndlessInputIsRefusedAfterOneMebibyte() throws Exception {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'a';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'a');
                return len;
            }
        };
        PipelineException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(PipelineException.class, () -> CriteriaSetLoader.readCapped("endless", endless)));
        assertEquals(ExitCode.BAD_CONFIGURATION, e.exitCode());
        assertEquals("criteria set endless: is larger than 1048576 bytes; a criteria set is at most 1 MiB", e.getMessage());

        Path big = tmp.resolve("big.yaml");
        byte[] bytes = new byte[CriteriaSetLoader.MAX_BYTES + 10];
        java.util.Arrays.fill(bytes, (byte) '#');
        Files.write(big, bytes);
        e = assertThrows(PipelineException.class, () -> CriteriaSetLoader.load(Storage.local(), big.toString()));
        assertTrue(e.getMessage().contains("is larger than 1048576 bytes"), e.getMessage());

        if (Files.isReadable(Paths.get("/dev/zero"))) {
            e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertThrows(PipelineException.class, () -> CriteriaSetLoader.load(Storage.local(), "/dev/zero")));
            assertEquals(ExitCode.BAD_CONFIGURATION, e.exitCode());
            assertTrue(e.getMessage().startsWith("criteria set /dev/zero: "), e.getMessage());
        }
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNotReplaced() {
        byte[] bytes = "id: x\nname: \"\u0110\"\n".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 3] = (byte) 0xFF;
        PipelineException e = assertThrows(PipelineException.class, () -> CriteriaSetLoader.parse("t.yaml", bytes));
        assertEquals("criteria set t.yaml: is not valid UTF-8 (byte offset 13)", e.getMessage());
    }

    /** The tree that runs is the tree that was checked: the column wraps that very object, no text in between. */
    @Test
    void theColumnIsBuiltFromTheCheckedTree() throws Exception {
        Path rich = corpus().stream().filter(p -> p.getFileName().toString().equals("benign-rich.yaml")).findFirst().orElseThrow();
        Criterion c = CriteriaSetLoader.load(Storage.local(), rich.toString()).criterion("2.1");
        assertEquals(Set.of("channel", "electronic_result", "received_in_period", "timeliness_published"), c.numeratorExpression.columns());
        assertSame(c.numeratorExpression.tree(),
                org.apache.spark.sql.classic.ExpressionUtils.expression(c.numeratorExpression.column()));
    }
}
