package vn.reformindex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Builds input folders for tests: the golden registry, catalogue and calendar, plus dossier files. */
public final class TestInputs {
    private final Path dir;

    private TestInputs(Path dir) {
        this.dir = dir;
    }

    /** A new input folder with the golden units.csv, procedures.csv and holidays.csv. */
    public static TestInputs withGoldenReference(Path parent) {
        try {
            Path dir = Files.createDirectories(parent.resolve("input"));
            Files.createDirectories(dir.resolve("dossiers"));
            for (String f : new String[]{"units.csv", "procedures.csv", "holidays.csv"}) {
                Files.copy(SparkTestSupport.golden().resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
            return new TestInputs(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestInputs dossiers(String fileName, String text) {
        return bytes("dossiers/" + fileName, text.getBytes(StandardCharsets.UTF_8));
    }

    public TestInputs file(String relative, String text) {
        return bytes(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    public TestInputs bytes(String relative, byte[] content) {
        try {
            Path p = dir.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.write(p, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
