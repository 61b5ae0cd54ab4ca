package dev.lore.server.gitimport;

import dev.lore.graph.gitimport.GitImportStore;
import dev.lore.server.article.ArticleService;
import dev.lore.server.article.PageTreeService;
import dev.lore.server.attachment.AttachmentService;
import dev.lore.server.person.PersonService;
import java.time.Clock;
import java.util.Optional;

/** What every run of one {@link GitImport} works with, as its {@link GitImport.Builder} set it. */
record ImportSetup(
        ArticleService articles,
        PersonService people,
        GitImportStore store,
        Clock clock,
        Optional<AttachmentService> files,
        Optional<PageTreeService> tree,
        int batchCommits,
        int batchRevisions,
        boolean oneByOne) {}
