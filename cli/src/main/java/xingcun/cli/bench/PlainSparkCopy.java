package xingcun.cli.bench;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contender a Spark user would write instead of xingcun ingest: the service-log CSV files with an explicit schema
 * (every column a string, the files' own header names), header=true, each file read in its encoding, written as
 * Parquet. No validation, no de-duplication, no lineage. Run as a child JVM by xingcun bench:
 * {@code PlainSparkCopy OUT_DIR HEADER ENCODING=FILE …} (HEADER: the column names, tab-separated).
 */
public final class PlainSparkCopy
{
    private PlainSparkCopy() {}

    public static void main(String[] args)
    {
        long started = System.nanoTime();
        String out = args[0];
        String[] columns = args[1].split("\t", -1);
        Map<String, List<String>> filesByEncoding = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            int at = args[i].indexOf('=');
            filesByEncoding.computeIfAbsent(args[i].substring(0, at), encoding -> new ArrayList<>()).add(args[i].substring(at + 1));
        }
        List<StructField> fields = new ArrayList<>();
        for (String column : columns) {
            fields.add(DataTypes.createStructField(column, DataTypes.StringType, true));
        }
        StructType schema = DataTypes.createStructType(fields);
        SparkSession spark = SparkSession.builder().appName("plain-spark-copy").master("local[*]")
                .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
                // Spark 4's CSV source accepts only UTF-8/16/32, ASCII and Latin-1 unless told to take any Java charset (GBK, GB18030)
                .config("spark.sql.legacy.javaCharsets", "true").getOrCreate();
        double sessionMillis = ChildResult.millisSince(started);
        try {
            long copyStarted = System.nanoTime();
            Dataset<Row> all = null;
            for (Map.Entry<String, List<String>> group : filesByEncoding.entrySet()) {
                Dataset<Row> part = spark.read().schema(schema).option("header", "true").option("encoding", group.getKey())
                        .csv(group.getValue().toArray(String[]::new));
                all = all == null ? part : all.unionByName(part);
            }
            all.write().mode(SaveMode.Overwrite).parquet(out);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("session_ms", sessionMillis);
            result.put("copy_ms", ChildResult.millisSince(copyStarted));
            result.put("encodings", new ArrayList<>(filesByEncoding.keySet()));
            ChildResult.print(result);
        }
        finally {
            spark.stop();
        }
    }
}
