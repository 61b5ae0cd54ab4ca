package dev.lore.server.markdown;

import java.util.Set;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.text.TextContentNodeRendererContext;

/**
 * Tables as plain text for the search index and its snippets: one line per row, cells separated by
 * " · ". The tables extension's own text renderer writes {@code |} between cells, which search
 * snippets then showed as if they were Markdown.
 */
final class TableText implements NodeRenderer {
    static final String CELL_SEPARATOR = " · ";

    private final TextContentNodeRendererContext context;

    TableText(TextContentNodeRendererContext context) {
        this.context = context;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(TableBlock.class, TableHead.class, TableBody.class, TableRow.class, TableCell.class);
    }

    @Override
    public void render(Node node) {
        var writer = context.getWriter();
        switch (node) {
            case TableBlock block -> {
                children(block);
                writer.block();
            }
            case TableRow row -> {
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    context.render(cell);
                    if (cell.getNext() != null) {
                        writer.write(CELL_SEPARATOR);
                    }
                }
                writer.line();
            }
            default -> children(node);
        }
    }

    private void children(Node parent) {
        Node child = parent.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            context.render(child);
            child = next;
        }
    }
}
