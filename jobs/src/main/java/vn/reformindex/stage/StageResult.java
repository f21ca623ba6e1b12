package vn.reformindex.stage;

import java.util.List;
import java.util.Map;

/**
 * What one stage did in a run: rows written per table (and, for a period-keyed table, per period), the checks
 * it ran (all passed, or the run failed), its notes for the run record, and its wall time.
 */
public record StageResult(String stage, double seconds, Map<String, Long> rowsWritten,
                          Map<String, Map<String, Long>> rowsPerPeriod, List<Verification.Check> checks,
                          Map<String, Object> notes) {
    public StageResult {
        rowsWritten = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowsWritten));
        rowsPerPeriod = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowsPerPeriod));
        checks = List.copyOf(checks);
    }

    public StageResult(String stage, double seconds, Map<String, Long> rowsWritten, List<Verification.Check> checks,
                       Map<String, Object> notes) {
        this(stage, seconds, rowsWritten, Map.of(), checks, notes);
    }
}
