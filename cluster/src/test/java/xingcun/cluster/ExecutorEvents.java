package xingcun.cluster;

import org.apache.spark.ExecutorLostFailure;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** What a session's executors did, as Spark's listener bus tells it: where tasks ran, which tasks were lost with their executor, which executors went away. */
final class ExecutorEvents
        extends SparkListener
{
    private final Set<String> taskExecutors = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tasksLostWithExecutor = new AtomicInteger();
    private final List<String> removedExecutors = new CopyOnWriteArrayList<>();
    private volatile Consumer<String> onTaskStart = executorId -> {};

    /** Called with the executor id of every task that starts from now on. */
    void onTaskStart(Consumer<String> action)
    {
        onTaskStart = action;
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart taskStart)
    {
        onTaskStart.accept(taskStart.taskInfo().executorId());
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd)
    {
        taskExecutors.add(taskEnd.taskInfo().executorId());
        if (taskEnd.reason() instanceof ExecutorLostFailure) {
            tasksLostWithExecutor.incrementAndGet();
        }
    }

    @Override
    public void onExecutorRemoved(SparkListenerExecutorRemoved removed)
    {
        removedExecutors.add(removed.executorId());
    }

    Set<String> taskExecutors()
    {
        return Set.copyOf(taskExecutors);
    }

    int tasksLostWithExecutor()
    {
        return tasksLostWithExecutor.get();
    }

    List<String> removedExecutors()
    {
        return List.copyOf(removedExecutors);
    }
}
