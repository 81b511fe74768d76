package xingcun.cli.schedule;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Held by a running scheduler for its schedule's run log: two schedulers on one schedule would run every job twice.
 * An operating-system lock, so a killed scheduler never leaves a stale one behind. --run-now does not take it.
 */
public final class SchedulerLock
        implements AutoCloseable
{
    private final FileChannel channel;
    private final FileLock lock;

    private SchedulerLock(FileChannel channel, FileLock lock)
    {
        this.channel = channel;
        this.lock = lock;
    }

    public static SchedulerLock acquire(Path file)
    {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new ScheduleException(ScheduleErrorCode.ALREADY_RUNNING, "Cannot start the scheduler: another scheduler runs these jobs (it holds " + file
                        + "); stop it first, or give this schedule its own run_log");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            return new SchedulerLock(channel, lock);
        }
        catch (IOException e) {
            throw new ScheduleException(ScheduleErrorCode.STATE_FAILED, "Cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static FileLock tryLock(FileChannel channel)
            throws IOException
    {
        try {
            return channel.tryLock();
        }
        catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    @Override
    public void close()
            throws IOException
    {
        lock.release();
        channel.close();
    }
}
