package vn.reformindex.generator;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder a generator run writes, for both shapes: every file goes through here (UTF-8 without BOM,
 * '\n' line ends), which records its records and bytes in {@link #result}. Dossier files are streamed record
 * by record ({@link DossierFile}); several can be open at once from different threads.
 */
final class InputFolder {
    private final Path root;
    final GeneratedFiles result = new GeneratedFiles();

    InputFolder(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root.resolve("dossiers"));
    }

    /** Writes a CSV file: a header line, then one line per record. */
    void csv(String name, String text) throws IOException {
        long lines = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        write(name, text, lines - 1);
    }

    /** Writes a whole file of {@code records} records. */
    void write(String name, String text, long records) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Files.write(root.resolve(name), bytes);
        recorded(name, records, bytes.length);
    }

    private synchronized void recorded(String name, long records, long bytes) {
        result.records.put(name, records);
        result.bytes += bytes;
    }

    /** Opens a CSV dossier file (header first) whose rows {@code format} writes. */
    DossierFile csvDossiers(String name, DossierWriter format) throws IOException {
        return new DossierFile(name, format);
    }

    /** Opens a JSON Lines dossier file (sync payload, one object per line). */
    DossierFile jsonDossiers(String name) throws IOException {
        return new DossierFile(name, null);
    }

    /** One dossier file, written through a 1 MB buffer; its records and bytes are recorded on close. */
    final class DossierFile implements Closeable {
        private final String name;
        private final DossierWriter csv; // null: JSON Lines
        private final CountingStream counter;
        private final Writer w;
        private final StringBuilder b = new StringBuilder(4096);
        private long records;

        private DossierFile(String name, DossierWriter csv) throws IOException {
            this.name = name;
            this.csv = csv;
            this.counter = new CountingStream(Files.newOutputStream(root.resolve(name)));
            this.w = new BufferedWriter(new OutputStreamWriter(counter, StandardCharsets.UTF_8), 1 << 20);
            if (csv != null) {
                w.write(DossierWriter.header());
            }
        }

        void add(Dossier d) throws IOException {
            b.setLength(0);
            if (csv == null) {
                DossierWriter.json(b, d);
            } else {
                csv.csv(b, d);
            }
            w.append(b);
            records++;
        }

        @Override
        public void close() throws IOException {
            w.close();
            recorded(name, records, counter.count);
        }
    }

    /** Counts the bytes written. */
    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(new BufferedOutputStream(out, 1 << 16));
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
