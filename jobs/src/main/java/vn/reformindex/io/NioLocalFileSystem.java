package vn.reformindex.io;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system (file:) with permissions set and read through java.nio instead of a process.
 * Without Hadoop's native library (not shipped with Spark) Hadoop runs {@code chmod} for every file and folder
 * it creates and {@code ls -ld} for every file whose permissions are asked: about 2,600 processes in one run on
 * data-samples/, each started from the JVM and waited for (BENCHMARKS.md, round 9). Everything else is Hadoop's
 * own; where java.nio cannot do what Hadoop does (setting sticky and set-id bits, keeping a folder's set-group-ID
 * bit, a file system without POSIX attributes) Hadoop's own way is kept. The session names it as
 * {@code fs.file.impl} (spark.Sessions).
 */
public final class NioLocalFileSystem extends LocalFileSystem {
    private static final PosixFilePermission[] BITS = PosixFilePermission.values(); // owner read ... others execute

    public NioLocalFileSystem() {
        super(new Raw());
    }

    /** The file system under the checksums. */
    static final class Raw extends RawLocalFileSystem {
        @Override
        public void setPermission(Path p, FsPermission permission) throws IOException {
            short mode = permission.toShort();
            File file = pathToFile(p);
            if ((mode & 07000) != 0 || !unix(file) || keepsSetId(file)) {
                super.setPermission(p, permission);
                return;
            }
            Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
            for (int i = 0; i < BITS.length; i++) {
                if ((mode & (0400 >> i)) != 0) {
                    set.add(BITS[i]);
                }
            }
            try {
                Files.setPosixFilePermissions(file.toPath(), set);
            } catch (IOException e) {
                throw missing(file, p, e);
            }
        }

        /**
         * The status Hadoop gives (links followed, its default block size), with the permission read at once by the
         * same stat call rather than later by {@code ls -ld}; owner and group names are looked up when first asked
         * (a listing's {@code LocatedFileStatus} asks, most single statuses are never asked).
         */
        @Override
        public FileStatus getFileStatus(Path f) throws IOException {
            File file = pathToFile(f);
            if (!unix(file)) {
                return super.getFileStatus(f);
            }
            Map<String, Object> a;
            try {
                a = Files.readAttributes(file.toPath(), "unix:mode,isDirectory,lastAccessTime");
            } catch (IOException e) {
                throw missing(file, f, e);
            }
            short mode = (short) ((Integer) a.get("mode") & 07777); // with the sticky bit, as ls -ld shows it
            long accessed = ((FileTime) a.get("lastAccessTime")).toMillis();
            return new Status(file, (Boolean) a.get("isDirectory"), getDefaultBlockSize(f), accessed, new FsPermission(mode),
                    new Path(file.getPath()).makeQualified(getUri(), getWorkingDirectory()));
        }

        /**
         * What Hadoop's own throws for a path that does not exist (also under a regular file, where java.nio says "Not a
         * directory"): FileNotFoundException, which callers take for "absent"; any other failure as it is.
         */
        private static IOException missing(File file, Path p, IOException e) {
            return file.exists() ? e : new FileNotFoundException("File " + p + " does not exist");
        }

        /**
         * A folder with its set-group-ID (or set-user-ID) bit, as a folder made inside a group's shared folder inherits
         * it: the chmod process Hadoop starts keeps the bit on a folder (GNU chmod), java.nio's chmod call would clear
         * it and later files would lose the shared group. Such folders keep Hadoop's way (asked only where the unix
         * view is).
         */
        private static boolean keepsSetId(File file) throws IOException {
            int mode;
            try {
                mode = (Integer) Files.getAttribute(file.toPath(), "unix:mode");
            } catch (IOException e) {
                throw missing(file, new Path(file.toURI()), e);
            }
            // One stat call: the file type bits (S_IFDIR) say whether it is a folder.
            return (mode & 0170000) == 0040000 && (mode & 06000) != 0;
        }

        /**
         * The JDK's {@code unix} view (Linux, macOS): the whole mode, sticky bit included, in one stat call; where it
         * is, POSIX permissions can be set too. Elsewhere Hadoop's own way is kept.
         */
        private static boolean unix(File file) {
            return file.toPath().getFileSystem().supportedFileAttributeViews().contains("unix");
        }
    }

    /** A status whose owner and group names are looked up when first asked, as Hadoop's own does with ls -ld. */
    static final class Status extends FileStatus {
        private static final long serialVersionUID = 1L;
        private final String file;
        private boolean named;

        Status(File file, boolean directory, long blockSize, long accessTime, FsPermission permission, Path path) {
            super(file.length(), directory, 1, blockSize, file.lastModified(), accessTime, permission, null, null, path);
            this.file = file.getPath();
        }

        @Override
        public String getOwner() {
            name();
            return super.getOwner();
        }

        @Override
        public String getGroup() {
            name();
            return super.getGroup();
        }

        private synchronized void name() {
            if (named) {
                return;
            }
            named = true;
            try {
                PosixFileAttributes a = Files.readAttributes(new File(file).toPath(), PosixFileAttributes.class);
                setOwner(a.owner().getName());
                setGroup(a.group().getName());
            } catch (IOException e) {
                // gone since its status was taken: no names, as Hadoop's own status gives then
            }
        }
    }
}
