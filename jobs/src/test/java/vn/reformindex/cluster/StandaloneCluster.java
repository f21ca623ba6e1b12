package vn.reformindex.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone master and worker on 127.0.0.1, started from the project's Maven jars
 * (platform-notes: the worker needs a SPARK_HOME with jars/ and SPARK_SCALA_VERSION). Every process it
 * starts, executors included, is stopped by PID in {@link #close()}, even when a test fails.
 */
public final class StandaloneCluster implements AutoCloseable {
    private final Path dir;
    private final String classpath;
    private final List<String> jvmOptions;
    private final List<Process> processes = new ArrayList<>();
    private int masterPort;

    private StandaloneCluster(Path dir, String classpath, List<String> jvmOptions) {
        this.dir = dir;
        this.classpath = classpath;
        this.jvmOptions = jvmOptions;
    }

    /** Starts a master and one worker with the given cores and memory; waits until the worker registered. */
    public static StandaloneCluster start(Path dir, String classpath, List<String> jvmOptions, int cores, String memory)
            throws IOException, InterruptedException {
        StandaloneCluster c = new StandaloneCluster(dir, classpath, jvmOptions);
        try {
            c.sparkHome();
            c.masterPort = freePort();
            Process master = c.launch("master", "org.apache.spark.deploy.master.Master",
                    "--host", "127.0.0.1", "--port", String.valueOf(c.masterPort), "--webui-port", String.valueOf(freePort()));
            waitForPort(c.masterPort, master, 60);
            c.launch("worker", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--cores", String.valueOf(cores), "--memory", memory, "--webui-port", String.valueOf(freePort()),
                    "--work-dir", dir.resolve("work").toString(), c.masterUrl());
            c.waitForLog("master", "Registering worker", 60);
            return c;
        } catch (IOException | InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    public String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    public Path sparkHomePath() {
        return dir.resolve("spark-home");
    }

    /** SPARK_HOME/jars with a link to every jar of the classpath: what the worker's launcher needs. */
    private void sparkHome() throws IOException {
        Path jars = Files.createDirectories(sparkHomePath().resolve("jars"));
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            if (entry.endsWith(".jar") && Files.exists(p)) {
                Path link = jars.resolve(p.getFileName());
                if (!Files.exists(link)) {
                    Files.createSymbolicLink(link, p.toAbsolutePath());
                }
            }
        }
        Files.createDirectories(sparkHomePath().resolve("conf"));
    }

    /** Environment for every Spark process of the cluster. */
    public Map<String, String> environment(Map<String, String> env) {
        env.put("SPARK_HOME", sparkHomePath().toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_MASTER_OPTS", "-Dspark.master.rest.enabled=false");
        return env;
    }

    private Process launch(String name, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-Xmx512m");
        cmd.add("-Dspark.master.rest.enabled=false");
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        environment(pb.environment());
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    public String log(String name) throws IOException {
        Path p = dir.resolve(name + ".log");
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }

    private void waitForLog(String name, String text, int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (log(name).contains(text)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not log '" + text + "' within " + seconds + " s:\n" + log(name)
                + "\nworker:\n" + log("worker"));
    }

    private static void waitForPort(int port, Process p, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the master exited with code " + p.exitValue());
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the master did not open port " + port + " within " + seconds + " s");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Executor JVMs launched by this cluster's worker. */
    public static List<ProcessHandle> executors() {
        List<ProcessHandle> out = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(h -> {
            String cmd = h.info().commandLine().orElse("");
            if (cmd.contains("CoarseGrainedExecutorBackend")) {
                out.add(h);
            }
        });
        return out;
    }

    @Override
    public void close() {
        // Executors first (children of the worker), then the worker and the master, all by PID.
        for (Process p : processes) {
            p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        }
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.destroyForcibly();
            try {
                p.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
