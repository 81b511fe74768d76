package xingcun.reports.notebook;

import org.junit.jupiter.api.Test;
import xingcun.reports.ReportException;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The notebook format: front matter, prose, ```sql NAME and ```chart cells, with the lines errors point at. */
class NotebookReaderTest
{
    private static final String NOTEBOOK = """
            ---
            title: 测试笔记本
            description: 一行说明
            parameters:
              from:
                default: 2021-01-01
                description: 第一天
              year:
                default: 2021
                description: 年份
              code:
                default: "530112008003"
                description: 社区代码
              community:
                description: 社区（必填）
            ---

            # 测试笔记本

            一段 **说明** <script>alert(1)</script> 和 [链接](javascript:alert(1))。

            ## 第一节
            *English line*

            ```sql guidance
            select :from as day
            ```

            | a | b |
            |---|---|
            | 1 | 2 |

            ```chart
            type: bar
            data: guidance
            ```

            ```text
            not a cell
            ```
            """;

    @Test
    void readsFrontMatterAndCellsInOrder()
    {
        Notebook notebook = NotebookReader.parse("test", NOTEBOOK, "test.md");

        assertThat(notebook.title()).isEqualTo("测试笔记本");
        assertThat(notebook.description()).isEqualTo("一行说明");
        assertThat(notebook.parameters()).containsExactly(
                new NotebookParameter("from", ParameterType.DATE, Optional.of("2021-01-01"), "第一天"),
                new NotebookParameter("year", ParameterType.INTEGER, Optional.of("2021"), "年份"),
                new NotebookParameter("code", ParameterType.TEXT, Optional.of("530112008003"), "社区代码"),
                new NotebookParameter("community", ParameterType.TEXT, Optional.empty(), "社区（必填）"));
        assertThat(notebook.contents()).containsExactly(new Notebook.Heading("section-1", "第一节"));
        assertThat(notebook.cells()).hasSize(5);
        Cell.Prose intro = (Cell.Prose) notebook.cells().get(0);
        // the heading that repeats the title is not shown twice; raw HTML is text; a javascript: link loses its target
        assertThat(intro.html()).doesNotContain("<h1>", "<script>", "javascript:")
                .contains("<strong>说明</strong>", "&lt;script&gt;alert(1)&lt;/script&gt;", "<h2 id=\"section-1\">第一节</h2>", "<em>English line</em>");
        assertThat(intro.line()).isEqualTo(20);
        assertThat(notebook.cells().get(1)).isEqualTo(new Cell.Query("guidance", "select :from as day\n", 25));
        Cell.Prose table = (Cell.Prose) notebook.cells().get(2);
        assertThat(table.html()).contains("<table>", "<td>1</td>");
        assertThat(notebook.cells().get(3)).isEqualTo(new Cell.Chart("type: bar\ndata: guidance\n", 33));
        // other fences are prose: shown as code, not run
        assertThat(((Cell.Prose) notebook.cells().get(4)).html()).isEqualTo("<pre><code class=\"language-text\">not a cell\n</code></pre>\n");
    }

    @Test
    void aBadFrontMatterIsOneClearError()
    {
        assertInvalid("# no front matter\n", "Invalid notebook t.md: it does not start with front matter (a line ---, title: …, parameters: …, a line ---)");
        assertInvalid("---\ntitle: x\n", "Invalid notebook t.md: its front matter has no closing line ---");
        assertInvalid("---\ndescription: x\n---\n", "Invalid notebook t.md: its front matter has no title");
        assertInvalid("---\ntitle: x\nauthor: me\n---\n", "Invalid notebook t.md: unknown front matter key author; use title, description, parameters");
        assertInvalid("---\ntitle: x\nparameters:\n  From:\n    default: 1\n---\n",
                "Invalid notebook t.md: parameter name From must be lower-case letters, digits and _ (it is written :From in SQL)");
        assertInvalid("---\ntitle: x\nparameters:\n  from: 2021-01-01\n---\n", "Invalid notebook t.md: parameter from needs default: and description: under it");
        assertInvalid("---\ntitle: x\nparameters:\n  from:\n    default: 2021-02-30\n    type: date\n---\n",
                "Invalid notebook t.md: parameter from has default 2021-02-30, which is not a date such as 2021-01-01");
        assertInvalid("---\ntitle: x\nparameters:\n  from:\n    type: day\n---\n", "Invalid notebook t.md: parameter from has type day; use one of: date, integer, number, text");
        assertInvalid("---\ntitle: [x\n---\n", "Invalid notebook t.md: its front matter is not YAML: ");
    }

    private static void assertInvalid(String text, String message)
    {
        assertThatThrownBy(() -> NotebookReader.parse("t", text, "t.md")).isInstanceOf(ReportException.class).hasMessageStartingWith(message);
    }
}
