package xingcun.reports.chart;

import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;
import xingcun.reports.ReportErrorCode;
import xingcun.reports.ReportException;

import javax.imageio.ImageIO;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rasterises an ECharts SVG with Batik, in the shipped Chinese font, on white. */
public final class PngExport
{
    private static final Pattern TEXT_OUTLINED_BY_PAINT_ORDER = Pattern.compile("<text [^>]*paint-order=\"stroke\"[^>]*>");
    private static final Pattern OUTLINE_ATTRIBUTE = Pattern.compile(" (stroke|stroke-width|paint-order|stroke-miterlimit)=\"[^\"]*\"");

    private PngExport() {}

    /**
     * PNG bytes at {@code scale} times the SVG's size (2 for sharp text on phones and in print). Batik draws the
     * picture on an opaque white RGB image; the JDK's PNG writer encodes it, in half the time of Batik's own encoder,
     * which tries every filter on every row of an image with an alpha channel the chart never uses.
     */
    public static byte[] png(String svg, int width, float scale)
    {
        ChartFont.font(); // registered before Batik looks fonts up
        RgbImageTranscoder transcoder = new RgbImageTranscoder();
        transcoder.addTranscodingHint(ImageTranscoder.KEY_WIDTH, width * scale);
        transcoder.addTranscodingHint(ImageTranscoder.KEY_BACKGROUND_COLOR, Color.WHITE);
        try {
            transcoder.transcode(new TranscoderInput(new StringReader(forBatik(svg))), null);
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            if (transcoder.image == null || !ImageIO.write(transcoder.image, "png", output)) {
                throw new ReportException(ReportErrorCode.RENDER_FAILED, "Cannot draw the chart as PNG: no PNG writer");
            }
            return output.toByteArray();
        }
        catch (TranscoderException | IOException e) {
            throw new ReportException(ReportErrorCode.RENDER_FAILED, "Cannot draw the chart as PNG: " + e.getMessage(), e);
        }
    }

    /** Batik's rasteriser onto an opaque RGB image (the background hint paints it white), kept for the PNG writer. */
    private static final class RgbImageTranscoder
            extends ImageTranscoder
    {
        private BufferedImage image;

        @Override
        public BufferedImage createImage(int width, int height)
        {
            return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        }

        @Override
        public void writeImage(BufferedImage image, TranscoderOutput output)
        {
            this.image = image;
        }
    }

    /**
     * Batik implements SVG 1.1: it ignores dominant-baseline (text would sit a line too high), does not know the
     * colour "transparent", rejects the CSS in ECharts' hover style block, and ignores paint-order, so a label's
     * white outline would be painted over its letters.
     */
    static String forBatik(String svg)
    {
        return TEXT_OUTLINED_BY_PAINT_ORDER.matcher(svg).replaceAll(match -> Matcher.quoteReplacement(
                        OUTLINE_ATTRIBUTE.matcher(match.group()).replaceAll("")))
                .replace("dominant-baseline=\"central\"", "dy=\"0.35em\"")
                .replace("dominant-baseline=\"middle\"", "dy=\"0.35em\"")
                .replace("=\"transparent\"", "=\"none\"")
                .replaceAll("(?s)<style[^>]*>.*?</style>", "");
    }
}
