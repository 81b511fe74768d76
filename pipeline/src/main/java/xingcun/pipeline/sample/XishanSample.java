package xingcun.pipeline.sample;

import xingcun.pipeline.sample.EvaluationSheet.Evaluation;
import xingcun.pipeline.sample.IndustryStatistics.IndustryFigure;
import xingcun.pipeline.sample.IpOutputRegister.IpOutput;
import xingcun.pipeline.sample.ProjectLedger.Project;
import xingcun.pipeline.sample.ServiceLedger.ServiceLog;
import xingcun.pipeline.sample.TalentRoster.Talent;
import xingcun.pipeline.sample.TrainingLedger.Attendance;
import xingcun.pipeline.sample.TrainingLedger.Training;
import xingcun.pipeline.sample.YouthTalentPool.YouthTalent;

import java.util.ArrayList;
import java.util.List;

/**
 * The generated records of every family, in memory, before they are written. Tests compute the published figures
 * from these records, and the files are derived from them by {@link #tables()}.
 */
record XishanSample(
        List<Talent> talents,
        List<ServiceLog> serviceLogs,
        List<Training> trainings,
        List<Attendance> attendance,
        List<IpOutput> ipOutputs,
        List<IndustryFigure> industryFigures,
        List<Project> projects,
        List<Evaluation> evaluations,
        List<YouthTalent> youthTalents)
{
    XishanSample
    {
        talents = List.copyOf(talents);
        serviceLogs = List.copyOf(serviceLogs);
        trainings = List.copyOf(trainings);
        attendance = List.copyOf(attendance);
        ipOutputs = List.copyOf(ipOutputs);
        industryFigures = List.copyOf(industryFigures);
        projects = List.copyOf(projects);
        evaluations = List.copyOf(evaluations);
        youthTalents = List.copyOf(youthTalents);
    }

    /** Every file of the inbox, in the order they are written. */
    List<SampleTable> tables()
    {
        List<SampleTable> tables = new ArrayList<>();
        tables.add(TalentRoster.table(talents));
        tables.addAll(ServiceLedger.tables(serviceLogs));
        tables.add(TrainingLedger.trainingTable(trainings));
        tables.add(TrainingLedger.attendanceTable(attendance));
        tables.add(IpOutputRegister.table(ipOutputs));
        tables.add(IndustryStatistics.table(industryFigures));
        tables.add(ProjectLedger.table(projects));
        tables.add(EvaluationSheet.table(evaluations));
        tables.add(YouthTalentPool.table(youthTalents));
        return tables;
    }
}
