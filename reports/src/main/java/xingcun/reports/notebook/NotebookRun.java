package xingcun.reports.notebook;

import xingcun.warehouse.LakeSnapshot;

import java.time.ZonedDateTime;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** A notebook run against one lake snapshot with one set of parameter values: every cell's outcome in order. */
public record NotebookRun(Notebook notebook, ParameterValues parameters, LakeSnapshot snapshot, ZonedDateTime generatedAt, List<CellOutcome> outcomes)
{
    public NotebookRun
    {
        requireNonNull(notebook, "notebook is null");
        requireNonNull(parameters, "parameters is null");
        requireNonNull(snapshot, "snapshot is null");
        requireNonNull(generatedAt, "generatedAt is null");
        outcomes = List.copyOf(requireNonNull(outcomes, "outcomes is null"));
    }

    public List<CellOutcome> failures()
    {
        return outcomes.stream().filter(outcome -> outcome.error().isPresent()).toList();
    }

    public List<CellOutcome.Query> queries()
    {
        return outcomes.stream().filter(CellOutcome.Query.class::isInstance).map(CellOutcome.Query.class::cast).toList();
    }

    public List<CellOutcome.Chart> charts()
    {
        return outcomes.stream().filter(CellOutcome.Chart.class::isInstance).map(CellOutcome.Chart.class::cast).toList();
    }
}
