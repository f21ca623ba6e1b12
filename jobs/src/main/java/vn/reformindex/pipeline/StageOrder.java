package vn.reformindex.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.reformindex.stage.Stage;
import vn.reformindex.table.TableDecl;

/**
 * Orders stages by their declarations: a stage comes after every stage that writes a table it reads
 * (required or optional). Among stages free to run, the given order is kept.
 */
final class StageOrder {
    private StageOrder() {
    }

    static List<Stage> order(List<Stage> stages) {
        List<Stage> pending = new ArrayList<>(stages);
        List<Stage> ordered = new ArrayList<>();
        while (!pending.isEmpty()) {
            Stage next = null;
            for (Stage s : pending) {
                if (!dependsOnAny(s, pending)) {
                    next = s;
                    break;
                }
            }
            if (next == null) {
                List<String> names = new ArrayList<>();
                pending.forEach(s -> names.add(s.name()));
                throw new IllegalStateException("stages read each other's tables in a cycle: " + names);
            }
            ordered.add(next);
            pending.remove(next);
        }
        return ordered;
    }

    /** Whether {@code s} reads a table written by another of {@code others}. */
    private static boolean dependsOnAny(Stage s, List<Stage> others) {
        Set<TableDecl> reads = new LinkedHashSet<>(s.inputs());
        reads.addAll(s.optionalInputs());
        for (Stage o : others) {
            if (o != s && o.outputs().stream().anyMatch(reads::contains)) {
                return true;
            }
        }
        return false;
    }
}
