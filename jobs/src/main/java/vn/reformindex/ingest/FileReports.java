package vn.reformindex.ingest;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.util.AccumulatorV2;

/**
 * Collects each file's audit from the one-pass reader's tasks on the driver. Keyed by file: a task that
 * runs again (retry, speculation, recomputation) reports the same file's same result, which replaces the
 * earlier one, so nothing is counted twice.
 */
final class FileReports extends AccumulatorV2<FileAuditResult, Map<String, FileAuditResult>> {
    private static final long serialVersionUID = 1L;
    private final TreeMap<String, FileAuditResult> byFile = new TreeMap<>();

    @Override
    public boolean isZero() {
        return byFile.isEmpty();
    }

    @Override
    public FileReports copy() {
        FileReports c = new FileReports();
        synchronized (this) {
            c.byFile.putAll(byFile);
        }
        return c;
    }

    @Override
    public synchronized void reset() {
        byFile.clear();
    }

    @Override
    public synchronized void add(FileAuditResult r) {
        byFile.put(r.name, r);
    }

    @Override
    public void merge(AccumulatorV2<FileAuditResult, Map<String, FileAuditResult>> other) {
        Map<String, FileAuditResult> o = other.value();
        synchronized (this) {
            byFile.putAll(o);
        }
    }

    @Override
    public synchronized Map<String, FileAuditResult> value() {
        return new TreeMap<>(byFile);
    }
}
