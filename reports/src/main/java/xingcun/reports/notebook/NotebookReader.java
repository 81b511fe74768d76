package xingcun.reports.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import xingcun.reports.ReportErrorCode;
import xingcun.reports.ReportException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads notebooks/NAME.md: YAML front matter (title, description, parameters), then Markdown whose ```sql NAME and
 * ```chart fences are cells and everything else is prose. Raw HTML in the prose is escaped and link targets are
 * sanitised, so a notebook cannot put markup or script on the page.
 */
public final class NotebookReader
{
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> FRONT_MATTER_KEYS = Set.of("title", "description", "parameters");
    private static final Set<String> PARAMETER_KEYS = Set.of("default", "description", "type");
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    private NotebookReader() {}

    public static Notebook read(Path file)
    {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        }
        catch (IOException e) {
            throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Cannot read notebook " + file + ": " + (Files.exists(file) ? e.getMessage() : "no such file; xingcun notebook list shows the shipped ones"), e);
        }
        String name = file.getFileName().toString().replaceFirst("\\.md$", "");
        return parse(name, text, file.toString());
    }

    /** The notebook in text; where names the file in error messages. */
    static Notebook parse(String name, String text, String where)
    {
        if (!text.startsWith("---\n")) {
            throw invalid(where, "it does not start with front matter (a line ---, title: …, parameters: …, a line ---)");
        }
        int end = text.indexOf("\n---\n", 3);
        if (end < 0) {
            throw invalid(where, "its front matter has no closing line ---");
        }
        JsonNode front = frontMatter(text.substring(4, end + 1), where);
        int bodyStartLine = (int) text.substring(0, end + 5).lines().count();
        String title = front.path("title").asText("").strip();
        if (title.isEmpty()) {
            throw invalid(where, "its front matter has no title");
        }
        List<NotebookParameter> parameters = parameters(front.path("parameters"), where);
        Node document = PARSER.parse(text.substring(end + 5));
        Map<Node, String> headingIds = new IdentityHashMap<>();
        List<Notebook.Heading> contents = new ArrayList<>();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading && heading.getLevel() == 2) {
                String id = "section-" + (contents.size() + 1);
                headingIds.put(node, id);
                contents.add(new Notebook.Heading(id, plainText(node)));
            }
        }
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true)
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    if (headingIds.containsKey(node)) {
                        attributes.put("id", headingIds.get(node));
                    }
                })
                .build();
        return new Notebook(name, title, front.path("description").asText("").strip(), parameters, cells(document, title, renderer, bodyStartLine), contents);
    }

    private static List<Cell> cells(Node document, String title, HtmlRenderer renderer, int lineOffset)
    {
        List<Cell> cells = new ArrayList<>();
        StringBuilder prose = new StringBuilder();
        int proseLine = lineOffset + 1;
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            int line = lineOffset + 1 + (node.getSourceSpans().isEmpty() ? 0 : node.getSourceSpans().get(0).getLineIndex());
            Optional<Cell> cell = cell(node, line);
            if (cell.isPresent()) {
                if (!prose.isEmpty()) {
                    cells.add(new Cell.Prose(prose.toString(), proseLine));
                    prose.setLength(0);
                }
                cells.add(cell.get());
                continue;
            }
            // the page's header shows the title: a first heading that repeats it (for readers on a code host) is not shown twice
            boolean repeatsTitle = node == document.getFirstChild() && node instanceof Heading heading && heading.getLevel() == 1 && plainText(node).strip().equals(title);
            if (!repeatsTitle) {
                if (prose.isEmpty()) {
                    proseLine = line;
                }
                prose.append(renderer.render(node));
            }
        }
        if (!prose.isEmpty()) {
            cells.add(new Cell.Prose(prose.toString(), proseLine));
        }
        return cells;
    }

    private static Optional<Cell> cell(Node node, int line)
    {
        if (!(node instanceof FencedCodeBlock block) || block.getInfo() == null) {
            return Optional.empty();
        }
        String[] info = block.getInfo().strip().split("\\s+", 2);
        return switch (info[0]) {
            case "sql" -> Optional.of(new Cell.Query(info.length > 1 ? info[1].strip() : "", block.getLiteral(), line));
            case "chart" -> Optional.of(new Cell.Chart(block.getLiteral(), line));
            default -> Optional.empty();
        };
    }

    private static JsonNode frontMatter(String yaml, String where)
    {
        JsonNode front;
        try {
            front = YAML.readTree(yaml);
        }
        catch (JsonProcessingException e) {
            throw invalid(where, "its front matter is not YAML: " + e.getOriginalMessage());
        }
        if (front == null || !front.isObject()) {
            throw invalid(where, "its front matter has no title");
        }
        for (Iterator<String> keys = front.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!FRONT_MATTER_KEYS.contains(key)) {
                throw invalid(where, "unknown front matter key " + key + "; use title, description, parameters");
            }
        }
        return front;
    }

    private static List<NotebookParameter> parameters(JsonNode declared, String where)
    {
        if (declared.isMissingNode() || declared.isNull()) {
            return List.of();
        }
        if (!declared.isObject()) {
            throw invalid(where, "parameters must map each name to its default and description");
        }
        List<NotebookParameter> parameters = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> entries = declared.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String name = entry.getKey();
            JsonNode spec = entry.getValue();
            if (!name.matches("[a-z][a-z0-9_]*")) {
                throw invalid(where, "parameter name " + name + " must be lower-case letters, digits and _ (it is written :" + name + " in SQL)");
            }
            if (!spec.isObject()) {
                throw invalid(where, "parameter " + name + " needs default: and description: under it");
            }
            for (Iterator<String> keys = spec.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!PARAMETER_KEYS.contains(key)) {
                    throw invalid(where, "parameter " + name + " has an unknown key " + key + "; use default, description, type");
                }
            }
            JsonNode defaultNode = spec.get("default");
            ParameterType type = spec.has("type")
                    ? ParameterType.of(spec.get("type").asText()).orElseThrow(() -> invalid(where, "parameter " + name + " has type "
                            + spec.get("type").asText() + "; use one of: " + ParameterType.names()))
                    : ParameterType.inferred(defaultNode);
            Optional<String> defaultValue = defaultNode == null || defaultNode.isNull() ? Optional.empty() : Optional.of(defaultNode.asText());
            if (defaultValue.isPresent() && type.value(defaultValue.get()).isEmpty()) {
                throw invalid(where, "parameter " + name + " has default " + defaultValue.get() + ", which is not " + type.example());
            }
            parameters.add(new NotebookParameter(name, type, defaultValue, spec.path("description").asText("")));
        }
        return parameters;
    }

    private static String plainText(Node node)
    {
        StringBuilder text = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text literal) {
                text.append(literal.getLiteral());
            }
            else if (child instanceof Code code) {
                text.append(code.getLiteral());
            }
            else {
                text.append(plainText(child));
            }
        }
        return text.toString();
    }

    private static ReportException invalid(String where, String problem)
    {
        return new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Invalid notebook " + where + ": " + problem);
    }
}
