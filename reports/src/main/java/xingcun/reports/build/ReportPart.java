package xingcun.reports.build;

import java.util.List;

/** One computed section of a report, in the order its definition lists them. */
public sealed interface ReportPart
        permits ReportPart.Cards, ReportPart.Text, ReportPart.Chart, ReportPart.Table
{
    record Cards(String title, List<Card> cards) implements ReportPart
    {
        public Cards
        {
            cards = List.copyOf(cards);
        }
    }

    record Text(String title, String paragraph) implements ReportPart {}

    record Chart(ChartSection chart) implements ReportPart {}

    record Table(TableSection table) implements ReportPart {}
}
