package vn.reformindex.pipeline;

import java.util.List;
import java.util.Map;
import vn.reformindex.io.Storage;
import vn.reformindex.stage.StageResult;

/** What a successful run did: its id, where it published, each stage's result, and its run record. */
public record RunResult(String runId, String output, List<StageResult> stages, Map<String, Object> record) {
    public RunResult {
        stages = List.copyOf(stages);
    }

    public String tablesUri() { return Storage.join(output, "tables"); }
    public String pointersUri() { return Storage.join(output, "_pointers"); }
    public String reportsUri() { return Storage.join(output, "reports"); }
    public String runRecordUri() { return Storage.join(output, "_RUN.json"); }
}
