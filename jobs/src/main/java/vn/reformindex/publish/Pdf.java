package vn.reformindex.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Prints an HTML file to PDF with headless Chromium (Debian's {@code chromium}, with {@code fonts-noto-core}
 * for the Vietnamese letters). Chromium is looked up in {@code REFORM_INDEX_CHROMIUM}, then the usual places;
 * when there is none the caller writes the HTML only and says how to get the PDF.
 */
public final class Pdf {
    /** How to get the PDF when no Chromium is installed. */
    public static final String HOW_TO = "no Chromium found: install it (Debian: apt-get install -y chromium fonts-noto-core) "
            + "and rerun './reform-index report', or open the HTML in a browser and print it to PDF (A4)";
    private static final long TIMEOUT_SECONDS = 120;

    private Pdf() {
    }

    /** The Chromium executable, or null. */
    public static Path chromium() {
        List<String> candidates = new ArrayList<>();
        String env = System.getenv("REFORM_INDEX_CHROMIUM");
        if (env != null && !env.isBlank()) {
            candidates.add(env);
        }
        candidates.addAll(List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"));
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Prints {@code html} (a local file) to {@code pdf} on A4 as the page's print CSS lays it out. */
    public static void print(Path chromium, Path html, Path pdf) throws IOException {
        Path profile = Files.createTempDirectory("reform-index-chromium");
        try {
            // Flags from platform-notes: no sandbox (containers), no network or sync at start, a fresh profile.
            // No PDF tagging: Chromium's structure tree of every element made the 2025 report of data-samples
            // 5 MB instead of 0.5 MB.
            List<String> cmd = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--no-pdf-header-footer", "--disable-pdf-tagging",
                    "--print-to-pdf=" + pdf.toAbsolutePath(),
                    html.toAbsolutePath().toUri().toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile())
                    .start();
            boolean done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
                throw new IOException("chromium did not finish printing " + html.getFileName() + " in " + TIMEOUT_SECONDS + " s");
            }
            if (!Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
                throw new IOException("chromium exited with " + p.exitValue() + " and wrote no PDF for " + html.getFileName());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while printing " + html.getFileName(), e);
        } finally {
            try (Stream<Path> s = Files.walk(profile)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
