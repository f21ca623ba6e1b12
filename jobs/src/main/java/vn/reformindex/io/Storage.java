package vn.reformindex.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.LocatedFileStatus;

/**
 * File access by URI (local paths, file:, hdfs://, s3a://) through Hadoop's FileSystem, so the same
 * code runs on a laptop and a cluster. Only small files and listings go through the driver.
 */
public final class Storage implements Serializable {
    private static final long serialVersionUID = 1L;
    private final transient Configuration conf;

    public Storage(Configuration conf) {
        this.conf = conf;
    }

    public static Storage local() {
        return new Storage(new Configuration());
    }

    public Configuration conf() {
        return conf;
    }

    public FileSystem fs(String uri) throws IOException {
        FileSystem fs = new Path(uri).getFileSystem(conf);
        fs.setWriteChecksum(false); // no .crc companions beside reports on local disks
        return fs;
    }

    public boolean exists(String uri) {
        try {
            return fs(uri).exists(new Path(uri));
        } catch (IOException e) {
            return false;
        }
    }

    public InputStream open(String uri) throws IOException {
        return fs(uri).open(new Path(uri));
    }

    public OutputStream create(String uri) throws IOException {
        return fs(uri).create(new Path(uri), true);
    }

    /**
     * A new UTF-8 text file behind a 64 KiB buffer: a CSV printer writes cell by cell and delimiter by
     * delimiter, and unbuffered each of those small writes went through the UTF-8 encoder on its own (about a
     * fifth of the CSV writer's time at national size, BENCHMARKS.md round 8).
     */
    public java.io.Writer createText(String uri) throws IOException {
        return new java.io.BufferedWriter(new java.io.OutputStreamWriter(create(uri), java.nio.charset.StandardCharsets.UTF_8), 1 << 16);
    }

    public long size(String uri) throws IOException {
        return fs(uri).getFileStatus(new Path(uri)).getLen();
    }

    /** Fully qualified URI of a path (file:/... for local paths). */
    public String qualify(String uri) throws IOException {
        Path p = new Path(uri);
        return p.getFileSystem(conf).makeQualified(p).toString();
    }

    /** Files under a folder, recursively, sorted by full path. */
    public List<FileStatus> listFiles(String dir) throws IOException {
        List<FileStatus> out = new ArrayList<>();
        Path p = new Path(dir);
        FileSystem fs = p.getFileSystem(conf);
        if (!fs.exists(p)) {
            return out;
        }
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(p, true);
        while (it.hasNext()) {
            out.add(it.next());
        }
        out.sort((a, b) -> a.getPath().toString().compareTo(b.getPath().toString()));
        return out;
    }

    public void mkdirs(String uri) throws IOException {
        fs(uri).mkdirs(new Path(uri));
    }

    public boolean delete(String uri) throws IOException {
        return fs(uri).delete(new Path(uri), true);
    }

    public boolean rename(String from, String to) throws IOException {
        return fs(from).rename(new Path(from), new Path(to));
    }

    /**
     * Moves a complete file to a name that must not exist yet, atomically: false when the name already
     * exists (another writer got there first), never overwriting it. On a local disk Hadoop's rename
     * replaces an existing file, so a hard link (link(2), which fails when the name exists) makes the new
     * name; HDFS's rename fails when the target exists. Object stores without an atomic rename (S3) cannot
     * promise this: docs/outputs.md says how to run there.
     */
    public boolean moveIfAbsent(String from, String to) throws IOException {
        Path src = new Path(from);
        FileSystem fs = fs(from);
        if ("file".equals(fs.getUri().getScheme())) {
            java.nio.file.Path a = java.nio.file.Paths.get(fs.makeQualified(src).toUri());
            java.nio.file.Path b = java.nio.file.Paths.get(fs.makeQualified(new Path(to)).toUri());
            try {
                java.nio.file.Files.createLink(b, a);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                java.nio.file.Files.deleteIfExists(a);
                return false;
            }
            java.nio.file.Files.delete(a);
            return true;
        }
        if (fs.exists(new Path(to))) {
            fs.delete(src, false);
            return false;
        }
        return fs.rename(src, new Path(to));
    }

    public static String join(String base, String child) {
        return base.endsWith("/") ? base + child : base + "/" + child;
    }

    public static URI uri(String s) {
        return new Path(s).toUri();
    }
}
