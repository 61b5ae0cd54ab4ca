package dev.lore.graph.article;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;
import static dev.lore.graph.internal.Values.optionalString;
import static dev.lore.graph.internal.Values.strings;

import dev.lore.graph.PersonRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Between records and Cypher: the parameters an {@link ArticleWrite} is saved with, and how
 * articles, their summaries, revisions and contributors are read from query rows.
 */
final class ArticleRows {
    /** Projection of an article node {@code a} to the columns {@link #toArticle} reads. */
    static final String ARTICLE_COLUMNS =
            columns("head([(a)-[:HAS_REVISION]->(r:Revision) WHERE r.n = a.revision | r.markdown]) AS markdown");

    /** {@link #ARTICLE_COLUMNS} but the text, for a caller that has it; see {@link #toArticle(Record, String)}. */
    static final String COLUMNS_BUT_MARKDOWN = columns("null AS markdown");

    private static String columns(String markdown) {
        return """
            a.id AS id, a.slug AS slug, a.title AS title, a.status AS status, a.revision AS revision,
            a.tags AS tags, a.owner AS owner, coalesce(a.kind, 'article') AS kind, a.createdAt AS createdAt, a.updatedAt AS updatedAt, a.seq AS seq,
            """ + markdown + """
            ,
            [(a)-[:ABOUT]->(s:Skill) | s.name] AS skills,
            [(p:Person)-[c:CONTRIBUTED]->(a) | [p.id, coalesce(c.share, 0.0), coalesce(c.edits, 0), c.lastAt, p.name,
                                                  coalesce(c.added, 0), c.firstAt]]
              AS contributors
            """;
    }

    /** Statuses readers do not see: hidden by a moderator, or waiting for a champion's review. */
    static final java.util.Set<String> HIDDEN_STATES = java.util.Set.of("hidden", "review");

    private ArticleRows() {}

    /** The parameters of the statements that save {@code write}. */
    static Map<String, Object> params(ArticleWrite write) {
        var params = new HashMap<String, Object>();
        params.put("title", write.title());
        params.put("titleKey", write.titleKey());
        params.put("markdown", write.markdown());
        params.put("tags", write.tags());
        params.put("skills", write.skills());
        params.put("links", write.linkKeys());
        params.put("owner", write.owner().orElse(null));
        params.put("message", write.message());
        params.put("author", write.authorId());
        params.put("at", datetime(write.at()));
        params.put("kind", write.kind().orElse(null));
        return params;
    }

    /** An article read with {@link #COLUMNS_BUT_MARKDOWN}, with its current text. */
    static Article toArticle(Record r, String markdown) {
        Article a = toArticle(r);
        return new Article(
                a.id(),
                a.slug(),
                a.title(),
                a.deleted(),
                a.revision(),
                markdown,
                a.tags(),
                a.skills(),
                a.owner(),
                a.contributors(),
                a.createdAt(),
                a.updatedAt(),
                a.seq(),
                a.hidden(),
                a.credits(),
                a.kind());
    }

    static Article toArticle(Record r) {
        // one walk of the contributions gives both the names shown and what each person wrote
        var names = new ArrayList<String>();
        var credits = new ArrayList<Article.Credit>();
        for (Value c : r.get("contributors").values()) {
            names.add(c.get(4).asString());
            credits.add(new Article.Credit(
                    c.get(0).asString(),
                    c.get(1).asDouble(),
                    c.get(2).asInt(),
                    c.get(3).isNull() ? instant(r.get("updatedAt")) : instant(c.get(3)),
                    c.get(5).asInt(),
                    c.get(6).isNull() ? instant(r.get("createdAt")) : instant(c.get(6))));
        }
        return new Article(
                r.get("id").asString(),
                r.get("slug").asString(),
                r.get("title").asString(),
                "deleted".equals(r.get("status").asString()),
                r.get("revision").asInt(),
                r.get("markdown").isNull() ? "" : r.get("markdown").asString(),
                strings(r.get("tags")),
                strings(r.get("skills")),
                optionalString(r.get("owner")),
                List.copyOf(names),
                instant(r.get("createdAt")),
                instant(r.get("updatedAt")),
                r.get("seq").asLong(),
                HIDDEN_STATES.contains(r.get("status").asString()),
                List.copyOf(credits),
                r.get("kind").asString());
    }

    /** Reads the columns slug, title, tags, revision and updatedAt. */
    static ArticleSummary toSummary(Record r) {
        return new ArticleSummary(
                r.get("slug").asString(),
                r.get("title").asString(),
                strings(r.get("tags")),
                r.get("revision").asInt(),
                instant(r.get("updatedAt")));
    }

    static Revision toRevision(Record r) {
        return new Revision(
                r.get("n").asInt(),
                r.get("title").asString(),
                r.get("markdown").asString(),
                r.get("message").asString(),
                instant(r.get("at")),
                new PersonRef(r.get("personId").asString(), r.get("personName").asString()));
    }

    static Contributor toContributor(Record r) {
        return new Contributor(
                r.get("id").asString(),
                r.get("name").asString(),
                r.get("edits").asInt(),
                r.get("share").asDouble(),
                instant(r.get("firstAt")),
                instant(r.get("lastAt")));
    }
}
