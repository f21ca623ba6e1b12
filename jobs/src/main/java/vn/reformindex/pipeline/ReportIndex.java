package vn.reformindex.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import vn.reformindex.io.Storage;
import vn.reformindex.period.Period;

/**
 * reports/index.csv and index.vi.csv: which run made each report in the folder, on which data cut-off, for
 * which periods and as-of dates, and when. A run of one stage rewrites only its own reports; the index says
 * which ones are older, so the folder never passes for one consistent set when it is not.
 */
final class ReportIndex {
    static final String FILE = "index.csv";
    static final String VI_FILE = "index.vi.csv";
    private static final String[] HEADER = {"report", "run_id", "made_at", "data_cut_off", "periods"};
    private static final String[] VI_HEADER = {"Báo cáo", "Mã lần chạy", "Lập lúc (UTC)", "Số liệu đến ngày",
            "Kỳ (số liệu tính đến ngày)"};
    private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private ReportIndex() {
    }

    /**
     * Writes the index into {@code newDir} (the run's reports, about to replace {@code currentDir}): the
     * entries of this run's reports, and those of the current index for the reports kept from earlier runs.
     */
    static void write(Storage storage, String newDir, String currentDir, List<String> thisRun, List<String> kept,
                      Map<String, Object> record) throws IOException {
        Map<String, String[]> rows = new TreeMap<>();
        String current = Storage.join(currentDir, FILE);
        if (storage.exists(current)) {
            try (InputStream in = storage.open(current);
                 Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
                 CSVParser p = CSVParser.parse(r, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
                for (CSVRecord rec : p) {
                    String report = rec.get(0).replace("\uFEFF", "");
                    if (kept.contains(report)) {
                        rows.put(report, new String[]{report, rec.get(1), rec.get(2), rec.get(3), rec.get(4)});
                    }
                }
            }
        }
        for (String report : thisRun) {
            rows.put(report, row(report, record, String.valueOf(record.get("finished_at"))));
        }
        print(storage, Storage.join(newDir, FILE), HEADER, rows, false);
        print(storage, Storage.join(newDir, VI_FILE), VI_HEADER, rows, true);
    }

    private static void print(Storage storage, String uri, String[] header, Map<String, String[]> rows, boolean vietnamese)
            throws IOException {
        try (Writer w = storage.createText(uri)) {
            w.write('\uFEFF');
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header).get())) {
                for (String[] r : rows.values()) {
                    p.printRecord((Object[]) (vietnamese ? vietnamese(r) : r));
                }
            }
        }
    }

    /**
     * What the workbook's first sheet says about the run that made it: the index's Vietnamese columns with
     * this run's values (run id, when, data cut-off, periods and as-of dates), then the criteria set.
     */
    static Map<String, String> about(Map<String, Object> record, String madeAt, String criteriaSet) {
        String[] r = vietnamese(row("reform-index.xlsx", record, madeAt));
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (int i = 1; i < VI_HEADER.length; i++) {
            out.put(VI_HEADER[i], r[i]);
        }
        if (criteriaSet != null) {
            out.put("Bộ chỉ số", criteriaSet);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static String[] row(String report, Map<String, Object> record, String madeAt) {
        List<String> periods = new ArrayList<>();
        Object ps = record.get("periods");
        if (ps instanceof List<?> list) {
            for (Object o : list) {
                Map<String, Object> m = (Map<String, Object>) o;
                periods.add(m.get("period") + "@" + m.get("as_of"));
            }
        }
        return new String[]{report, String.valueOf(record.get("run_id")), madeAt,
                record.get("data_cut_off") == null ? "" : String.valueOf(record.get("data_cut_off")), String.join(" ", periods)};
    }

    private static String[] vietnamese(String[] r) {
        List<String> periods = new ArrayList<>();
        for (String p : r[4].isEmpty() ? new String[0] : r[4].split(" ")) {
            String[] labelAsOf = p.split("@");
            try {
                periods.add(Period.parse(labelAsOf[0]).vietnamese() + " (" + LocalDate.parse(labelAsOf[1]).format(VI_DATE) + ")");
            } catch (RuntimeException e) {
                periods.add(p);
            }
        }
        String cutOff = r[3];
        try {
            cutOff = cutOff.isEmpty() ? "" : LocalDate.parse(cutOff).format(VI_DATE);
        } catch (RuntimeException ignored) {
            // an index written by another version: shown as it is
        }
        String madeAt = r[2].replace('T', ' ').replace("Z", "");
        return new String[]{r[0], r[1], madeAt.length() > 19 ? madeAt.substring(0, 19) : madeAt, cutOff, String.join("; ", periods)};
    }
}
