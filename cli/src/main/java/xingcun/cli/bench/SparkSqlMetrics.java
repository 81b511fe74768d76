package xingcun.cli.bench;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import xingcun.warehouse.LakeSnapshot;
import xingcun.warehouse.metrics.ReportingPeriod;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headline metrics of a period and of the period before it, as a Spark user would compute them: Spark SQL over
 * the Parquet files of the lake's last snapshot (the files xingcun's warehouse reads), one query per table with
 * conditional aggregates, and the two compliance rates as joins. Mirrors warehouse/…/metrics.yml and the models
 * behind it; the bench compares every value with xingcun's. Run as a child JVM by xingcun bench:
 * {@code SparkSqlMetrics LAKE PERIOD ITERATIONS}.
 */
public final class SparkSqlMetrics
{
    /** The tables the metrics read, with the columns they use: the shape of a family the lake has no file of yet. */
    static final Map<String, String> FAMILIES = new LinkedHashMap<>();

    static {
        FAMILIES.put("talents", "talent_id string, cycle_start date, cycle_end date");
        FAMILIES.put("service_logs", "talent_id string, service_on date, activity_type string, days double, bottleneck string");
        FAMILIES.put("trainings", "held_on date, attendees long, audience string");
        FAMILIES.put("ip_outputs", "output_type string, granted_on date, filed_on date");
        FAMILIES.put("youth_talents", "joined_on date");
        FAMILIES.put("projects", "kind string, status string, funds_in_place_yuan double, funds_intended_yuan double, signed_on date");
    }

    private SparkSqlMetrics() {}

    public static void main(String[] args)
    {
        Path lake = Path.of(args[0]).toAbsolutePath();
        ReportingPeriod period = ReportingPeriod.parse(args[1]);
        int iterations = Integer.parseInt(args[2]);
        long started = System.nanoTime();
        SparkSession spark = SparkSession.builder().appName("spark-sql-metrics").master("local[*]")
                .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
                // as xingcun's own sessions: a few million rows need a handful of shuffle partitions, not 200
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.session.timeZone", "UTC").getOrCreate();
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            result.put("session_ms", ChildResult.millisSince(started));
            long viewsStarted = System.nanoTime();
            LakeSnapshot snapshot = LakeSnapshot.latest(lake);
            for (Map.Entry<String, String> family : FAMILIES.entrySet()) {
                List<Path> files = snapshot.files(family.getKey());
                if (files.isEmpty()) {
                    spark.createDataFrame(List.<Row>of(), StructType.fromDDL(family.getValue())).createOrReplaceTempView(family.getKey());
                }
                else {
                    spark.read().parquet(files.stream().map(Path::toString).toArray(String[]::new)).createOrReplaceTempView(family.getKey());
                }
            }
            result.put("views_ms", ChildResult.millisSince(viewsStarted));
            List<Double> runs = new ArrayList<>();
            Map<String, Map<String, Object>> values = Map.of();
            for (int i = 0; i < iterations; i++) {
                long runStarted = System.nanoTime();
                Map<String, Double> current = compute(spark, period);
                Map<String, Double> previous = compute(spark, period.previous());
                runs.add(ChildResult.millisSince(runStarted));
                values = new LinkedHashMap<>();
                for (String metric : current.keySet()) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("value", current.get(metric));
                    entry.put("previous_value", previous.get(metric));
                    values.put(metric, entry);
                }
            }
            result.put("run_ms", runs);
            result.put("queries_per_run", 2 * QUERIES);
            result.put("values", values);
        }
        finally {
            spark.stop();
        }
        ChildResult.print(result);
    }

    static final int QUERIES = 8;

    /** The 19 headline metrics of one period, by metric id. */
    static Map<String, Double> compute(SparkSession spark, ReportingPeriod period)
    {
        String from = "date'" + period.from() + "'";
        String to = "date'" + period.to() + "'";
        String cycleEnd = "coalesce(cycle_end, date_sub(add_months(cycle_start, 12), 1))";
        Map<String, Double> values = new LinkedHashMap<>();
        put(values, spark, "select count(distinct talent_id) as talents_dispatched from talents where cycle_start <= " + to + " and " + cycleEnd + " >= " + from);
        put(values, spark, "select count_if(activity_type = 'field_guidance') as field_guidance_person_times,"
                + " coalesce(sum(case when activity_type <> 'online_consultation' then days end), 0) as on_site_service_days,"
                + " count(distinct nullif(trim(bottleneck), '')) as bottlenecks_solved"
                + " from service_logs where service_on between " + from + " and " + to);
        put(values, spark, "select count(*) as trainings_held, coalesce(sum(attendees), 0) as trainee_person_times,"
                + " coalesce(sum(case when audience = 'large_grower' then attendees end), 0) as large_grower_trainee_person_times"
                + " from trainings where held_on between " + from + " and " + to);
        put(values, spark, "select count_if(output_type = 'utility_model') as utility_model_patents, count_if(output_type = 'design_patent') as design_patents,"
                + " count_if(output_type = 'software_copyright') as software_copyrights, count_if(output_type = 'enterprise_standard') as enterprise_standards"
                + " from ip_outputs where coalesce(granted_on, filed_on) between " + from + " and " + to);
        put(values, spark, "select count(*) as young_talents from youth_talents where joined_on between " + from + " and " + to);
        put(values, spark, "select count_if(kind = 'introduced') as projects_introduced,"
                + " coalesce(sum(case when kind = 'introduced' then coalesce(funds_in_place_yuan, 0) end), 0) as funds_in_place_yuan,"
                + " coalesce(sum(case when kind = 'introduced' then coalesce(funds_intended_yuan, 0) end), 0) as funds_intended_yuan,"
                + " count_if(kind = 'innovation') as innovation_projects, count_if(kind = 'recruitment' and status = 'negotiating') as projects_under_negotiation"
                + " from projects where coalesce(signed_on, " + to + ") between " + from + " and " + to);
        // mart_talent_service_days: on-site days in each talent's whole cycle against the 30-day minimum
        put(values, spark, "with t as (select talent_id, cycle_start as s, " + cycleEnd + " as e from talents),"
                + " d as (select t.talent_id, t.s, t.e, coalesce(sum(l.days), 0) as on_site from t left join"
                + " (select talent_id, service_on, days from service_logs where activity_type <> 'online_consultation') l"
                + " on l.talent_id = t.talent_id and l.service_on between t.s and t.e group by t.talent_id, t.s, t.e)"
                + " select avg(case when on_site >= 30 then 1.0D else 0.0D end) as service_days_compliance_rate from d where s <= " + to + " and e >= " + from);
        // mart_talent_quarterly_mechanisms: talent-quarters wholly in the period with all four mechanisms held
        put(values, spark, "with q as (select * from values " + quarters(period) + " as q(qs, qe)),"
                + " t as (select talent_id, cycle_start as s, " + cycleEnd + " as e from talents),"
                + " tq as (select t.talent_id, q.qs, q.qe from t join q on q.qs <= t.e and q.qe >= t.s),"
                + " m as (select talent_id, service_on, activity_type from service_logs"
                + " where activity_type in ('joint_meeting', 'target_analysis', 'progress_report', 'in_depth_visit')),"
                + " c as (select tq.talent_id, tq.qs, count(distinct m.activity_type) = 4 as ok from tq left join m"
                + " on m.talent_id = tq.talent_id and m.service_on between tq.qs and tq.qe group by tq.talent_id, tq.qs, tq.qe)"
                + " select avg(case when ok then 1.0D else 0.0D end) as mechanism_compliance_rate from c");
        return values;
    }

    /** The calendar quarters lying wholly in the period, as a VALUES list (a never-matching row when there is none). */
    static String quarters(ReportingPeriod period)
    {
        List<String> rows = new ArrayList<>();
        LocalDate start = period.from().withDayOfMonth(1).withMonth((period.from().getMonthValue() - 1) / 3 * 3 + 1);
        for (LocalDate quarter = start; !quarter.isAfter(period.to()); quarter = quarter.plusMonths(3)) {
            LocalDate end = quarter.plusMonths(3).minusDays(1);
            if (!quarter.isBefore(period.from()) && !end.isAfter(period.to())) {
                rows.add("(date'" + quarter + "', date'" + end + "')");
            }
        }
        return rows.isEmpty() ? "(date'1900-01-01', date'1899-12-31')" : String.join(", ", rows);
    }

    private static void put(Map<String, Double> values, SparkSession spark, String sql)
    {
        Row row = spark.sql(sql).collectAsList().get(0);
        for (int i = 0; i < row.length(); i++) {
            Object value = row.get(i);
            values.put(row.schema().fields()[i].name(), value == null ? null : ((Number) value).doubleValue());
        }
    }
}
