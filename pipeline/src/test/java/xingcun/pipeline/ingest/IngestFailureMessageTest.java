package xingcun.pipeline.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one line a failed run prints: a run that ran out of memory says so, and how to give it more. */
class IngestFailureMessageTest
{
    private static final long TWO_GB = 2L << 30;

    @Test
    void aTaskOutOfMemoryNamesTheHeapAndTheSetting()
    {
        RuntimeException jobAborted = new RuntimeException("Job aborted due to stage failure: Task 0 in stage 196.0 failed 1 times",
                new IllegalStateException("Lost task 0.0 in stage 196.0: java.lang.OutOfMemoryError: GC overhead limit exceeded"));

        assertThat(IngestJob.failure(jobAborted, false, TWO_GB)).isEqualTo("Spark ran out of memory (Lost task 0.0 in stage 196.0: "
                + "java.lang.OutOfMemoryError: GC overhead limit exceeded); the heap is 2.0 GB: run it again with more, e.g. XINGCUN_HEAP=4g ./xingcun ingest …");
    }

    @Test
    void aStoppedSparkIsReadAsMemoryTooAndOtherFailuresAreTheirFirstLine()
    {
        IllegalStateException stopped = new IllegalStateException("Cannot call methods on a stopped SparkContext.\nThis stopped SparkContext was created at:");

        assertThat(IngestJob.failure(stopped, true, TWO_GB)).isEqualTo("Spark stopped during the run, most often because a task ran out of memory "
                + "(Cannot call methods on a stopped SparkContext.); the heap is 2.0 GB: run it again with more, e.g. XINGCUN_HEAP=4g ./xingcun ingest …");
        assertThat(IngestJob.failure(new IllegalStateException("disk full\nmore"), false, TWO_GB)).isEqualTo("disk full");
    }
}
