package vn.reformindex.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.reformindex.SparkTestSupport;

/**
 * The file: file system without processes gives what Hadoop's own gives: the permissions asked for (under the
 * umask) on what it creates, and statuses with the permissions, owner and group the files have.
 */
class NioLocalFileSystemTest {
    @TempDir
    java.nio.file.Path dir;

    private static FileSystem fs() throws Exception {
        Configuration conf = new Configuration();
        conf.set("fs.file.impl", NioLocalFileSystem.class.getName());
        return FileSystem.newInstance(URI.create("file:///"), conf);
    }

    private static String mode(java.nio.file.Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void whatItCreatesHasThePermissionsAskedUnderTheUmask() throws Exception {
        FileSystem fs = fs();
        assertInstanceOf(NioLocalFileSystem.class, fs);
        Path shared = new Path(dir.resolve("shared.txt").toUri());
        try (OutputStream out = fs.create(shared, new FsPermission((short) 0666), true, 4096, (short) 1, 1 << 20, null)) {
            out.write(1);
        }
        Path own = new Path(dir.resolve("own.txt").toUri());
        fs.create(own, new FsPermission((short) 0640), true, 4096, (short) 1, 1 << 20, null).close();
        Path folder = new Path(dir.resolve("a/b").toUri());
        assertTrue(fs.mkdirs(folder, new FsPermission((short) 0777)));

        assertEquals("rw-r--r--", mode(dir.resolve("shared.txt"))); // 0666 under Hadoop's default umask 022
        assertEquals("rw-r-----", mode(dir.resolve("own.txt")));
        assertEquals("rwxr-xr-x", mode(dir.resolve("a")));
        assertEquals("rwxr-xr-x", mode(dir.resolve("a/b")));
        fs.setPermission(own, new FsPermission((short) 0604));
        assertEquals("rw----r--", mode(dir.resolve("own.txt")));
        fs.setPermission(folder, new FsPermission((short) 0710));
        assertEquals("rwx--x---", mode(dir.resolve("a/b")));
        assertThrows(FileNotFoundException.class, () -> fs.setPermission(new Path(dir.resolve("none").toUri()), FsPermission.getFileDefault()));
    }

    @Test
    void aFolderMadeInASharedSetGroupIdFolderKeepsTheBit() throws Exception {
        // A group's shared output folder (chmod 2775): folders made in it inherit the set-group-ID bit, and Hadoop's
        // own chmod process (GNU chmod 0755 on a folder) keeps it, so that files in them keep the shared group.
        java.nio.file.Path shared = Files.createDirectory(dir.resolve("shared"));
        Process chmod = new ProcessBuilder("chmod", "2775", shared.toString()).inheritIO().start();
        assertEquals(0, chmod.waitFor());
        FileSystem fs = fs();
        Path sub = new Path(shared.resolve("run").toUri());
        assertTrue(fs.mkdirs(sub, new FsPermission((short) 0777)));
        assertEquals(02755, (Integer) Files.getAttribute(shared.resolve("run"), "unix:mode") & 07777);
        fs.create(new Path(sub, "part-0"), true).close();
        assertEquals(0644, (Integer) Files.getAttribute(shared.resolve("run/part-0"), "unix:mode") & 07777);
    }

    @Test
    void statusesCarryThePermissionsOwnerAndGroupTheFilesHave() throws Exception {
        java.nio.file.Path file = Files.write(dir.resolve("f.csv"), "a,b\n1,2\n".getBytes());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        java.nio.file.Path sub = Files.createDirectory(dir.resolve("sub"));
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwx-w---x"));
        PosixFileAttributes attrs = Files.readAttributes(file, PosixFileAttributes.class);
        FileSystem fs = fs();

        FileStatus f = fs.getFileStatus(new Path(file.toUri()));
        assertInstanceOf(NioLocalFileSystem.Status.class, f, "read without ls -ld");
        assertEquals(new FsPermission((short) 0640), f.getPermission());
        assertEquals(attrs.owner().getName(), f.getOwner());
        assertEquals(attrs.group().getName(), f.getGroup());
        assertEquals(8, f.getLen());
        assertTrue(f.isFile());
        assertEquals(Files.getLastModifiedTime(file).toMillis(), f.getModificationTime());
        assertEquals(new Path(file.toUri()), f.getPath());

        Map<String, FsPermission> listed = new TreeMap<>();
        for (FileStatus s : fs.listStatus(new Path(dir.toUri()))) {
            listed.put(s.getPath().getName() + (s.isDirectory() ? "/" : ""), s.getPermission());
        }
        assertEquals(Map.of("f.csv", new FsPermission((short) 0640), "sub/", new FsPermission((short) 0721)), listed);

        // The sticky bit: set the way Hadoop sets it, and read back as ls -ld would show it.
        Path sticky = new Path(dir.resolve("tmp").toUri());
        fs.mkdirs(sticky);
        fs.setPermission(sticky, new FsPermission((short) 01777));
        FileStatus t = fs.getFileStatus(sticky);
        assertTrue(t.getPermission().getStickyBit());
        assertEquals("rwxrwxrwt", t.getPermission().toString());
        assertFalse(f.getPermission().getStickyBit());

        assertThrows(FileNotFoundException.class, () -> fs.getFileStatus(new Path(dir.resolve("none").toUri())));
        // Under a regular file a path is absent too, as Hadoop's own says (java.nio says "Not a directory").
        assertThrows(FileNotFoundException.class, () -> fs.getFileStatus(new Path(file.resolve("under").toUri())));
        assertFalse(fs.exists(new Path(file.resolve("under").toUri())));
    }

    @Test
    void sessionsReadAndWriteLocalFilesThroughIt() throws Exception {
        Configuration conf = SparkTestSupport.spark().sparkContext().hadoopConfiguration();
        assertInstanceOf(NioLocalFileSystem.class, FileSystem.newInstance(URI.create("file:///"), conf));
        // The reports' listing (LocatedFileStatus copies permission, owner and group of every file).
        java.nio.file.Path file = Files.write(Files.createDirectory(dir.resolve("r")).resolve("x.csv"), new byte[0]);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        FileStatus listed = new Storage(conf).listFiles(dir.toUri().toString()).get(0);
        assertEquals(new FsPermission((short) 0600), listed.getPermission());
        assertEquals(Files.getOwner(file).getName(), listed.getOwner());
    }
}
