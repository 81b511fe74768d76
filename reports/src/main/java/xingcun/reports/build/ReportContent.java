package xingcun.reports.build;

import xingcun.reports.definition.ReportDefinition;
import xingcun.warehouse.LakeSnapshot;
import xingcun.warehouse.metrics.Metric;

import java.time.ZonedDateTime;
import java.util.List;

/** Everything a report shows, computed from the warehouse, before it is drawn and written. */
public record ReportContent(ReportDefinition definition, ReportRequest request, ReportSubject subject, String title,
        ZonedDateTime generatedAt, LakeSnapshot snapshot, List<ReportPart> parts, List<Metric> metrics)
{
    public ReportContent
    {
        parts = List.copyOf(parts);
        metrics = List.copyOf(metrics);
    }

    public List<ChartSection> charts()
    {
        return parts.stream().filter(ReportPart.Chart.class::isInstance).map(part -> ((ReportPart.Chart) part).chart()).toList();
    }

    public List<TableSection> tables()
    {
        return parts.stream().filter(ReportPart.Table.class::isInstance).map(part -> ((ReportPart.Table) part).table()).toList();
    }
}
