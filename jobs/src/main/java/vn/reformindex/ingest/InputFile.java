package vn.reformindex.ingest;

import java.io.Serializable;

/** A dossier file of the input: its URI, its name relative to the input folder, its format. */
public final class InputFile implements Serializable {
    private static final long serialVersionUID = 1L;

    public enum Format { CSV, JSON_LINES }

    public final String uri;
    /** Relative to the input folder, e.g. {@code dossiers/2024-h1.csv}: the name used in every table. */
    public final String name;
    public final Format format;
    public final long size;
    /** Modification time (ms since the epoch): with the size, how an incremental run recognises a file it read before. */
    public final long modifiedAt;

    public InputFile(String uri, String name, Format format, long size, long modifiedAt) {
        this.uri = uri;
        this.name = name;
        this.format = format;
        this.size = size;
        this.modifiedAt = modifiedAt;
    }

    public static Format formatOf(String fileName) {
        String n = fileName.toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".csv")) {
            return Format.CSV;
        }
        if (n.endsWith(".jsonl") || n.endsWith(".json")) {
            return Format.JSON_LINES;
        }
        return null;
    }
}
