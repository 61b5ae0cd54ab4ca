package dev.lore.server.gitimport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.graph.attachment.Attachment;
import dev.lore.graph.gitimport.GitImportStore;
import dev.lore.server.seed.Progress;
import dev.lore.server.support.Files;
import dev.lore.server.support.FixtureRepository;
import dev.lore.server.support.Http;
import dev.lore.server.support.SampleFiles;
import dev.lore.server.support.TestLore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Git import turns the images and documents that pages link to into the pages' attachments,
 * as they were in each commit, in a real repository written with JGit.
 */
@ExtendWith(TestLore.class)
class GitImportFilesIT {
    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final Pattern ADDRESS = Pattern.compile("/files/[0-9a-f-]{36}/[^)\\s\"]+");

    @TempDir
    Path dir;

    private static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    private static GitImport importer(TestLore.Running lore) {
        return GitImport.builder(
                        lore.lore().articles(),
                        lore.lore().people(),
                        new GitImportStore(lore.lore().graph()),
                        Clock.systemUTC())
                .files(lore.lore().attachments())
                .build();
    }

    /** A black 20 by 10 image with one pixel of colour {@code rgb}. */
    static byte[] png(int rgb) {
        return SampleFiles.png(20, 10, image -> image.setRGB(3, 4, rgb));
    }

    private static List<Attachment> files(TestLore.Running lore, String slug) {
        return lore.lore().attachments().onPage("article", slug, true);
    }

    private static String markdown(TestLore.Running lore, String slug) {
        return lore.lore().articles().find(slug).article().markdown();
    }

    @Test
    void linkedImagesAndPdfsBecomeAttachmentsAndLinksPointAtThem(TestLore.Running lore, Http http) throws IOException {
        byte[] diagram = png(0xFF0000);
        byte[] logo = png(0x00FF00);
        var repo = FixtureRepository.init(dir.resolve("repo"));
        repo.write(
                        "docs/deploy.md",
                        "# Deploy\n\n![Pipeline](images/pipeline.png)\n\n![Logo](/assets/logo.png)\n\n"
                                + "[Broken](images/missing.png) and [[Welcome]] and [other](../README.md)\n\n"
                                + "```\n![in code](images/pipeline.png)\n```\n")
                .write("docs/images/pipeline.png", diagram)
                .write("assets/logo.png", logo)
                .write("assets/unused.png", png(0x0000FF))
                .commit("Ana Silva", "ana@example.com", day(1), "Deploy page");

        importer(lore).importRepository(repo.dir(), Progress.NONE);
        lore.settle();

        String text = markdown(lore, "deploy");
        var addresses = ADDRESS.matcher(text).results().map(m -> m.group()).toList();
        assertThat(addresses).hasSize(2);
        assertThat(text)
                .contains("[Broken](images/missing.png)")
                .contains("[other](../README.md)")
                .contains("![in code](images/pipeline.png)");
        assertThat(files(lore, "deploy"))
                .extracting(Attachment::name)
                .containsExactlyInAnyOrder("pipeline.png", "logo.png");
        assertThat(files(lore, "deploy")).allSatisfy(a -> {
            assertThat(a.by().name()).isEqualTo("Ana Silva");
            assertThat(a.at()).isEqualTo(day(1));
        });
        var download = new Files(http.base()).get(addresses.getFirst(), null, Map.of());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(diagram);
        assertThat(new Files(http.base()).get(addresses.get(1), null, Map.of()).body())
                .isEqualTo(logo);
        assertThat(http.get("/wiki/deploy").body()).contains("<img src=\"" + addresses.getFirst() + "\"");
    }

    @Test
    void aChangedImageBecomesANewVersionAndAnUnchangedOneIsReused(TestLore.Running lore) throws IOException {
        var repo = FixtureRepository.init(dir.resolve("repo"));
        repo.write("guide.md", "# Guide\n\n![Shot](shot.png)\n")
                .write("shot.png", png(0x111111))
                .commit("Ana Silva", "ana@example.com", day(1), "Guide");
        repo.write("guide.md", "# Guide\n\n![Shot](shot.png)\n\nMore words.\n")
                .commit("Ana Silva", "ana@example.com", day(2), "More words");
        repo.write("shot.png", png(0x222222))
                .write("guide.md", "# Guide\n\n![Shot](./shot.png)\n\nMore words.\n")
                .commit("Ben Okoro", "ben@example.com", day(3), "New screenshot");

        importer(lore).importRepository(repo.dir(), Progress.NONE);

        List<Attachment> onPage = files(lore, "guide");
        assertThat(onPage).hasSize(1);
        Attachment shot = onPage.getFirst();
        assertThat(shot.version()).isEqualTo(2);
        assertThat(shot.by().name()).isEqualTo("Ben Okoro");
        // the third commit's text links the same file, so the page's text did not change
        assertThat(lore.lore().articles().revisions("guide")).hasSize(2);
        assertThat(markdown(lore, "guide")).contains("/files/" + shot.id() + "/shot.png");
    }

    @Test
    void aLaterImportOfNewCommitsReusesTheFilesOfTheFirst(TestLore.Running lore) throws IOException {
        var repo = FixtureRepository.init(dir.resolve("repo"));
        repo.write("a.md", "# A\n\n![x](x.png)\n")
                .write("x.png", png(0x333333))
                .commit("Ana Silva", "ana@example.com", day(1), "A");
        importer(lore).importRepository(repo.dir(), Progress.NONE);
        repo.write("a.md", "# A\n\n![x](x.png)\n\nSecond.\n").commit("Ana Silva", "ana@example.com", day(2), "Second");

        importer(lore).importRepository(repo.dir(), Progress.NONE);

        assertThat(files(lore, "a"))
                .hasSize(1)
                .first()
                .extracting(Attachment::version)
                .isEqualTo(1);
    }

    @Test
    void anImageChangedWithoutItsPageBecomesANewVersionTheSamePageShows(TestLore.Running lore, Http http)
            throws IOException {
        byte[] second = png(0x555555);
        var repo = FixtureRepository.init(dir.resolve("repo"));
        repo.write("docs/guide.md", "# Guide\n\n![Shot](img/shot.png)\n")
                .write("docs/img/shot.png", png(0x444444))
                .write("other.md", "# Other\n\nNo pictures.\n")
                .commit("Ana Silva", "ana@example.com", day(1), "Guide");
        repo.write("docs/img/shot.png", second).commit("Ben Okoro", "ben@example.com", day(2), "New screenshot");
        repo.write("notes.txt", "not linked").commit("Ana Silva", "ana@example.com", day(3), "Notes");

        importer(lore).importRepository(repo.dir(), Progress.NONE);

        List<Attachment> onPage = files(lore, "guide");
        assertThat(onPage).hasSize(1);
        Attachment shot = onPage.getFirst();
        assertThat(shot.version()).isEqualTo(2);
        assertThat(shot.by().name()).isEqualTo("Ben Okoro");
        assertThat(shot.at()).isEqualTo(day(2));
        assertThat(lore.lore().articles().revisions("guide")).hasSize(1);
        assertThat(files(lore, "other")).isEmpty();
        String address = "/files/" + shot.id() + "/shot.png";
        assertThat(markdown(lore, "guide")).contains(address);
        assertThat(new Files(http.base()).get(address, null, Map.of()).body()).isEqualTo(second);
    }

    @Test
    void aReRunNoticesAnImageChangedSinceTheLastImportAndAnUnchangedReRunAddsNoVersion(TestLore.Running lore)
            throws IOException {
        var repo = FixtureRepository.init(dir.resolve("repo"));
        repo.write("guide.md", "# Guide\n\n![Shot](shot.png)\n\n![Logo](logo.png)\n")
                .write("shot.png", png(0x666666))
                .write("logo.png", png(0x888888))
                .commit("Ana Silva", "ana@example.com", day(1), "Guide");
        importer(lore).importRepository(repo.dir(), Progress.NONE);
        repo.write("shot.png", png(0x777777)).commit("Ben Okoro", "ben@example.com", day(2), "New screenshot");

        importer(lore).importRepository(repo.dir(), Progress.NONE);
        importer(lore).importRepository(repo.dir(), Progress.NONE);
        repo.write("readme.txt", "unrelated").commit("Ana Silva", "ana@example.com", day(3), "Readme");
        importer(lore).importRepository(repo.dir(), Progress.NONE);

        assertThat(files(lore, "guide"))
                .extracting(Attachment::name, Attachment::version)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("shot.png", 2),
                        org.assertj.core.groups.Tuple.tuple("logo.png", 1));
        Attachment shot = files(lore, "guide").stream()
                .filter(a -> a.name().equals("shot.png"))
                .findFirst()
                .orElseThrow();
        assertThat(lore.lore().attachments().versions(shot.id(), true)).hasSize(2);
        assertThat(lore.lore().articles().revisions("guide")).hasSize(1);
    }
}
