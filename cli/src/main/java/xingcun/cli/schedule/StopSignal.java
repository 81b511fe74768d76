package xingcun.cli.schedule;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Set once when the scheduler is asked to stop; every wait of the scheduler (for a fire, before a retry) ends with it. */
final class StopSignal
{
    private final CountDownLatch stopped = new CountDownLatch(1);

    void request()
    {
        stopped.countDown();
    }

    boolean requested()
    {
        return stopped.getCount() == 0;
    }

    /** Waits this long, or until a stop is requested; true if it was. */
    boolean await(Duration duration)
    {
        try {
            return stopped.await(Math.max(0, duration.toNanos()), TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
