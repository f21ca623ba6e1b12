package vn.reformindex.publish;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.reformindex.table.ColumnDecl;
import vn.reformindex.table.TableDecl;
import vn.reformindex.table.Tables;

/** The report's column headers: each table's Vietnamese labels from its declaration, by table and column. */
final class Headers {
    private Headers() {
    }

    static Map<String, Map<String, String>> all() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (TableDecl t : new TableDecl[]{Tables.RANKINGS, Tables.SCORECARDS, Tables.FINDINGS, Tables.PROCESSING_SUMMARY,
                Tables.RECONCILIATION, Tables.QUARANTINE}) {
            Map<String, String> labels = new LinkedHashMap<>();
            for (ColumnDecl c : t.columns()) {
                if (!c.isFamily()) {
                    labels.put(c.name(), c.vietnamese());
                }
            }
            out.put(t.name(), labels);
        }
        return out;
    }
}
