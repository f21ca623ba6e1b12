package vn.reformindex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of the main code, read from its sources: cli is the top (nothing imports it) and the
 * packages form no cycle, so each layer can be understood and tested with only the layers below it.
 */
class ArchitectureTest {
    private static final Pattern REFERENCE = Pattern.compile("vn\\.reformindex\\.([a-z]+)\\.");

    /** package -> the project packages its sources name. */
    static Map<String, Set<String>> dependencies() throws IOException {
        Path root = SparkTestSupport.projectRoot().resolve("jobs/src/main/java/vn/reformindex");
        Map<String, Set<String>> deps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(f.getParent()).toString().replace('/', '.');
                Set<String> d = deps.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        d.add(m.group(1));
                    }
                }
            }
        }
        return deps;
    }

    @Test
    void nothingBelowTheCommandLineImportsIt() throws IOException {
        List<String> importers = new ArrayList<>();
        dependencies().forEach((pkg, d) -> {
            if (d.contains("cli")) {
                importers.add(pkg);
            }
        });
        assertEquals(List.of(), importers);
    }

    @Test
    void packagesFormNoCycle() throws IOException {
        Map<String, Set<String>> deps = dependencies();
        assertTrue(deps.size() > 10, "read the sources: " + deps.keySet());
        for (String start : deps.keySet()) {
            List<String> cycle = cycleFrom(start, start, deps, new ArrayList<>(List.of(start)), new TreeSet<>());
            assertEquals(null, cycle, "package cycle");
        }
    }

    /** A path start -> ... -> start, or null. */
    private static List<String> cycleFrom(String start, String at, Map<String, Set<String>> deps, List<String> path,
                                          Set<String> seen) {
        for (String next : deps.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> c = new ArrayList<>(path);
                c.add(start);
                return c;
            }
            if (seen.add(next)) {
                path.add(next);
                List<String> c = cycleFrom(start, next, deps, path, seen);
                if (c != null) {
                    return c;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }
}
