package xingcun.pipeline.ingest;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilesIntoWriteTasksTest
{
    /** A province's twelve months of attendance, in MB, biggest first (the order the family's partitions are in). */
    private static final long[] ATTENDANCE_MB = {38, 31, 22, 22, 19, 17, 16, 16, 14, 12, 11, 9};

    private static SparkSession spark;

    @BeforeAll
    static void start()
    {
        spark = SparkTestSession.start();
    }

    @AfterAll
    static void stop()
    {
        spark.stop();
    }

    @Test
    void wholeFilesGoToTasksOfAboutEqualBytesTheBiggestTaskFirst()
    {
        List<List<Long>> tasks = filesOfTasks(FilesIntoWriteTasks.merge(filesOfMegabytes(ATTENDANCE_MB), ATTENDANCE_MB, 8));

        assertThat(tasks).hasSize(8);
        assertThat(tasks.stream().flatMap(List::stream).sorted().toList()).as("every file once, whole")
                .isEqualTo(LongStream.range(0, ATTENDANCE_MB.length).boxed().toList());
        List<Long> bytes = tasks.stream().map(FilesIntoWriteTasksTest::megabytes).toList();
        assertThat(bytes).as("biggest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
        // Spark's own merge of neighbouring partitions made tasks of 38, 53, 22, 36, 16, 30, 12 and 20 MB
        assertThat(bytes).containsExactly(38L, 31L, 30L, 28L, 28L, 28L, 22L, 22L);
    }

    @Test
    void asManyTasksAsFilesAtMostAndNoneForNoFile()
    {
        long[] three = {5, 3, 1};
        assertThat(filesOfTasks(FilesIntoWriteTasks.merge(filesOfMegabytes(three), three, 8))).containsExactly(List.of(0L), List.of(1L), List.of(2L));
        assertThat(filesOfTasks(FilesIntoWriteTasks.merge(filesOfMegabytes(three), three, 1))).containsExactly(List.of(0L, 1L, 2L));
        long[] none = {};
        assertThat(FilesIntoWriteTasks.merge(filesOfMegabytes(none), none, 4).getNumPartitions()).isZero();
    }

    @Test
    void sizesThatDoNotMatchThePartitionsAreRefused()
    {
        assertThatThrownBy(() -> FilesIntoWriteTasks.merge(filesOfMegabytes(new long[] {1, 2}), new long[] {1}, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid partition sizes: 1 sizes for 2 partitions");
    }

    /** One partition a file, holding its index once for each of its MB. */
    private static RDD<Long> filesOfMegabytes(long[] megabytes)
    {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        if (megabytes.length == 0) {
            return context.<Long>emptyRDD().rdd();
        }
        // one partition an index, each made as big as its file
        JavaRDD<Integer> files = context.parallelize(java.util.stream.IntStream.range(0, megabytes.length).boxed().toList(), megabytes.length);
        return files.mapPartitionsWithIndex((index, ignored) -> LongStream.range(0, megabytes[index]).mapToObj(mb -> (long) index).iterator(), true).rdd();
    }

    /** The files each task holds, in the order of the tasks and of the files in each. */
    private static List<List<Long>> filesOfTasks(RDD<Long> tasks)
    {
        return tasks.toJavaRDD().glom().collect().stream().map(rows -> rows.stream().distinct().toList()).toList();
    }

    private static long megabytes(List<Long> files)
    {
        return files.stream().mapToLong(file -> ATTENDANCE_MB[file.intValue()]).sum();
    }
}
