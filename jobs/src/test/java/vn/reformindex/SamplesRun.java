package vn.reformindex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import vn.reformindex.config.RunConfig;
import vn.reformindex.period.Period;
import vn.reformindex.pipeline.Pipeline;

/**
 * The whole pipeline on data-samples/ for 2025, 2025-Q2 and 2025-06 (the README's command), run once per test JVM
 * and shared by the tests that read a real-shaped output (a run takes minutes); its output folder is deleted
 * when the JVM exits, unless {@code -Dreformindex.samplesOut=DIR} keeps it there (docs/reports.md quotes it).
 * Tests that change the output work on a {@link #copy}.
 */
public final class SamplesRun {
    private static Path output;

    private SamplesRun() {
    }

    public static synchronized Path output() {
        if (output == null) {
            try {
                String keep = System.getProperty("reformindex.samplesOut");
                Path out;
                if (keep != null) {
                    out = Path.of(keep);
                } else {
                    Path dir = Files.createTempDirectory("reform-index-samples");
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                    out = dir.resolve("out");
                }
                RunConfig config = RunConfig.builder("run").input(SparkTestSupport.projectRoot().resolve("data-samples").toString())
                        .output(out.toString()).period(Period.parse("2025")).period(Period.parse("2025-Q2"))
                        .period(Period.parse("2025-06")).build();
                Pipeline.standard().execute(SparkTestSupport.spark(), config);
                output = out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return output;
    }

    /** A copy of the run's output folder under {@code dir}, for a test that writes into it. */
    public static Path copy(Path dir) throws IOException {
        Path source = output();
        Path target = dir.resolve("out");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path t = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return target;
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder: best effort
        }
    }
}
