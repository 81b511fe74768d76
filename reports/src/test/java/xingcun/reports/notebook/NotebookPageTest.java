package xingcun.reports.notebook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xingcun.reports.HeadlessChromium;
import xingcun.warehouse.Warehouse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notebook page in a real browser: charts drawn, nothing logged, and markup from the prose, a parameter, a
 * result, a chart label or an error message shown as text, never run.
 */
class NotebookPageTest
{
    private static final String SCRIPT = "<script>document.body.insertAdjacentHTML('beforeend', '<b id=\"pwned\"></b>')</script>";
    private static final String IMAGE = "<img src=x onerror=\"document.title='pwned'\">";

    @TempDir
    Path folder;

    @Test
    void aRunRendersOfflineAndItsDataIsShownAsText()
            throws Exception
    {
        Notebook notebook = NotebookReader.parse("page", """
                ---
                title: 页面测试
                parameters:
                  label:
                    default: 默认
                    description: 图表标签
                ---

                ## 第一节
                *English line*

                正文 %s %s

                ```sql rows
                select * from (values (:label, 12.0::double, 2021, 0.875::double), ('律则</script><b id="closer"></b>', 80500000.0::double, 2022, 1.0::double)) as t(社区, 人次, year, 达标率)
                ```

                ```chart
                type: bar
                data: rows
                x: 社区
                y: 人次
                title: 人次%s
                ```

                ```sql failing
                select * from "%s"
                ```

                ```sql many
                select range as n from range(120)
                ```
                """.formatted(SCRIPT, IMAGE, IMAGE, IMAGE), "page.md");
        NotebookRun run;
        try (Warehouse warehouse = Warehouse.open(EmptyLake.in(folder))) {
            run = new NotebookRunner(warehouse, Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneId.of("Asia/Shanghai")))
                    .run(notebook, ParameterValues.resolve(notebook, Map.of("label", "西华" + SCRIPT)));
        }
        Path page = NotebookFiles.write(run, folder.resolve("out"));

        assertThat(page).isEqualTo(folder.resolve("out/page.html"));
        assertThat(folder.resolve("out/page/rows.csv")).content(StandardCharsets.UTF_8)
                .isEqualTo("\uFEFF社区,人次,year,达标率\r\n"
                        + "\"西华<script>document.body.insertAdjacentHTML('beforeend', '<b id=\"\"pwned\"\"></b>')</script>\",12,2021,0.875\r\n"
                        + "\"律则</script><b id=\"\"closer\"\"></b>\",80500000,2022,1\r\n");
        assertThat(folder.resolve("out/page/many.csv")).exists();
        assertThat(folder.resolve("out/page/failing.csv")).doesNotExist();
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(html).contains("共 120 行，显示前 50 行", "8050万", "title=\"80500000\"", ">2021<", ">87.5%<", "<h2 id=\"section-1\">第一节</h2>",
                "1 个单元失败", "<span class=\"p\">:label</span>");

        HeadlessChromium.Page opened = HeadlessChromium.open(page);

        assertThat(opened.console()).as("console and CSP messages").isEmpty();
        String dom = opened.dom();
        assertThat(dom).doesNotContain("<b id=\"pwned\">", "<b id=\"closer\">", "<title>pwned</title>", "<img src=\"x\"");
        assertThat(dom).contains("正文 &lt;script&gt;", "<td>西华&lt;script&gt;", "查询失败");
        assertThat(Pattern.compile("data-chart=\"c1\"[^>]*><div[^>]*><svg").matcher(dom).find()).as("the chart was drawn").isTrue();
        assertThat(List.of(run.failures().get(0).label())).containsExactly("query failing (line 26)");
    }
}
