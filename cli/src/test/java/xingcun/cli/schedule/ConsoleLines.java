package xingcun.cli.schedule;

import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The scheduler's stderr in a test: all of it kept, and a wait for a line that needs no sleep. */
final class ConsoleLines
        extends Writer
{
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder line = new StringBuilder();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    PrintWriter writer()
    {
        return new PrintWriter(this, true);
    }

    synchronized String text()
    {
        return text.toString();
    }

    /** The next line containing the fragment, waiting for it as long as the timeout; earlier lines are passed over. */
    String await(String fragment, Duration timeout)
            throws InterruptedException
    {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String next = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("No line with '" + fragment + "' within " + timeout + "; the scheduler said:\n" + text());
            }
            if (next.contains(fragment)) {
                return next;
            }
        }
    }

    @Override
    public synchronized void write(char[] buffer, int offset, int length)
    {
        text.append(buffer, offset, length);
        for (int index = offset; index < offset + length; index++) {
            if (buffer[index] == '\n') {
                lines.add(line.toString());
                line.setLength(0);
            }
            else {
                line.append(buffer[index]);
            }
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
