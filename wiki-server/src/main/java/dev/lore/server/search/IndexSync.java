package dev.lore.server.search;

import dev.lore.graph.article.Article;
import dev.lore.graph.article.ArticleStore;
import dev.lore.graph.attachment.AttachmentStore;
import dev.lore.graph.attachment.IndexedAttachment;
import dev.lore.graph.person.Person;
import dev.lore.graph.person.PersonStore;
import dev.lore.graph.question.CommentStore;
import dev.lore.graph.question.IndexedQuestion;
import dev.lore.graph.question.QuestionStore;
import dev.lore.indexer.IndexDoc;
import dev.lore.indexer.LoreIndex;
import dev.lore.server.markdown.MarkdownRenderer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves committed graph changes into the search index, in change-sequence order, from the last
 * sequence number the index reached. Called right after every local write (so a writer finds
 * their edit at once) and on a timer, which also commits the index (and picks up writes made by
 * other replicas). Thread-safe.
 */
public final class IndexSync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexSync.class);
    private static final int BATCH = 500;
    /** How often the timer commits what was applied: the index work a crash can lose (and redo). */
    public static final Duration COMMIT_EVERY = Duration.ofSeconds(2);

    private final ArticleStore articles;
    private final PersonStore people;
    private final QuestionStore questions;
    private final CommentStore commentStore;
    private final dev.lore.graph.taught.TaughtStore taught;
    private final LoreIndex index;
    private final MarkdownRenderer markdown;
    private final AttachmentStore attachments;
    private ScheduledExecutorService timer;
    private final TimerFailures failures = new TimerFailures(LOG);

    public IndexSync(
            ArticleStore articles,
            PersonStore people,
            QuestionStore questions,
            CommentStore commentStore,
            dev.lore.graph.taught.TaughtStore taught,
            AttachmentStore attachments,
            LoreIndex index,
            MarkdownRenderer markdown) {
        this.attachments = attachments;
        this.articles = articles;
        this.people = people;
        this.questions = questions;
        this.commentStore = commentStore;
        this.taught = taught;
        this.index = index;
        this.markdown = markdown;
    }

    /**
     * Runs {@code reset} (which empties the graph, say) and empties the index, with no catch-up in
     * between that could bring back what the reset removed. For tests and rebuilds.
     */
    public synchronized void resetWith(Runnable reset) {
        reset.run();
        index.clear();
    }

    /** Applies every change committed after the index's sequence; returns how many were applied. */
    public int catchUp() {
        if (articles.inTransaction()) {
            // Nothing this thread wrote is committed yet; its caller catches up after the commit. Checked
            // before taking the lock: a thread holding graph locks must never wait for this one, whose
            // holder may be waiting for those graph locks (resetWith's wipe).
            return 0;
        }
        synchronized (this) {
            return applyCommitted(Optional.empty());
        }
    }

    /**
     * As {@link #catchUp()}, after a bulk create committed {@code created}: when the index holds
     * every change before the batch, the batch's articles are indexed as given, with their text
     * from the parse the create already made, instead of being read back and parsed again. New
     * articles have no comments or marks. The batch's other changes (its skills) and anything
     * committed after it are read as always.
     */
    public int catchUp(CreatedArticles created) {
        if (articles.inTransaction()) {
            return 0;
        }
        synchronized (this) {
            return applyCommitted(Optional.of(created));
        }
    }

    private int applyCommitted(Optional<CreatedArticles> created) {
        int applied = 0;
        while (true) {
            long since = index.appliedSeq();
            // Every change numbered up to the counter read now is committed (numbers are handed out
            // in commit order), so the four reads below all see them. A change committed while they
            // run may be seen by some and missed by others: it waits for the next round, or a kind
            // read early would be skipped for good once the index records a later number.
            long committed = articles.currentSeq();
            if (committed <= since) {
                return applied;
            }
            Optional<CreatedArticles> known = created.filter(c -> c.seq() == since + 1);
            if (known.isPresent()) {
                // this round stops at the batch: an article changed again after it is read next round
                committed = known.get().seq();
                created = Optional.empty();
            }
            List<Article> changedArticles =
                    known.isPresent() ? known.get().articles() : articles.changesSince(since, BATCH);
            List<PersonStore.IndexedPerson> changedPeople = people.changesSince(since, BATCH);
            List<ArticleStore.IndexedSkill> changedSkills = articles.skillChangesSince(since, BATCH);
            List<IndexedQuestion> changedQuestions = questions.changesSince(since, BATCH);
            List<IndexedAttachment> changedFiles = attachments.changesSince(since, BATCH);
            if (changedArticles.isEmpty()
                    && changedPeople.isEmpty()
                    && changedSkills.isEmpty()
                    && changedQuestions.isEmpty()
                    && changedFiles.isEmpty()) {
                return applied;
            }
            // Each kind comes in seq order, BATCH at a time: apply only up to the lowest seq that a
            // full batch reached, so no kind skips a change that another kind's batch ran past.
            long upTo = Long.MAX_VALUE;
            long highest = 0;
            for (List<Long> seqs : List.of(
                    changedArticles.stream().map(Article::seq).toList(),
                    changedPeople.stream().map(PersonStore.IndexedPerson::seq).toList(),
                    changedSkills.stream().map(ArticleStore.IndexedSkill::seq).toList(),
                    changedQuestions.stream().map(IndexedQuestion::seq).toList(),
                    changedFiles.stream().map(IndexedAttachment::seq).toList())) {
                if (!seqs.isEmpty()) {
                    highest = Math.max(highest, seqs.getLast());
                    if (seqs.size() >= BATCH) {
                        upTo = Math.min(upTo, seqs.getLast());
                    }
                }
            }
            long limit = Math.min(upTo == Long.MAX_VALUE ? highest : upTo, committed);
            var upserts = new ArrayList<IndexDoc>();
            var deletes = new ArrayList<String>();
            List<String> shown = changedArticles.stream()
                    .filter(a -> a.seq() <= limit && !a.deleted() && !a.hidden())
                    .map(Article::id)
                    .toList();
            Map<String, List<String>> comments = known.isPresent() ? Map.of() : commentStore.articleCommentTexts(shown);
            Map<String, Integer> marks = known.isPresent() ? Map.of() : taught.articleMarks(shown);
            for (Article article : changedArticles) {
                if (article.seq() > limit) {
                    continue;
                }
                if (article.deleted() || article.hidden()) {
                    deletes.add(docId(article));
                } else {
                    upserts.add(toDoc(
                            article,
                            known.flatMap(k -> k.text(article.id()))
                                    .orElseGet(() -> markdown.forIndex(article.markdown(), article.title())),
                            comments.getOrDefault(article.id(), List.of()),
                            marks.getOrDefault(article.id(), 0)));
                }
                applied++;
            }
            for (PersonStore.IndexedPerson person : changedPeople) {
                if (person.seq() <= limit) {
                    upserts.add(toDoc(person));
                    applied++;
                }
            }
            for (ArticleStore.IndexedSkill skill : changedSkills) {
                if (skill.seq() > limit) {
                    continue;
                }
                if (skill.articles() == 0 && skill.topContributors().isEmpty()) {
                    deletes.add("skill:" + skill.key());
                } else {
                    upserts.add(toDoc(skill));
                }
                applied++;
            }
            for (IndexedQuestion question : changedQuestions) {
                if (question.seq() > limit) {
                    continue;
                }
                if (question.hidden()) {
                    deletes.add("question:" + question.id());
                } else {
                    upserts.add(toDoc(question));
                }
                applied++;
            }
            for (IndexedAttachment file : changedFiles) {
                if (file.seq() > limit) {
                    continue;
                }
                if (file.visible()) {
                    upserts.add(toDoc(file));
                } else {
                    deletes.add("attachment:" + file.id());
                }
                applied++;
            }
            index.apply(upserts, deletes, limit);
        }
    }

    private static IndexDoc toDoc(PersonStore.IndexedPerson indexed) {
        Person p = indexed.person();
        String about = String.join(
                " · ",
                List.of(p.title(), p.team()).stream().filter(s -> !s.isBlank()).toList());
        String body = about + (indexed.skills().isEmpty() ? "" : "\nSkills: " + String.join(", ", indexed.skills()));
        return new IndexDoc(
                "person:" + p.id(),
                "person",
                p.id(),
                p.name(),
                body,
                p.team().isBlank() ? List.of() : List.of(p.team()),
                indexed.skills(),
                List.of(),
                p.joinedAt());
    }

    private static IndexDoc toDoc(ArticleStore.IndexedSkill skill) {
        String body = skill.articles()
                + (skill.articles() == 1 ? " article" : " articles")
                + (skill.topContributors().isEmpty()
                        ? ""
                        : ". Most written by " + String.join(", ", skill.topContributors()));
        return new IndexDoc(
                "skill:" + skill.key(),
                "skill",
                skill.name(),
                skill.name(),
                body,
                List.of(),
                List.of(skill.name()),
                List.of(),
                java.time.Instant.EPOCH);
    }

    /** Empties the index and rebuilds it from the graph, durably. */
    public synchronized int rebuild() {
        index.clear();
        int applied = catchUp();
        index.commit();
        return applied;
    }

    /**
     * Starts the timed catch-up on a named background thread: every {@code poll} it reads the
     * graph's change counter (one small read) and applies what other servers changed only when the
     * counter moved; every {@code commitEvery} it commits what was applied (a commit has work only
     * after changes, and a crash loses at most that much index work, which the catch-up redoes).
     */
    public synchronized void startTimer(Duration poll, Duration commitEvery) {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("lore-index-catchup").daemon(true).factory());
        // one thread for both: they take turns, so a commit never contends with a poll
        timer.scheduleWithFixedDelay(
                failures.guarded("catch-up", this::catchUp),
                0, // at once: a server opened without catching up builds its index now
                poll.toMillis(),
                TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(
                failures.guarded("commit", index::commit),
                commitEvery.toMillis(),
                commitEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * An article with its comments after its text, so what readers added is found too, and how
     * many people it taught (a small lift in ranking).
     */
    private IndexDoc toDoc(Article article, MarkdownRenderer.IndexText text, List<String> comments, int marks) {
        var body = new StringBuilder(text.text());
        for (String comment : comments) {
            body.append("\n\n").append(markdown.plainText(comment));
        }
        return new IndexDoc(
                        docId(article),
                        "article",
                        article.slug(),
                        article.title(),
                        body.toString(),
                        article.tags(),
                        article.skills(),
                        article.contributors(),
                        article.updatedAt())
                .withHeadings(text.headings())
                .withCredits(article.credits().stream()
                        .map(c -> new IndexDoc.Credit(
                                c.personId(), c.share(), c.edits(), c.lastAt(), c.added(), c.firstAt()))
                        .toList())
                .withKinds(article.isLesson() ? List.of(Article.LESSON) : List.of())
                .withMarks(marks);
    }

    /** A question with its answers and comments as one document: what it asked and what was said. */
    private IndexDoc toDoc(IndexedQuestion q) {
        var body = new StringBuilder(markdown.plainText(q.markdown()));
        for (String answer : q.answers()) {
            body.append("\n\n").append(markdown.plainText(answer));
        }
        for (String comment : q.comments()) {
            body.append("\n\n").append(markdown.plainText(comment));
        }
        return new IndexDoc(
                "question:" + q.id(),
                "question",
                q.id(),
                q.title(),
                body.toString(),
                List.of(),
                q.skills(),
                q.authors(),
                q.updatedAt());
    }

    /** A file as a hit of its page: its name as the title, its text as the body, the page's address as the link. */
    private static IndexDoc toDoc(IndexedAttachment file) {
        return new IndexDoc(
                "attachment:" + file.id(),
                "attachment",
                file.page().path(),
                file.name(),
                file.text(),
                List.of(),
                List.of(),
                List.of(file.byName()),
                file.at());
    }

    private static String docId(Article article) {
        return "article:" + article.id();
    }

    @Override
    public void close() {
        stopTimer();
    }

    /** Stops the timed catch-up, letting a round that runs finish; {@link #startTimer} starts it again. */
    public void stopTimer() {
        ScheduledExecutorService t;
        synchronized (this) {
            t = timer;
            timer = null;
        }
        if (t != null) {
            // not shutdownNow: an interrupt during a Lucene commit closes its files (and the index lock)
            t.shutdown();
            try {
                t.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
