package xingcun.reports.chart;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import xingcun.reports.ReportErrorCode;
import xingcun.reports.ReportException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** Reads what a rendered chart shows: its texts (for the glyph check) and how many shapes it drew. */
public final class SvgDocuments
{
    private SvgDocuments() {}

    public static List<String> texts(String svg)
    {
        NodeList nodes = parse(svg).getElementsByTagName("text");
        List<String> texts = new ArrayList<>();
        for (int index = 0; index < nodes.getLength(); index++) {
            texts.add(nodes.item(index).getTextContent());
        }
        return texts;
    }

    /** Paths, rectangles and circles: the background rectangle alone means nothing was drawn. */
    public static int shapes(String svg)
    {
        Document document = parse(svg);
        return document.getElementsByTagName("path").getLength()
                + document.getElementsByTagName("rect").getLength()
                + document.getElementsByTagName("circle").getLength();
    }

    private static Document parse(String svg)
    {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        }
        catch (ParserConfigurationException | SAXException | IOException e) {
            throw new ReportException(ReportErrorCode.RENDER_FAILED, "Cannot read the rendered SVG: " + e.getMessage(), e);
        }
    }
}
