package xingcun.reports.chart;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import xingcun.reports.ReportException;
import xingcun.reports.build.ChartDrawing;
import xingcun.reports.build.ChartFiles;
import xingcun.reports.build.ChartSection;
import xingcun.reports.build.ReportChecks;
import xingcun.reports.definition.Language;

import javax.imageio.ImageIO;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every chart kind drawn by ECharts in GraalJS and by Batik, in the shipped font; one engine for the class. */
class ChartRenderingTest
{
    private static ChartRenderer renderer;

    @BeforeAll
    static void startTheEngine()
    {
        renderer = ChartRenderer.start();
    }

    @AfterAll
    static void stopTheEngine()
    {
        renderer.close();
    }

    @ParameterizedTest
    @EnumSource(ChartKind.class)
    void everyKindDrawsItsNumbersWithAGlyphForEveryCharacter(ChartKind kind)
            throws Exception
    {
        ChartSection chart = section(kind, sample(kind), Optional.empty());
        ChartFiles files = ChartDrawing.draw(renderer, chart, Language.ZH, 900, 500);

        assertThat(files.svg()).startsWith("<svg").contains("width=\"900\"", "height=\"500\"");
        assertThat(SvgDocuments.shapes(files.svg())).isGreaterThan(1);
        assertThat(String.join("", files.texts())).contains("西山区");
        assertThat(ReportChecks.problems(chart, files)).isEmpty();
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(files.png()));
        assertThat(png.getWidth()).isEqualTo(1800);
        assertThat(png.getHeight()).isEqualTo(1000);
    }

    @Test
    void numbersReadTheChineseWayOnAxesAndLabels()
    {
        ChartData data = new ChartData(List.of("产品", "产值"), List.of(List.of("草莓", 80_500_000.0), List.of("苹果", 12_600_000.0), List.of("茶", 2_100.0)));
        ChartFiles files = ChartDrawing.draw(renderer, section(ChartKind.BAR, data, Optional.empty()), Language.ZH, 900, 500);
        assertThat(files.texts()).contains("8050万", "1260万", "2,100");
        ChartFiles english = ChartDrawing.draw(renderer, section(ChartKind.BAR, data, Optional.empty()), Language.EN, 900, 500);
        assertThat(english.texts()).contains("80.5M", "12.6M", "2,100");
    }

    @Test
    void aSiblingOnAnotherThreadDrawsWhatTheEngineDrawsAndClosesAlone()
            throws Exception
    {
        ChartData data = new ChartData(List.of("社区", "人次"), List.of(List.of("团结街道", 12.0), List.of("碧鸡街道", 7.0)));
        ChartSection chart = section(ChartKind.BAR, data, Optional.empty());
        ChartFiles fromTheEngine = ChartDrawing.drawSvg(renderer, chart, Language.ZH, 900, 500, Optional.empty());
        AtomicReference<ChartFiles> fromTheSibling = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try (ChartRenderer sibling = renderer.sibling()) {
                fromTheSibling.set(ChartDrawing.drawSvg(sibling, chart, Language.ZH, 900, 500, Optional.empty()));
            }
        });
        other.start();
        other.join();

        assertThat(fromTheSibling.get()).as("the sibling drew nothing").isNotNull();
        assertThat(fromTheSibling.get().texts()).isEqualTo(fromTheEngine.texts()).contains("团结街道", "12");
        assertThat(SvgDocuments.shapes(fromTheSibling.get().svg())).isEqualTo(SvgDocuments.shapes(fromTheEngine.svg()));
        // the sibling is closed; the engine and its first renderer still draw
        assertThat(ChartDrawing.drawSvg(renderer, chart, Language.ZH, 900, 500, Optional.empty()).texts()).isEqualTo(fromTheEngine.texts());
    }

    @Test
    void aCharacterTheFontLacksStopsTheChart()
    {
        ChartData data = new ChartData(List.of("社区", "人次"), List.of(List.of("𠀀村", 3.0)));
        ChartSection chart = section(ChartKind.BAR, data, Optional.empty());
        ChartFiles files = ChartDrawing.draw(renderer, chart, Language.ZH, 900, 500);
        assertThat(ReportChecks.problems(chart, files))
                .containsExactly("chart test_chart uses characters the font Xingcun Sans SC has no glyph for: 𠀀 (add them with reports/fonts/make-font-subset.sh)");
    }

    @Test
    void aChartWhoseNumbersDisagreeWithItsMetricIsRefused()
    {
        ChartData data = new ChartData(List.of("街道", "人次"), List.of(List.of("碧鸡街道", 100.0), List.of("团结街道", 48.0)));
        ChartSection chart = section(ChartKind.BAR, data, Optional.of(201.0));
        ChartFiles files = ChartDrawing.draw(renderer, chart, Language.ZH, 900, 500);
        assertThat(ReportChecks.problems(chart, files))
                .containsExactly("chart test_chart adds up to 148 but its metric field_guidance_person_times totals 201");
    }

    @Test
    void aChartWithoutRowsSaysSoInsteadOfDrawingEmptyAxes()
    {
        ChartSection chart = section(ChartKind.PIE, new ChartData(List.of("类型", "项"), List.of()), Optional.empty());
        ChartFiles files = ChartDrawing.draw(renderer, chart, Language.ZH, 900, 500);
        assertThat(String.join(" ", files.texts())).contains("本期无数据");
        assertThat(ReportChecks.problems(chart, files)).isEmpty();
    }

    @Test
    void aBrokenOptionIsOneClearError()
    {
        assertThatThrownBy(() -> renderer.renderSvg("{not json", 400, 300))
                .isInstanceOf(ReportException.class)
                .hasMessageStartingWith("Cannot render chart: ECharts said SyntaxError");
    }

    private static ChartSection section(ChartKind kind, ChartData data, Optional<Double> total)
    {
        return new ChartSection("test_chart", kind, "田间技术指导人次", "西山区 · 2021年", Optional.empty(), data, total, List.of("field_guidance_person_times"));
    }

    private static ChartData sample(ChartKind kind)
    {
        return switch (kind.dimensions()) {
            case 0 -> new ChartData(List.of("服务天数达标率"), List.of(List.of(0.914)));
            case 1 -> new ChartData(List.of("街道", "人次"), List.of(List.of("碧鸡街道", 91.0), List.of("团结街道", 66.0), List.of("海口街道", 44.0)));
            default -> new ChartData(List.of("街道", "社区", "天数"), List.of(List.of("碧鸡街道", "西华", 29.0), List.of("碧鸡街道", "观音山", 24.5),
                    List.of("团结街道", "律则", 24.5), List.of("海口街道", "猫猫箐", 22.0)));
        };
    }
}
