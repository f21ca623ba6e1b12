package vn.reformindex.bench;

import java.net.URI;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What one local file system call costs through Hadoop's {@code LocalFileSystem} (a chmod process per created
 * file, an ls -ld per permission read, without Hadoop's native library) and through the pipeline's
 * {@code NioLocalFileSystem} (BENCHMARKS.md, round 9): creating a file, listing a folder and reading the
 * permissions of its files, one status. The two are measured alternately, ROUNDS times each, so that a change in
 * the machine's load hits both.
 *
 * <p>Usage: {@code LocalFileSystemCost [FILES] [ROUNDS]} (100 files, 2 rounds by default). Prints one line per
 * file system and round.
 */
public final class LocalFileSystemCost {
    private LocalFileSystemCost() {
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        java.nio.file.Path dir = Files.createTempDirectory("local-fs-cost");
        try {
            System.out.printf("%-40s %18s %24s %16s%n", "file system", "create (ms/file)", "list + permissions (ms)", "status (us)");
            for (int r = 0; r < rounds; r++) {
                for (String impl : new String[]{"org.apache.hadoop.fs.LocalFileSystem", "vn.reformindex.io.NioLocalFileSystem"}) {
                    measure(impl, new Path(dir.resolve(r + "-" + impl).toUri()), files);
                }
            }
        } finally {
            try (Stream<java.nio.file.Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void measure(String impl, Path folder, int files) throws Exception {
        Configuration conf = new Configuration();
        conf.set("fs.file.impl", impl);
        try (FileSystem fs = FileSystem.newInstance(URI.create("file:///"), conf)) {
            long t0 = System.nanoTime();
            for (int i = 0; i < files; i++) {
                fs.create(new Path(folder, "part-" + i), true).close(); // the file and its .crc, as Spark writes them
            }
            long t1 = System.nanoTime();
            int permissions = 0;
            for (FileStatus s : fs.listStatus(folder)) {
                permissions += s.getPermission().toShort() != 0 ? 1 : 0;
            }
            long t2 = System.nanoTime();
            int statuses = 20 * files;
            for (int i = 0; i < statuses; i++) {
                fs.getFileStatus(new Path(folder, "part-" + (i % files)));
            }
            long t3 = System.nanoTime();
            if (permissions != files) { // the .crc companions are not listed
                throw new IllegalStateException(impl + ": " + permissions + " permissions read, expected " + files);
            }
            System.out.printf("%-40s %18.2f %24.1f %16.1f%n", impl, (t1 - t0) / 1e6 / files, (t2 - t1) / 1e6,
                    (t3 - t2) / 1e3 / statuses);
        }
    }
}
