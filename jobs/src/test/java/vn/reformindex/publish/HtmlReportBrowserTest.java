package vn.reformindex.publish;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import vn.reformindex.SamplesRun;
import vn.reformindex.SparkTestSupport;
import vn.reformindex.io.Storage;
import vn.reformindex.pipeline.OutputStore;
import vn.reformindex.table.Tables;

/**
 * The committee's report as the committee sees it: the pipeline on data-samples/ (2025, 2025-Q2 and 2025-06, {@link SamplesRun}), then
 * reports/bao-cao-2025.html opened in headless Chromium through Debian's chromedriver. No console error, no
 * resource loaded, every section there, every unit's rank as in the rankings table. A screenshot of the
 * overview and of a scorecard, and the run's PDF, are kept in jobs/target/report-browser/.
 */
class HtmlReportBrowserTest {
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("reformindex.chromedriver", "/usr/bin/chromedriver"));
    private static final Path CHROMIUM = Path.of(System.getProperty("reformindex.chromium", "/usr/bin/chromium"));
    @TempDir
    static Path tmp;
    private static Path out;
    private static Path artifacts;
    private static ChromeDriver driver;
    private static List<LogEntry> consoleAtLoad;
    private static SparkSession spark;
    private static OutputStore store;

    @BeforeAll
    static void openTheReport() throws IOException {
        assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM), "skipped: no chromedriver/chromium at "
                + CHROMEDRIVER + " / " + CHROMIUM + " (Debian: apt-get install -y chromium chromium-driver fonts-noto-core; "
                + ".ci/run installs them)");
        spark = SparkTestSupport.spark();
        out = SamplesRun.output();
        store = new OutputStore(Storage.local(), out.toString());
        artifacts = Files.createDirectories(SparkTestSupport.projectRoot().resolve("jobs/target/report-browser"));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createDirectories(tmp.resolve("profile")));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.get(html().toUri().toString());
        consoleAtLoad = driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    @AfterAll
    static void close() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static Path html() {
        return out.resolve("reports").resolve(CommitteeReports.htmlName("2025"));
    }

    @Test
    void noConsoleErrorAndNothingLoadedFromOutside() throws IOException {
        List<String> severe = new ArrayList<>();
        for (LogEntry e : consoleAtLoad) {
            if (e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                severe.add(e.getMessage());
            }
        }
        assertEquals(List.of(), severe, "console errors");
        Object resources = ((JavascriptExecutor) driver).executeScript("return performance.getEntriesByType('resource').length");
        assertEquals(0L, resources, "the page loads no script, font, image or style sheet");
        String source = Files.readString(html(), StandardCharsets.UTF_8);
        assertFalse(Pattern.compile("(src|href)\\s*=\\s*\"?https?:", Pattern.CASE_INSENSITIVE).matcher(source).find(),
                "no external src/href");
        assertFalse(Pattern.compile("url\\(\\s*['\"]?https?:|<script|<link|<img", Pattern.CASE_INSENSITIVE).matcher(source).find(),
                "no script, linked style sheet, image or remote url()");
    }

    @Test
    void everySectionIsThereInVietnamese() {
        for (String id : List.of("tong-quan", "xep-hang", "tong-hop-xu-ly", "phieu-diem", "chat-luong-du-lieu")) {
            WebElement s = driver.findElement(By.id(id));
            assertTrue(s.isDisplayed(), id);
            assertFalse(s.findElement(By.tagName("h2")).getText().isBlank(), id);
        }
        List<Row> ranked = rankings();
        long peerGroups = ranked.stream().map(r -> r.getAs("peer_group")).distinct().count();
        assertEquals(peerGroups, driver.findElements(By.cssSelector("#tong-quan tbody tr")).size(), "one overview line per peer group");
        assertEquals(peerGroups, driver.findElements(By.cssSelector("#xep-hang article.peer-group")).size());
        assertEquals(2 * peerGroups, driver.findElements(By.cssSelector("#xep-hang article.peer-group svg.chart")).size(),
                "a totals chart and a group chart per peer group");
        assertTrue(driver.findElements(By.cssSelector("#tong-hop-xu-ly svg.chart rect.late")).size() > 0, "timeliness split drawn");
        assertTrue(driver.findElements(By.cssSelector("#chat-luong-du-lieu table.reconciliation tbody tr")).size() > 0);
        assertEquals("Tổng quan", driver.findElement(By.cssSelector("#tong-quan h2")).getText());
        assertTrue(driver.findElement(By.tagName("h1")).getText().contains("Năm 2025"));
        // Vietnamese numbers: 47.540 and 36,08 (the province's received dossiers run into thousands).
        String processing = driver.findElement(By.id("tong-hop-xu-ly")).getText();
        assertTrue(Pattern.compile("\\b\\d{1,3}\\.\\d{3}\\b").matcher(processing).find(), "thousands with a dot");
        assertTrue(Pattern.compile("\\b\\d{1,3},\\d{2}\\b").matcher(processing).find(), "decimals with a comma");
    }

    /** The 2025 rankings rows the report lists (the set applies to the unit), from the published table. */
    private static List<Row> rankings() {
        return store.read(spark, Tables.RANKINGS).filter(col("period").equalTo("2025").and(col("status").notEqual("not_applicable")))
                .select("unit_code", "peer_group", "ranked", "rank", "ranked_units", "published_total").collectAsList();
    }

    @Test
    void everyUnitShowsItsRankFromTheRankingsTable() {
        List<Row> rows = rankings();
        assertTrue(rows.size() >= 30, "the sample's units: " + rows.size());
        int ranked = 0;
        for (Row r : rows) {
            String unit = r.getAs("unit_code");
            WebElement line = driver.findElement(By.cssSelector("#xep-hang tr[data-unit='" + unit + "']"));
            WebElement card = driver.findElement(By.cssSelector("#phieu-diem article.scorecard[data-unit='" + unit + "']"));
            if (Boolean.TRUE.equals(r.getAs("ranked"))) {
                ranked++;
                assertEquals(String.valueOf((int) r.getAs("rank")), line.findElement(By.cssSelector("td.rank")).getText(), unit);
                String total = ((BigDecimal) r.getAs("published_total")).setScale(2, RoundingMode.HALF_UP).toPlainString()
                        .replace('.', ',');
                assertEquals(total, line.findElement(By.cssSelector("td.total")).getText(), unit);
                assertEquals(r.getAs("rank") + "/" + r.getAs("ranked_units"),
                        card.findElement(By.cssSelector(".headline .rank")).getDomProperty("textContent"), unit);
            } else {
                assertEquals("", line.findElement(By.cssSelector("td.rank")).getText(), unit + " is not ranked");
            }
        }
        assertTrue(ranked >= 30, "ranked units checked: " + ranked);
        assertEquals(rows.size(), driver.findElements(By.cssSelector("#phieu-diem article.scorecard")).size(),
                "one scorecard per listed unit");
    }

    @Test
    void aScorecardHasItsGroupsCriteriaFindingsOverdueAndHistory() {
        Row weakest = rankings().stream().filter(r -> Boolean.TRUE.equals(r.getAs("ranked")))
                .max((a, b) -> Integer.compare(a.getAs("rank"), b.getAs("rank"))).orElseThrow();
        String unit = weakest.getAs("unit_code");
        WebElement card = driver.findElement(By.cssSelector("article.scorecard[data-unit='" + unit + "']"));
        long findings = store.read(spark, Tables.FINDINGS).filter(col("period").equalTo("2025").and(col("unit_code").equalTo(unit)))
                .count();
        assertEquals(findings, card.findElements(By.cssSelector("ol.findings li")).size());
        assertEquals(22, card.findElements(By.cssSelector("table.criteria tbody tr")).size(), "the 766 set's criteria");
        long overdue = store.read(spark, Tables.OVERDUE_DOSSIERS).filter(col("period").equalTo("2025")
                .and(col("unit_code").equalTo(unit)).and(col("kind").equalTo("open_overdue"))).count();
        assertEquals(String.valueOf(overdue), card.findElement(By.cssSelector(".overdue")).getDomProperty("textContent"));
        List<String> history = new ArrayList<>();
        card.findElements(By.cssSelector("table.history tbody tr td:first-child")).forEach(e -> history.add(e.getDomProperty("textContent")));
        assertEquals(List.of("Năm 2025", "Quý II/2025", "Tháng 6/2025"), history, "the run's periods, in time order");
    }

    @Test
    void screenshotsAndThePdfAreKept() throws IOException {
        Files.write(artifacts.resolve("overview.png"), driver.getScreenshotAs(OutputType.BYTES));
        WebElement card = driver.findElements(By.cssSelector("article.scorecard")).get(0);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true)", card);
        Files.write(artifacts.resolve("scorecard.png"), card.getScreenshotAs(OutputType.BYTES));
        Path pdf = out.resolve("reports").resolve(CommitteeReports.pdfName("2025"));
        assertTrue(Files.isRegularFile(pdf), "the run printed the PDF with " + CHROMIUM);
        byte[] bytes = Files.readAllBytes(pdf);
        assertEquals("%PDF", new String(bytes, 0, 4, StandardCharsets.ISO_8859_1));
        Files.copy(pdf, artifacts.resolve(pdf.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        // A page per scorecard at least: the print CSS breaks the page before each unit.
        Matcher pages = Pattern.compile("/Type\\s*/Page[^s]").matcher(new String(bytes, StandardCharsets.ISO_8859_1));
        int n = 0;
        while (pages.find()) {
            n++;
        }
        int cards = driver.findElements(By.cssSelector("article.scorecard")).size();
        assertTrue(n > cards, "pages " + n + " for " + cards + " scorecards");
        // Not a timed test: the figures are written for the README (load time as the browser measured it, size).
        Object loadMs = ((JavascriptExecutor) driver).executeScript(
                "const t = performance.getEntriesByType('navigation')[0]; return Math.round(t.loadEventEnd - t.startTime);");
        Files.writeString(artifacts.resolve("figures.txt"), "bao-cao-2025.html bytes=" + Files.size(html()) + " load_ms=" + loadMs
                + "\nbao-cao-2025.pdf bytes=" + bytes.length + " pages=" + n + "\n");
    }

    @Test
    void aPeriodWithMoreUnitsThanThePdfLimitGetsItsHtmlAndANoteInsteadOfAPdf() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("limited"));
        int cards = driver.findElements(By.cssSelector("article.scorecard")).size();
        CommitteeReports.Written w = CommitteeReports.write(t -> store.read(spark, t), null, List.of("2025"), "",
                Storage.local(), dir.toString(), cards - 1);
        assertEquals(List.of(CommitteeReports.htmlName("2025"), CommitteeReports.SUMMARY), w.files());
        assertFalse(Files.exists(dir.resolve(CommitteeReports.pdfName("2025"))));
        assertEquals("the PDF is printed for at most " + (cards - 1) + " units (" + cards + " in 2025); open the HTML in a "
                + "browser, or run the province's units alone", w.pdfNote());
    }
}
