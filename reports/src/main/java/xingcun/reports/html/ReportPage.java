package xingcun.reports.html;

import com.github.jknack.handlebars.Template;
import xingcun.reports.build.Card;
import xingcun.reports.build.ChartSection;
import xingcun.reports.build.ReportCompiler;
import xingcun.reports.build.ReportContent;
import xingcun.reports.build.ReportPart;
import xingcun.reports.build.TableSection;
import xingcun.reports.definition.Language;
import xingcun.warehouse.metrics.Metric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The report as one self-contained HTML file: ECharts and our number style are inlined (no CDN: it opens from a USB
 * stick on an offline office PC). Every text from the data goes through Handlebars' HTML escaping; chart options sit
 * in JSON script blocks with '<' escaped; a per-page nonce in the Content-Security-Policy lets only our own scripts run.
 */
public final class ReportPage
{
    private static final Template TEMPLATE = PageShell.template("html/report");

    private ReportPage() {}

    /** The page; optionJson gives each chart's ECharts option as ChartOptions made it. */
    public static String html(ReportContent content, Map<String, String> optionJson)
    {
        Language language = content.request().language();
        Map<String, Object> model = PageShell.model(language == Language.ZH ? "zh-CN" : "en", content.title());
        model.put("subject", content.subject().name());
        model.put("periodName", ReportCompiler.periodName(content.request().period(), language));
        model.put("from", content.request().period().from().toString());
        model.put("to", content.request().period().to().toString());
        model.put("changeLabel", language.pick("较上期", "vs previous period"));
        model.put("dataLabel", language.pick("数据 CSV", "data CSV"));
        model.put("definitionsTitle", language.pick("指标口径", "Metric definitions"));
        model.put("footer", language.pick("数据来源：万名人才兴万村 台账（xingcun 数据湖快照 ", "Source: 万名人才兴万村 ledgers (xingcun lake snapshot ")
                + content.snapshot().id() + language.pick("），生成于 ", "), generated ") + content.generatedAt().withNano(0).toLocalDateTime().toString().replace('T', ' ')
                + language.pick("。不含个人身份信息。", ". Contains no personal data."));
        model.put("parts", parts(content, optionJson));
        model.put("definitions", content.metrics().stream()
                .map(metric -> Map.of("name", language.pick(metric.nameChinese(), metric.nameEnglish()), "definition", definition(metric, language)))
                .toList());
        return PageShell.apply(TEMPLATE, model);
    }

    private static String definition(Metric metric, Language language)
    {
        String text = language.pick(metric.definitionChinese(), metric.definitionEnglish());
        return text == null ? "" : text;
    }

    private static List<Map<String, Object>> parts(ReportContent content, Map<String, String> optionJson)
    {
        List<Map<String, Object>> parts = new ArrayList<>();
        for (ReportPart part : content.parts()) {
            Map<String, Object> view = new HashMap<>();
            if (part instanceof ReportPart.Cards cards) {
                view.put("title", cards.title());
                view.put("cards", cards.cards().stream().map(ReportPage::card).toList());
            }
            else if (part instanceof ReportPart.Text text) {
                view.put("title", text.title());
                view.put("paragraph", text.paragraph());
            }
            else if (part instanceof ReportPart.Chart chart) {
                view.put("chart", chart(chart.chart(), optionJson.get(chart.chart().id())));
            }
            else if (part instanceof ReportPart.Table table) {
                view.put("table", table(table.table()));
            }
            parts.add(view);
        }
        return parts;
    }

    private static Map<String, Object> card(Card card)
    {
        Map<String, Object> view = new HashMap<>();
        view.put("name", card.name());
        view.put("value", card.value());
        view.put("change", card.change());
        view.put("isRise", card.isRise());
        view.put("definition", card.definition());
        return view;
    }

    private static Map<String, Object> chart(ChartSection chart, String optionJson)
    {
        Map<String, Object> view = new HashMap<>();
        view.put("id", chart.id());
        view.put("kind", chart.kind().id());
        view.put("title", chart.title());
        view.put("note", chart.note().orElse(null));
        view.put("optionJson", PageShell.scriptSafeJson(optionJson));
        return view;
    }

    private static Map<String, Object> table(TableSection table)
    {
        Map<String, Object> view = new HashMap<>();
        view.put("id", table.id());
        view.put("title", table.title());
        view.put("note", table.note().orElse(null));
        view.put("columns", table.columns());
        view.put("rows", table.rows());
        return view;
    }
}
