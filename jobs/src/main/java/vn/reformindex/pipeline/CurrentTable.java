package vn.reformindex.pipeline;

import java.util.List;
import java.util.Map;

/**
 * One table as the current pointer publishes it: the folders (relative to the output root) that hold its
 * current rows and, for a period-keyed table, the periods to read from each folder (null: every row, for a
 * table that is not period-keyed). A period appears under exactly one folder.
 *
 * @param pointer the pointer file it was read from, relative to the output root
 */
public record CurrentTable(String name, Map<String, List<String>> folders, String pointer) {
    public CurrentTable {
        folders = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(folders));
    }

    /** Whether rows are selected by period from each folder. */
    public boolean periodKeyed() {
        return folders.values().stream().anyMatch(java.util.Objects::nonNull);
    }
}
