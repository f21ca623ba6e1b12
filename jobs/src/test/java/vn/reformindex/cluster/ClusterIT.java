package vn.reformindex.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.cli.Main;
import vn.reformindex.io.Storage;
import vn.reformindex.pipeline.OutputStore;

/**
 * The packaged pipeline submitted with SparkSubmit to a real standalone cluster (separate driver and
 * executor JVMs) gives the same tables as local mode, even with an executor JVM killed mid-stage. The
 * driver runs with a small heap: no dossier-sized data is collected to it.
 */
class ClusterIT {
    private static final String DRIVER_HEAP = "512m";
    private static Path dir;
    private static StandaloneCluster cluster;
    private static String classpath;
    private static Path local;
    private static Path input;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("reform-index-cluster");
        classpath = Files.readString(Path.of(System.getProperty("reformindex.classpath.file"))).trim();
        cluster = StandaloneCluster.start(dir, classpath, jvmOptions(), 2, "2g");
        input = goldenPlusGenerated(dir.resolve("input"));
        local = dir.resolve("local-out");
        int code = Main.run(args(local, "local[2]"), quiet(), quiet());
        assertEquals(0, code, "local run");
    }

    @AfterAll
    static void stop() throws IOException {
        if (cluster != null) {
            cluster.close();
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static List<String> jvmOptions() {
        return Arrays.asList(System.getProperty("reformindex.jvm.options").trim().split("\\s+"));
    }

    private static String[] args(Path out, String master) {
        List<String> a = new ArrayList<>(List.of("run", "--input", input.toString(),
                "--output", out.toString(), "--period", "2020-01-01..2020-10-29", "--period", "2020-Q3",
                "--period", "2025-Q4"));
        if (master != null) {
            a.add("--master");
            a.add(master);
        }
        return a.toArray(new String[0]);
    }

    /**
     * The golden fixture plus a few thousand generated dossiers of another province: one registry,
     * catalogue and calendar made of both, the dossier files of both.
     */
    private static Path goldenPlusGenerated(Path target) throws IOException {
        Path generated = dir.resolve("generated");
        assertEquals(0, vn.reformindex.generator.GeneratorCommand.run(
                new String[]{"--output", generated.toString(), "--dossiers", "3000"}, quiet(), quiet()));
        Files.createDirectories(target.resolve("dossiers"));
        for (String f : new String[]{"units.csv", "procedures.csv", "holidays.csv"}) {
            List<String> a = Files.readAllLines(SparkTestSupport.golden().resolve(f));
            List<String> b = Files.readAllLines(generated.resolve(f));
            List<String> all = new ArrayList<>(a);
            all.addAll(b.subList(1, b.size()));
            Files.write(target.resolve(f), all);
        }
        for (Path src : List.of(SparkTestSupport.golden().resolve("dossiers"), generated.resolve("dossiers"))) {
            try (java.util.stream.Stream<Path> files = Files.list(src)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, target.resolve("dossiers").resolve(src.getParent().getFileName() + "-" + f.getFileName()));
                }
            }
        }
        return target;
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream());
    }

    /** Submits the cluster jar with SparkSubmit (client mode: the driver is this child JVM). */
    private static List<String> submit(Path out, Path probe, String killJob) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions());
        cmd.add("-Xmx" + DRIVER_HEAP);
        cmd.add("-cp");
        cmd.add(classpath + java.io.File.pathSeparator + Path.of("target", "test-classes").toAbsolutePath());
        cmd.addAll(List.of("org.apache.spark.deploy.SparkSubmit", "--master", cluster.masterUrl(), "--deploy-mode", "client",
                "--class", "vn.reformindex.cli.Main",
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.ui.enabled=false",
                "--conf", "spark.executor.memory=1g", "--conf", "spark.cores.max=2",
                "--conf", "spark.sql.shuffle.partitions=4",
                "--conf", "spark.task.maxFailures=4",
                "--conf", "spark.extraListeners=" + DriverProbe.class.getName(),
                "--conf", "spark.reformindex.probe.file=" + probe,
                "--conf", "spark.reformindex.probe.killJob=" + killJob,
                "--conf", "spark.executor.extraClassPath=" + Path.of("target", "test-classes").toAbsolutePath(),
                System.getProperty("reformindex.cluster.jar")));
        cmd.addAll(Arrays.asList(args(out, null)));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("driver-" + out.getFileName() + ".log").toFile());
        cluster.environment(pb.environment());
        Process p = pb.start();
        try {
            assertTrue(p.waitFor(8, TimeUnit.MINUTES), "the submitted run did not finish in time");
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String log = Files.readString(dir.resolve("driver-" + out.getFileName() + ".log"));
        assertEquals(0, p.exitValue(), "submitted run failed:\n" + log + "\nworker:\n" + cluster.log("worker"));
        return Files.exists(probe) ? Files.readAllLines(probe) : List.of();
    }

    /**
     * One submitted run, with an executor JVM killed during ingest: its tables equal local mode's (so a cluster
     * run gives the same tables, and a lost executor changes none), and the driver's heap was measured. (One run,
     * not a plain one and a killed one: each costs minutes of CI, and the killed run proves what the plain one did.)
     */
    @Test
    void aClusterRunWithAnExecutorKilledMidStageGivesTheSameTablesAsLocalMode() throws Exception {
        Path out = dir.resolve("killed-out");
        List<String> probe = submit(out, dir.resolve("probe-kill.txt"), "reform-index ingest");
        assertTrue(probe.stream().anyMatch(l -> l.startsWith("killed_executors 1")), "an executor JVM was killed: " + probe);
        assertTrue(probe.stream().anyMatch(l -> l.startsWith("executor_removed") || l.startsWith("task_failed")),
                "an executor loss or a task retry was observed: " + probe);
        assertSameTables(local, out);
        long peak = probe.stream().filter(l -> l.startsWith("driver_peak_heap_bytes")).mapToLong(l -> Long.parseLong(l.split(" ")[1])).max().orElse(-1);
        assertTrue(peak > 0, "the probe in the driver reported its heap: " + probe);
    }

    private static void assertSameTables(Path expected, Path actual) {
        vn.reformindex.TableAssertions.assertSameTables(expected, actual);
    }
}
