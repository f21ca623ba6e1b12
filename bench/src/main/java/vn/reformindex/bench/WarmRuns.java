package vn.reformindex.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import vn.reformindex.cli.Main;

/**
 * The same pipeline command run several times in one JVM (BENCHMARKS.md, round 12). The first run pays the
 * JVM's warm-up (class loading, Spark's start, the JIT compiling Spark's and the pipeline's code); the later
 * runs do not, so the difference is what a long-lived driver would save and the rest is the work itself. Prints
 * each run's wall time, the run's own seconds and its stages' seconds from its {@code _RUN.json}; the
 * command's own output goes to standard error.
 *
 * <p>Usage: {@code WarmRuns RUNS COMMAND ARGS...}, the command as {@code ./reform-index} takes it, with a local
 * {@code --output} folder (whose {@code _RUN.json} is read after each run).
 */
public final class WarmRuns {
    private WarmRuns() {
    }

    public static void main(String[] args) throws Exception {
        String[] command = args.length > 1 ? Arrays.copyOfRange(args, 1, args.length) : new String[0];
        int output = Arrays.asList(command).indexOf("--output");
        int runs = args.length > 0 && args[0].matches("[1-9][0-9]*") ? Integer.parseInt(args[0]) : 0;
        if (runs == 0 || output < 0 || output + 1 >= command.length) {
            System.err.println("usage: WarmRuns RUNS COMMAND ARGS... (a reform-index command with --output DIR)");
            System.exit(2);
        }
        File record = new File(command[output + 1], "_RUN.json");
        ObjectMapper json = new ObjectMapper();
        int code = 0;
        for (int i = 1; i <= runs; i++) {
            long start = System.nanoTime();
            code = Main.run(command, System.err, System.err);
            double wall = (System.nanoTime() - start) / 1e9;
            if (code != 0) {
                System.out.printf("run %d: exit %d after %.1f s%n", i, code, wall);
                break;
            }
            JsonNode run = json.readTree(record);
            StringBuilder stages = new StringBuilder();
            for (Iterator<Map.Entry<String, JsonNode>> it = run.path("stages").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> stage = it.next();
                stages.append(String.format("  %s %.1f", stage.getKey(), stage.getValue().path("seconds").asDouble()));
            }
            System.out.printf("run %d: %.1f s (the run's record: %.1f s; stages, s:%s)%n", i, wall,
                    run.path("seconds").asDouble(), stages);
        }
        Main.stopSpark();
        System.exit(code);
    }
}
