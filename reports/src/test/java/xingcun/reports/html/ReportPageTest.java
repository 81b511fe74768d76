package xingcun.reports.html;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xingcun.reports.HeadlessChromium;
import xingcun.reports.build.Card;
import xingcun.reports.build.ChartSection;
import xingcun.reports.build.ReportContent;
import xingcun.reports.build.ReportPart;
import xingcun.reports.build.ReportRequest;
import xingcun.reports.build.ReportSubject;
import xingcun.reports.build.TableSection;
import xingcun.reports.chart.ChartData;
import xingcun.reports.chart.ChartKind;
import xingcun.reports.chart.ChartOptions;
import xingcun.reports.definition.Language;
import xingcun.reports.definition.ReportDefinitions;
import xingcun.warehouse.LakeSnapshot;
import xingcun.warehouse.metrics.MetricCatalog;
import xingcun.warehouse.metrics.ReportingPeriod;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text from the data is shown, never run: a community, a product or a note whose text is HTML or script reaches the
 * page as text in every place a report prints data (title, cards, narrative, chart labels, tables).
 */
class ReportPageTest
{
    private static final String SCRIPT = "<script>document.body.insertAdjacentHTML('beforeend', '<b id=\"pwned-script\"></b>')</script>";
    private static final String IMAGE = "<img src=x onerror=\"document.title='pwned'\">";
    private static final String CLOSER = "</script><b id=\"pwned-closer\"></b>";

    @TempDir
    Path folder;

    @Test
    void htmlAndScriptInTheDataRenderAsTextAndNeverRun()
            throws Exception
    {
        String community = "西华" + SCRIPT;
        ChartSection chart = new ChartSection("guidance", ChartKind.BAR, "技术指导" + IMAGE, "西山区", Optional.of("注" + SCRIPT),
                new ChartData(List.of("社区", "人次"), List.of(List.of(community, 12.0), List.of("律则" + CLOSER, 7.0), List.of("猫猫箐" + IMAGE, 5.0))),
                Optional.empty(), List.of("field_guidance_person_times"));
        TableSection table = new TableSection("communities", "社区" + IMAGE, Optional.empty(), List.of("社区" + SCRIPT, "人次"),
                List.of(List.of(community, "12"), List.of("律则" + CLOSER, "7")), List.of());
        ReportContent content = new ReportContent(ReportDefinitions.installed().load("annual"),
                new ReportRequest("annual", ReportingPeriod.parse("2021"), Language.ZH, Optional.empty(), Optional.empty()),
                new ReportSubject(community, Optional.empty(), Optional.empty()), "年报" + SCRIPT, ZonedDateTime.parse("2026-11-28T10:00:00+08:00"),
                new LakeSnapshot(7, List.of("run-1"), Map.of()),
                List.of(new ReportPart.Cards("核心" + IMAGE, List.of(new Card("field_guidance_person_times", "指导" + SCRIPT, "201人次", "+5%", true, "口径" + IMAGE))),
                        new ReportPart.Text("综述", "本年" + SCRIPT + IMAGE + CLOSER),
                        new ReportPart.Chart(chart),
                        new ReportPart.Table(table)),
                List.of(MetricCatalog.load().find("field_guidance_person_times")));
        Path page = folder.resolve("index.html");
        Files.writeString(page, ReportPage.html(content, Map.of("guidance", ChartOptions.json(chart.kind(), chart.data(), chart.title(), chart.subtitle(), Language.ZH))),
                StandardCharsets.UTF_8);

        HeadlessChromium.Page opened = HeadlessChromium.open(page);

        assertThat(opened.console()).as("console and CSP messages").isEmpty();
        String dom = opened.dom();
        // an element the payload made would serialise as <b id="pwned-…">; as text it is &lt;b id="pwned-…"&gt;
        assertThat(dom.contains("<b id=\"pwned-script\">")).as("script payload ran").isFalse();
        assertThat(dom.contains("<b id=\"pwned-closer\">")).as("</script> in a chart label closed our script block").isFalse();
        assertThat(dom.contains("<title>pwned</title>")).as("onerror payload ran").isFalse();
        assertThat(dom.contains("<img src=\"x\"")).as("an img element was made from data").isFalse();
        assertThat(dom.contains("<title>年报&lt;script&gt;document.body.insertAdjacentHTML(")).as("title shown as text").isTrue();
        assertThat(dom.contains("<td>西华&lt;script&gt;")).as("table cell shown as text").isTrue();
        assertThat(dom.contains("本年&lt;script&gt;")).as("narrative shown as text").isTrue();
        // the chart drew, with the payload as an SVG text node
        assertThat(Pattern.compile("id=\"chart-guidance\"[^>]*><div[^>]*><svg").matcher(dom).find()).as("chart drawn").isTrue();
        assertThat(Pattern.compile("<text[^>]*>西华&lt;script&gt;").matcher(dom).find()).as("chart label shown as text").isTrue();
    }
}
