package xingcun.reports.definition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xingcun.reports.ReportException;
import xingcun.reports.chart.ChartKind;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportDefinitionsTest
{
    @TempDir
    Path folder;

    @Test
    void everyShippedKindLoadsWithItsSections()
    {
        ReportDefinitions definitions = ReportDefinitions.installed();
        for (String kind : ReportDefinitions.KINDS) {
            ReportDefinition definition = definitions.load(kind);
            assertThat(definition.kind()).isEqualTo(kind);
            assertThat(definition.sections()).isNotEmpty();
        }
        ReportDefinition annual = definitions.load("annual");
        assertThat(annual.period()).isEqualTo(ReportDefinition.PeriodKind.YEAR);
        assertThat(annual.charts()).extracting(Section::chart)
                .contains(ChartKind.LINE, ChartKind.STACKED_BAR, ChartKind.DOUGHNUT, ChartKind.PIE, ChartKind.NUMBER, ChartKind.GAUGE,
                        ChartKind.TREEMAP, ChartKind.SUNBURST, ChartKind.FUNNEL, ChartKind.HEATMAP, ChartKind.HORIZONTAL_BAR);
        assertThat(definitions.query("talents_service_days")).contains(":from", ":to", ":community", ":talent").doesNotContain("talent_name");
    }

    @Test
    void aDefinitionFolderReplacesTheBuiltInOnes()
            throws Exception
    {
        Files.writeString(folder.resolve("monthly.yml"), """
                kind: monthly
                period: month
                title_zh: "{period}月报"
                sections:
                  - type: chart
                    id: guidance
                    chart: bar
                    metric: field_guidance_person_times
                    by: [community]
                    title_zh: 技术指导
                """);
        ReportDefinition definition = ReportDefinitions.in(folder).load("monthly");
        assertThat(definition.charts()).extracting(Section::id).containsExactly("guidance");
    }

    @Test
    void aMistakeInADefinitionNamesTheFileTheLineAndTheFix()
            throws Exception
    {
        Files.writeString(folder.resolve("annual.yml"), """
                kind: annual
                period: year
                title_zh: 年报
                sections:
                  - type: chart
                    id: guidance
                    chart: stacked_bar
                    metric: field_guidance_person_times
                    by: [community]
                """);
        assertThatThrownBy(() -> ReportDefinitions.in(folder).load("annual"))
                .isInstanceOf(ReportException.class)
                .hasMessage("Invalid report definition annual.yml line 10: chart section guidance: a stacked_bar chart of a metric needs 2 dimension(s) in by");
    }

    @Test
    void anUnknownChartOrKeyIsRefused()
            throws Exception
    {
        Files.writeString(folder.resolve("annual.yml"), """
                kind: annual
                period: year
                title_zh: 年报
                sections:
                  - type: chart
                    id: guidance
                    chart: radar
                    metric: field_guidance_person_times
                """);
        assertThatThrownBy(() -> ReportDefinitions.in(folder).load("annual"))
                .isInstanceOf(ReportException.class)
                .hasMessageStartingWith("Invalid report definition annual.yml line 7: Unknown chart radar; use one of: bar, horizontal_bar, stacked_bar");
        Files.writeString(folder.resolve("annual.yml"), "kind: annual\nperiod: year\ntitle_zh: 年报\ncolour: red\nsections: []\n");
        assertThatThrownBy(() -> ReportDefinitions.in(folder).load("annual"))
                .isInstanceOf(ReportException.class)
                .hasMessage("Invalid report definition annual.yml: unknown key colour; allowed here: kind, period, sections, subject, title_en, title_zh");
    }

    @Test
    void aNewKindIsANewFile()
            throws Exception
    {
        Files.writeString(folder.resolve("harvest.yml"), """
                kind: harvest
                period: any
                title_zh: "{period}秋收专报"
                sections:
                  - type: cards
                    metrics: [output_value_yuan]
                """);
        ReportDefinitions definitions = ReportDefinitions.in(folder);
        assertThat(definitions.kinds()).containsExactly("annual", "quarterly", "monthly", "community", "talent", "harvest");
        assertThat(definitions.load("harvest").sections()).hasSize(1);
        assertThatThrownBy(() -> definitions.load("winter"))
                .isInstanceOf(ReportException.class)
                .hasMessage("Unknown report kind winter; use one of: annual, quarterly, monthly, community, talent, harvest");
    }

    @Test
    void anUnknownKindListsTheKnownOnes()
    {
        assertThatThrownBy(() -> ReportDefinitions.installed().load("weekly"))
                .isInstanceOf(ReportException.class)
                .hasMessage("Unknown report kind weekly; use one of: annual, quarterly, monthly, community, talent");
    }
}
