package org.paperkg.gephi;

import java.io.File;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.gephi.graph.api.Column;
import org.gephi.graph.api.DirectedGraph;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.graph.api.Table;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.importer.api.Issue;
import org.gephi.io.importer.spi.FileImporter;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.openide.util.Lookup;

/**
 * Opens a GraphML file as Gephi Desktop does (ImportController picks the importer for the file,
 * the default processor appends the container to a new workspace) and prints, as one JSON object,
 * what ended up in Gephi's graph: counts, attribute columns, counts by the `type` attribute, the
 * importer's issues, and with --list every node as [id, label, type] and every edge as
 * [source id, target id, type].
 *
 * <p>Usage: java -jar gephi-import.jar FILE.graphml [--list]. Exit 2 on bad usage, 1 when Gephi
 * cannot import the file at all.
 */
public final class GephiImport {
    /** Issues listed by message at most this many per level; all are counted. */
    private static final int MESSAGES_PER_LEVEL = 20;

    private GephiImport() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !args[1].equals("--list"))) {
            System.err.println("usage: java -jar gephi-import.jar FILE.graphml [--list]");
            System.exit(2);
        }
        File file = new File(args[0]);
        boolean list = args.length == 2;

        ProjectController projects = Lookup.getDefault().lookup(ProjectController.class);
        projects.newProject();
        Workspace workspace = projects.getCurrentWorkspace();
        ImportController imports = Lookup.getDefault().lookup(ImportController.class);
        FileImporter importer = imports.getFileImporter(file);
        if (importer == null) {
            System.err.println("Gephi has no importer for " + file);
            System.exit(1);
        }
        Container container = imports.importFile(file, importer);
        if (container == null) {
            System.err.println("Gephi could not import " + file);
            System.exit(1);
        }
        List<Issue> issues = new ArrayList<>(
                container.getReport().getIssuesList(Integer.MAX_VALUE));
        DefaultProcessor processor = new DefaultProcessor();
        imports.process(container, processor, workspace);
        issues.addAll(processor.getReport().getIssuesList(Integer.MAX_VALUE));

        GraphModel model =
                Lookup.getDefault().lookup(GraphController.class).getGraphModel(workspace);
        System.out.println(describe(model, importer, issues, list));
        System.exit(0);  // NetBeans' request processors keep non-daemon threads alive
    }

    private static String describe(GraphModel model, FileImporter importer, List<Issue> issues,
                                   boolean list) throws Exception {
        DirectedGraph graph = model.getDirectedGraph();
        Column nodeType = column(model.getNodeTable(), "type");
        Column edgeType = column(model.getEdgeTable(), "type");
        Map<String, Integer> nodeTypes = new TreeMap<>();
        Map<String, Integer> edgeTypes = new TreeMap<>();
        int labelled = 0;
        List<String> nodeList = new ArrayList<>();
        for (Node node : graph.getNodes()) {
            Object type = nodeType == null ? null : node.getAttribute(nodeType);
            count(nodeTypes, type);
            if (node.getLabel() != null && !node.getLabel().isEmpty()) {
                labelled++;
            }
            if (list) {
                nodeList.add(array(node.getId(), node.getLabel(), type));
            }
        }
        List<String> edgeList = new ArrayList<>();
        for (Edge edge : graph.getEdges()) {
            Object type = edgeType == null ? null : edge.getAttribute(edgeType);
            count(edgeTypes, type);
            if (list) {
                edgeList.add(array(edge.getSource().getId(), edge.getTarget().getId(), type));
            }
        }
        Map<String, Integer> issueCounts = new TreeMap<>();
        List<String> messages = new ArrayList<>();
        for (Issue issue : issues) {
            String level = issue.getLevel().name();
            count(issueCounts, level);
            if (issueCounts.get(level) <= MESSAGES_PER_LEVEL) {
                messages.add("{\"level\": " + quote(level) + ", \"message\": "
                        + quote(issue.getMessage()) + "}");
            }
        }
        StringBuilder out = new StringBuilder("{\n");
        out.append("\"gephi_version\": ").append(quote(gephiVersion())).append(",\n");
        out.append("\"java_version\": ").append(quote(System.getProperty("java.version")))
                .append(",\n");
        out.append("\"importer\": ").append(quote(importer.getClass().getName())).append(",\n");
        out.append("\"nodes\": ").append(graph.getNodeCount()).append(",\n");
        out.append("\"edges\": ").append(graph.getEdgeCount()).append(",\n");
        out.append("\"labelled_nodes\": ").append(labelled).append(",\n");
        out.append("\"node_columns\": ").append(titles(model.getNodeTable())).append(",\n");
        out.append("\"edge_columns\": ").append(titles(model.getEdgeTable())).append(",\n");
        out.append("\"node_types\": ").append(object(nodeTypes)).append(",\n");
        out.append("\"edge_types\": ").append(object(edgeTypes)).append(",\n");
        out.append("\"issue_counts\": ").append(object(issueCounts)).append(",\n");
        out.append("\"issues\": [").append(String.join(",\n  ", messages)).append(']');
        if (list) {
            out.append(",\n\"node_list\": [\n  ").append(String.join(",\n  ", nodeList))
                    .append(']');
            out.append(",\n\"edge_list\": [\n  ").append(String.join(",\n  ", edgeList))
                    .append(']');
        }
        return out.append("\n}").toString();
    }

    /** The data column with this title (GraphML key attr.name); Gephi's column id is the key id. */
    private static Column column(Table table, String title) {
        for (Column column : table) {
            if (!column.isProperty() && column.getTitle().equals(title)) {
                return column;
            }
        }
        return null;
    }

    private static String titles(Table table) {
        List<String> titles = new ArrayList<>();
        for (Column column : table) {
            titles.add(quote(column.getTitle()));
        }
        return "[" + String.join(", ", titles) + "]";
    }

    private static void count(Map<String, Integer> counts, Object key) {
        counts.merge(key == null ? "" : key.toString(), 1, Integer::sum);
    }

    private static String array(Object... values) {
        List<String> items = new ArrayList<>();
        for (Object value : values) {
            items.add(quote(value));
        }
        return "[" + String.join(", ", items) + "]";
    }

    private static String object(Map<String, Integer> counts) {
        List<String> items = new ArrayList<>();
        counts.forEach((key, value) -> items.add(quote(key) + ": " + value));
        return "{" + String.join(", ", items) + "}";
    }

    private static String gephiVersion() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = GephiImport.class.getResourceAsStream("/gephi-import.properties")) {
            properties.load(in);
        }
        return properties.getProperty("gephi.version");
    }

    /** A JSON string literal. */
    private static String quote(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
