package vn.reformindex.table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes docs/tables.md from the declarations, so the documentation of every table and column is the
 * declaration itself. A test fails when the committed file differs; {@code main} rewrites it.
 */
public final class TableDocs {
    private TableDocs() {
    }

    private static final String INTRO = String.join("\n",
            "# Tables",
            "",
            "<!-- Generated from the declarations in jobs/src/main/java/vn/reformindex/table/Tables.java by",
            "     vn.reformindex.table.TableDocs: edit the declarations, not this file (a test compares them). -->",
            "",
            "Every table the pipeline writes, by layer, with every column. Tables are Parquet; timestamps are",
            "`TIMESTAMP_NTZ` (local time of Vietnam, no time zone); dates are `DATE`; exact figures are `DECIMAL`.",
            "Where tables live and how a run publishes them: `docs/outputs.md`. A **period-keyed** table holds one",
            "set of rows per period: a run replaces only the periods it computed. The *format* says how reports",
            "print a column (`PERCENT_2`: two decimals; `CODE`: a code with a Vietnamese label per value, listed",
            "under the table); the *Vietnamese* label is the committee's column header.",
            "");

    /** Prose of each layer, before its tables; and after them, what is not a table (computed frames, reports). */
    private static final Map<String, String[]> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put(Tables.INGEST, new String[]{"Ingest layer (`ingest` subcommand)", "", ""});
        LAYERS.put(Tables.FACTS, new String[]{"Facts layer (`facts` subcommand)", "", String.join("\n",
                "### Period facts (computed, not stored)",
                "`PeriodFacts.expand(dossier_facts, periods)` joins the facts with the small table of requested periods",
                "(`period, period_kind, period_start, period_end, as_of`) and keeps the rows that touch a period. It adds,",
                "for period P = [start, end] with as-of date A: `carried_over`, `received_in_period`,",
                "`resolved_in_period`, `withdrawn_in_period`, `stopped_in_period`, `refused_in_period`,",
                "`registered_in_period`, `ended_by_as_of`, `open_at_as_of`, `open_overdue` (due date before A),",
                "`open_in_time`, `handled` (carried over or received), `rated_in_period`, `effective_end_date` (766: the",
                "effective end for a dossier ended by A, else A), `on_time_766` (null = undecided: no due date and no",
                "procedure limit or calendar; false when more than one supplement request) and `late_766`. These are the",
                "facts that the summary counts and that criteria expressions aggregate.",
                "")});
        LAYERS.put(Tables.SUMMARY, new String[]{"Summary layer (`summary` subcommand)",
                "All three tables are period-keyed. Every row carries `period_start`, `period_end` and `as_of`.\n",
                String.join("\n",
                        "### Reports",
                        "`reports/processing-summary.csv` and `reports/overdue-dossiers.csv` (UTF-8 with BOM, English headers,",
                        "`.` decimals, percentages with two decimals), each with a `.vi.csv` copy for the committee: Vietnamese",
                        "headers, `47.540` and `36,08`, dates `29/10/2020`, booleans `có`/`không` (RFC 4180 quoting, so a",
                        "decimal comma is inside quotes). Reports hold the periods of the run that wrote them.",
                        "")});
        LAYERS.put(Tables.SCORE, new String[]{"Scoring layer (`score` subcommand)", String.join("\n",
                "The criteria set (`--criteria`, default `766`; format in `docs/criteria.md`) is loaded and validated",
                "before any Spark job. All tables below are period-keyed and every row names the set that produced it:",
                "`criteria_set_id`, `criteria_set_version`, `criteria_set_hash` (SHA-256 of the set's canonical content).",
                "Figures are `DECIMAL(38,10)`: ratios and points are computed from the integer counts as exact fractions",
                "and rounded once, half-up, at scale 10.",
                ""), ""});
        LAYERS.put(Tables.RANK, new String[]{"Ranking layer (`rank` subcommand)", "", String.join("\n",
                "### Reports",
                "`reports/rankings.csv` (and `rankings.vi.csv` with Vietnamese headers and numbers): one row per unit and",
                "period, ordered by period, peer group and rank: peer group, rank, of how many, unit, tier, published",
                "total, available maximum, reason when unranked, each group's points, both changes with their reasons, and",
                "the set's id and version.",
                "`reports/scorecards.csv` (and `.vi.csv`): every scorecard row of the units the set applies to, by period,",
                "peer group, unit and the set's order of criteria. `reports/findings.csv` (and `.vi.csv`): every finding,",
                "by period, peer group, unit and finding rank. Rows as a committee member sees them: `docs/reports.md`.",
                "")});
    }

    /** The whole of docs/tables.md. */
    public static String render(List<TableDecl> tables) {
        StringBuilder md = new StringBuilder(INTRO);
        for (Map.Entry<String, String[]> layer : LAYERS.entrySet()) {
            md.append("\n## ").append(layer.getValue()[0]).append("\n");
            if (!layer.getValue()[1].isEmpty()) {
                md.append(layer.getValue()[1]);
            }
            for (TableDecl t : tables) {
                if (t.owner().equals(layer.getKey())) {
                    md.append("\n").append(table(t));
                }
            }
            if (!layer.getValue()[2].isEmpty()) {
                md.append("\n").append(layer.getValue()[2]);
            }
        }
        return md.toString();
    }

    static String table(TableDecl t) {
        StringBuilder md = new StringBuilder();
        md.append("### `").append(t.name()).append("`\n");
        md.append(t.description()).append(t.notes().isEmpty() ? "" : " " + t.notes()).append("\n\n");
        md.append("Key: ").append(codes(t.key())).append(t.periodKeyed() ? ". Period-keyed." : ".").append("\n\n");
        md.append("| column | type | format | Vietnamese | meaning |\n|---|---|---|---|---|\n");
        StringBuilder codes = new StringBuilder();
        for (ColumnDecl c : t.columns()) {
            md.append("| `").append(c.name()).append("` | ").append(c.type().simpleString()).append(c.nullable() ? "" : ", not null")
                    .append(" | ").append(c.format()).append(" | ").append(c.vietnamese()).append(" | ")
                    .append(c.description().replace("|", "\\|")).append(" |\n");
            if (!c.valueLabels().isEmpty()) {
                codes.append("- `").append(c.name()).append("`: ");
                List<String> values = c.valueLabels().keySet().stream().sorted().toList();
                for (int i = 0; i < values.size(); i++) {
                    codes.append(i == 0 ? "" : ", ").append("`").append(values.get(i)).append("` ")
                            .append(c.valueLabels().get(values.get(i)));
                }
                codes.append("\n");
            }
        }
        if (codes.length() > 0) {
            md.append("\nVietnamese labels of the codes:\n").append(codes);
        }
        return md.toString();
    }

    private static String codes(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append("`").append(names.get(i)).append("`");
        }
        return sb.toString();
    }

    /** Rewrites the file given as the first argument (docs/tables.md). */
    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[0]), render(Tables.ALL), StandardCharsets.UTF_8);
    }
}
