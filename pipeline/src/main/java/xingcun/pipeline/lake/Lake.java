package xingcun.pipeline.lake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import xingcun.pipeline.PipelineErrorCode;
import xingcun.pipeline.PipelineException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The lake's folder, through Hadoop's FileSystem so it may be local, hdfs:// or s3a://.
 * <pre>
 * lake/&lt;family&gt;/[year=YYYY/]&lt;run-id&gt;-part-….parquet   accepted rows
 * lake/_quarantine/&lt;family&gt;/&lt;run-id&gt;-part-….parquet   rejected rows
 * lake/_runs/&lt;run-id&gt;.json                            what each run read, accepted, rejected …
 * lake/_snapshots/&lt;id&gt;.json                            committed states; the highest id is current
 * lake/_staging/&lt;run-id&gt;/                              a run's output before it commits
 * lake/_keys/personal-data.key                          the secret key of personal-data hashes
 * </pre>
 */
public final class Lake
{
    public static final String SNAPSHOTS = "_snapshots";
    public static final String RUNS = "_runs";
    public static final String STAGING = "_staging";
    public static final String QUARANTINE = "_quarantine";
    private static final String KEY_FILE = "_keys/personal-data.key";
    private static final String LOCK = "_lock";
    private static final int SNAPSHOTS_KEPT = 3;
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final FileSystem fileSystem;
    private final Path root;

    private Lake(FileSystem fileSystem, Path root)
    {
        this.fileSystem = requireNonNull(fileSystem, "fileSystem is null");
        this.root = requireNonNull(root, "root is null");
    }

    public static Lake open(String location, Configuration configuration)
    {
        try {
            Path root = new Path(location);
            FileSystem fileSystem = root.getFileSystem(configuration);
            // no .crc side files beside every snapshot, report and Parquet file: Parquet checks its own pages
            fileSystem.setWriteChecksum(false);
            Path qualified = fileSystem.makeQualified(root);
            if (fileSystem.exists(qualified) && !fileSystem.getFileStatus(qualified).isDirectory()) {
                throw new PipelineException(PipelineErrorCode.INVALID_ARGUMENT, "Cannot use lake " + location + ": it is a file, not a folder");
            }
            if (!fileSystem.exists(qualified) && !fileSystem.mkdirs(qualified)) {
                throw new PipelineException(PipelineErrorCode.INVALID_ARGUMENT, "Cannot create lake " + location + ": choose a folder you can write to");
            }
            return new Lake(fileSystem, qualified);
        }
        catch (IOException e) {
            throw new PipelineException(PipelineErrorCode.INVALID_ARGUMENT, "Cannot open lake " + location + ": " + e.getMessage(), e);
        }
    }

    public Path root()
    {
        return root;
    }

    /** The lake as a user wrote it: a plain path for a local lake, the full URI otherwise. */
    public String displayName()
    {
        return "file".equals(root.toUri().getScheme()) ? root.toUri().getPath() : root.toString();
    }

    public FileSystem fileSystem()
    {
        return fileSystem;
    }

    public Path resolve(String relative)
    {
        return new Path(root, relative);
    }

    public Snapshot currentSnapshot()
    {
        return snapshotIds().stream().max(Comparator.naturalOrder()).map(this::readSnapshot).orElseGet(Snapshot::empty);
    }

    /** The absolute paths of a table's files in the current snapshot. */
    public List<String> currentFiles(String table)
    {
        return currentSnapshot().files(table).stream().map(file -> resolve(file).toString()).toList();
    }

    /**
     * Commits a snapshot: written to a temporary name, then renamed to its id, which no other snapshot may hold.
     * The rename is the commit point: before it, readers see the previous snapshot; after it, this one.
     */
    public void commit(Snapshot snapshot)
    {
        Path target = resolve(SNAPSHOTS + "/" + snapshotName(snapshot.id()));
        Path temporary = resolve(SNAPSHOTS + "/." + snapshotName(snapshot.id()) + "." + snapshot.runId() + ".tmp");
        try {
            writeJson(temporary, snapshot);
            if (fileSystem.exists(target) || !fileSystem.rename(temporary, target)) {
                fileSystem.delete(temporary, false);
                throw new PipelineException(PipelineErrorCode.RUN_FAILED,
                        "Cannot commit run " + snapshot.runId() + ": another ingest committed snapshot " + snapshot.id() + " first; run the ingest again");
            }
        }
        catch (IOException e) {
            throw new PipelineException(PipelineErrorCode.RUN_FAILED, "Cannot commit run " + snapshot.runId() + ": " + e.getMessage(), e);
        }
    }

    public void writeJson(Path path, Object value)
            throws IOException
    {
        try (FSDataOutputStream stream = fileSystem.create(path, true)) {
            JSON.writeValue((java.io.OutputStream) stream, value);
        }
    }

    /**
     * Takes the lake's writer lock (lake/_lock) for a run: one ingest at a time, since a run cleans up files that
     * only an unfinished run could own. A lock left by a process of this host that no longer exists (a killed run)
     * is taken over; any other held lock fails the run with who holds it.
     */
    public void lock(String runId)
    {
        Path lockPath = resolve(LOCK);
        String owner = ProcessHandle.current().pid() + "@" + hostName() + " " + runId + " " + java.time.Instant.now();
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                createExclusively(lockPath, owner);
                return;
            }
            catch (java.nio.file.FileAlreadyExistsException | org.apache.hadoop.fs.FileAlreadyExistsException held) {
                String holder = readQuietly(lockPath);
                if (attempt == 0 && isDeadLocalProcess(holder)) {
                    deleteQuietly(lockPath);
                    continue;
                }
                throw new PipelineException(PipelineErrorCode.RUN_FAILED, "Cannot ingest into lake " + displayName() + ": another ingest holds its lock ("
                        + holder.strip() + "); wait for it to finish, or delete " + displayName() + "/" + LOCK + " if no ingest is running");
            }
            catch (IOException e) {
                throw new PipelineException(PipelineErrorCode.RUN_FAILED, "Cannot lock lake " + displayName() + ": " + e.getMessage(), e);
            }
        }
    }

    public void unlock()
    {
        deleteQuietly(resolve(LOCK));
    }

    private void createExclusively(Path path, String content)
            throws IOException
    {
        if ("file".equals(root.toUri().getScheme())) {
            // O_EXCL: atomic on a local disk, unlike FileSystem.create(path, false)
            java.nio.file.Files.writeString(java.nio.file.Files.createFile(java.nio.file.Path.of(path.toUri())), content);
            return;
        }
        try (FSDataOutputStream stream = fileSystem.create(path, false)) {
            stream.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static boolean isDeadLocalProcess(String holder)
    {
        String[] parts = holder.strip().split("[@ ]");
        if (parts.length < 2 || !parts[1].equals(hostName()) || !parts[0].matches("\\d+")) {
            return false;
        }
        return ProcessHandle.of(Long.parseLong(parts[0])).map(process -> !process.isAlive()).orElse(true);
    }

    private static String hostName()
    {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        }
        catch (java.net.UnknownHostException e) {
            return "unknown-host";
        }
    }

    private String readQuietly(Path path)
    {
        try (InputStream stream = fileSystem.open(path)) {
            return new String(stream.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            return "unknown holder";
        }
    }

    private void deleteQuietly(Path path)
    {
        try {
            fileSystem.delete(path, false);
        }
        catch (IOException ignored) {
            // a lock that cannot be removed is reported by the next run that finds it
        }
    }

    /**
     * Removes what no current reader can need: staging folders of runs that died, data files of runs that never
     * committed, and files that only snapshots older than the last few referenced. Called before a run starts.
     */
    public void removeLeftovers()
    {
        try {
            fileSystem.delete(resolve(STAGING), true);
            List<Long> ids = snapshotIds().stream().sorted(Comparator.reverseOrder()).toList();
            Set<String> keep = new HashSet<>();
            for (long id : ids.subList(0, Math.min(SNAPSHOTS_KEPT, ids.size()))) {
                readSnapshot(id).tables().values().forEach(keep::addAll);
            }
            for (String file : dataFiles()) {
                if (!keep.contains(file)) {
                    fileSystem.delete(resolve(file), false);
                }
            }
            for (long id : ids.subList(Math.min(SNAPSHOTS_KEPT, ids.size()), ids.size())) {
                fileSystem.delete(resolve(SNAPSHOTS + "/" + snapshotName(id)), false);
            }
        }
        catch (IOException e) {
            throw new PipelineException(PipelineErrorCode.RUN_FAILED, "Cannot clean the lake " + root + ": " + e.getMessage(), e);
        }
    }

    /** The secret key for personal-data hashes, made on first use; a lake keeps its key so hashes stay comparable. */
    public byte[] personalDataKey()
    {
        Path keyPath = resolve(KEY_FILE);
        try {
            if (!fileSystem.exists(keyPath)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Path temporary = resolve(KEY_FILE + ".tmp");
                try (FSDataOutputStream stream = fileSystem.create(temporary, true)) {
                    stream.write(key);
                }
                fileSystem.rename(temporary, keyPath);
            }
            byte[] key;
            try (InputStream stream = fileSystem.open(keyPath)) {
                key = stream.readAllBytes();
            }
            if (key.length == 0) {
                // an empty key would hash every phone and ID number with a key anyone knows
                throw new PipelineException(PipelineErrorCode.RUN_FAILED, "The personal-data key " + keyPath + " is empty: restore it from a backup of the lake"
                        + " (a new key would hash the same phone differently from the lake's rows)");
            }
            return key;
        }
        catch (IOException e) {
            throw new PipelineException(PipelineErrorCode.RUN_FAILED, "Cannot read the personal-data key of lake " + root + ": " + e.getMessage(), e);
        }
    }

    /** Every Parquet file under the lake's table folders, relative to the root. */
    private List<String> dataFiles()
            throws IOException
    {
        List<String> files = new ArrayList<>();
        for (FileStatus status : fileSystem.listStatus(root)) {
            String name = status.getPath().getName();
            if (status.isDirectory() && (!name.startsWith("_") || name.equals(QUARANTINE))) {
                collectParquet(status.getPath(), files);
            }
        }
        return files;
    }

    private void collectParquet(Path folder, List<String> files)
            throws IOException
    {
        for (FileStatus status : fileSystem.listStatus(folder)) {
            if (status.isDirectory()) {
                collectParquet(status.getPath(), files);
            }
            else if (status.getPath().getName().endsWith(".parquet")) {
                files.add(relative(status.getPath()));
            }
        }
    }

    public String relative(Path path)
    {
        String full = fileSystem.makeQualified(path).toUri().getPath();
        String base = root.toUri().getPath();
        return full.substring(base.length() + (base.endsWith("/") ? 0 : 1));
    }

    private List<Long> snapshotIds()
    {
        try {
            Path folder = resolve(SNAPSHOTS);
            if (!fileSystem.exists(folder)) {
                return List.of();
            }
            return Arrays.stream(fileSystem.listStatus(folder))
                    .map(status -> status.getPath().getName())
                    .filter(name -> name.matches("\\d{8}\\.json"))
                    .map(name -> Long.parseLong(name.substring(0, 8)))
                    .toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot list snapshots of lake " + root, e);
        }
    }

    private Snapshot readSnapshot(long id)
    {
        try (InputStream stream = fileSystem.open(resolve(SNAPSHOTS + "/" + snapshotName(id)))) {
            return JSON.readValue(stream, Snapshot.class);
        }
        catch (IOException e) {
            throw new PipelineException(PipelineErrorCode.RUN_FAILED, "Cannot read snapshot " + id + " of lake " + root + ": " + e.getMessage(), e);
        }
    }

    public static String snapshotName(long id)
    {
        return "%08d.json".formatted(id);
    }
}
