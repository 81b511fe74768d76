package xingcun.pipeline.ingest;

import org.apache.spark.Partition;
import org.apache.spark.rdd.PartitionCoalescer;
import org.apache.spark.rdd.PartitionGroup;
import org.apache.spark.rdd.RDD;
import scala.Option;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Merges a family's partitions, one inbox file each, into the tasks that write its rows, whole files into tasks of
 * about equal bytes, the biggest task first, without a shuffle. Spark's own merge ({@code coalesce}) takes runs of
 * neighbouring partitions: a province's attendance, twelve months in eight tasks, made tasks of 38 and 53 MB beside
 * tasks of 12 and 16, and the last of them ran alone on one core. Here each file goes to the task with the fewest
 * bytes so far, biggest file first (longest processing time first), and Spark starts the tasks in the order of their
 * partitions, so the shortest start last and the cores finish together.
 */
final class FilesIntoWriteTasks implements PartitionCoalescer, Serializable
{
    private final long[] bytesOfPartition;

    /** @param bytesOfPartition the bytes of each partition's file, by the partition's index */
    private FilesIntoWriteTasks(long[] bytesOfPartition)
    {
        this.bytesOfPartition = bytesOfPartition.clone();
    }

    /**
     * The rows in {@code tasks} partitions (or as many as they are, if fewer), merged whole as this class says.
     *
     * @param bytesOfPartition the bytes of each partition's file, by the partition's index
     */
    static <T> RDD<T> merge(RDD<T> rows, long[] bytesOfPartition, int tasks)
    {
        if (rows.getNumPartitions() != bytesOfPartition.length) {
            throw new IllegalArgumentException("Invalid partition sizes: " + bytesOfPartition.length + " sizes for " + rows.getNumPartitions() + " partitions");
        }
        // ordering null: the rows are not shuffled, so Scala's implicit ordering is never used
        return rows.coalesce(Math.max(1, tasks), false, Option.apply(new FilesIntoWriteTasks(bytesOfPartition)), null);
    }

    @Override
    public PartitionGroup[] coalesce(int maxPartitions, RDD<?> parent)
    {
        Partition[] partitions = parent.partitions();
        int groups = Math.min(maxPartitions, partitions.length);
        long[] groupBytes = new long[groups];
        PartitionGroup[] grouped = new PartitionGroup[groups];
        for (int group = 0; group < groups; group++) {
            grouped[group] = new PartitionGroup(Option.empty());
        }
        Integer[] biggestFirst = IntStream.range(0, partitions.length).boxed().toArray(Integer[]::new);
        Arrays.sort(biggestFirst, Comparator.comparingLong((Integer index) -> bytesOfPartition[index]).reversed());
        for (int index : biggestFirst) {
            int lightest = 0;
            for (int group = 1; group < groups; group++) {
                if (groupBytes[group] < groupBytes[lightest]) {
                    lightest = group;
                }
            }
            grouped[lightest].partitions().addOne(partitions[index]);
            groupBytes[lightest] = saturatedSum(groupBytes[lightest], bytesOfPartition[index]);
        }
        Integer[] order = IntStream.range(0, groups).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingLong((Integer group) -> groupBytes[group]).reversed());
        return Arrays.stream(order).map(group -> grouped[group]).filter(group -> group.numPartitions() > 0).toArray(PartitionGroup[]::new);
    }

    private static long saturatedSum(long left, long right)
    {
        return left > Long.MAX_VALUE - right ? Long.MAX_VALUE : left + right;
    }
}
