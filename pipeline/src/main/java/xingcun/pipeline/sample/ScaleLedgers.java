package xingcun.pipeline.sample;

import xingcun.pipeline.sample.SampleTable.FileFormat;

/**
 * The ledgers every county of a generated inbox writes into, in the sample's formats: service logs in GBK, trainings
 * in UTF-8 with a BOM, sign-in sheets in UTF-8, evaluations in GBK, young talents as TSV, outputs as JSON Lines.
 * The three large ones are cut by the profile's period; the others keep one file a year.
 */
final class ScaleLedgers
{
    private final PeriodLedgers serviceLogs;
    private final PeriodLedgers trainings;
    private final PeriodLedgers attendance;
    private final PeriodLedgers evaluations;
    private final PeriodLedgers youthTalents;
    private final PeriodLedgers ipOutputs;
    private final PeriodLedgers industryOutputs;

    ScaleLedgers(InboxFiles files, LedgerPeriod period)
    {
        this.serviceLogs = new PeriodLedgers(files, period, "service_logs", "服务台账.csv", FileFormat.CSV_GBK, ServiceLedger.HEADERS, "SL", 7);
        this.trainings = new PeriodLedgers(files, period, "trainings", "培训台账.csv", FileFormat.CSV_UTF8_BOM, TrainingLedger.TRAINING_HEADERS, "TR", 6);
        this.attendance = new PeriodLedgers(files, period, "training_attendance", "签到表.csv", FileFormat.CSV_UTF8, TrainingLedger.ATTENDANCE_HEADERS, "", 1);
        this.evaluations = new PeriodLedgers(files, LedgerPeriod.YEAR, "evaluations", "度考评.csv", FileFormat.CSV_GBK, EvaluationSheet.HEADERS, "", 1);
        this.youthTalents = new PeriodLedgers(files, LedgerPeriod.YEAR, "youth_talents", "青年人才库.tsv", FileFormat.TSV_UTF8, YouthTalentPool.HEADERS, "QN", 7);
        this.ipOutputs = new PeriodLedgers(files, LedgerPeriod.YEAR, "ip_outputs", "成果登记.jsonl", FileFormat.JSONL, IpOutputRegister.KEYS, "CG", 6);
        this.industryOutputs = new PeriodLedgers(files, LedgerPeriod.YEAR, "industry_outputs", "产业数据.csv", FileFormat.CSV_UTF8_BOM, IndustryStatistics.HEADERS, "", 1);
    }

    PeriodLedgers serviceLogs()
    {
        return serviceLogs;
    }

    PeriodLedgers trainings()
    {
        return trainings;
    }

    PeriodLedgers attendance()
    {
        return attendance;
    }

    PeriodLedgers evaluations()
    {
        return evaluations;
    }

    PeriodLedgers youthTalents()
    {
        return youthTalents;
    }

    PeriodLedgers ipOutputs()
    {
        return ipOutputs;
    }

    PeriodLedgers industryOutputs()
    {
        return industryOutputs;
    }
}
