package dev.lore.server.seed;

import static dev.lore.server.support.SampleFiles.pdf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.LoreAccess;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.support.Files;
import dev.lore.server.support.Http;
import dev.lore.server.support.SampleFiles;
import dev.lore.server.support.TestLore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page's files travel with it: {@code export} writes them to {@code files/<slug>/} with relative
 * links, and every import (a folder, an uploaded zip) attaches them again and points the links at
 * the new attachments. Real PNG and PDF bytes, real extraction and search.
 */
@ExtendWith(TestLore.class)
class AttachmentsInPacksIT {
    private static final Pattern FILE_ADDRESS = Pattern.compile("/files/([0-9a-f-]{36})/([^)\\s\"]+)");

    private TestLore.Running lore;
    private Http http;
    private Files files;
    private String carla;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.lore = lore;
        this.http = http;
        this.files = new Files(http.base());
        carla = http.login("carla.contrib", TestLore.PASSWORD);
    }

    /** An orange diagonal on 40 by 30 pixels. */
    private static byte[] png() {
        return SampleFiles.png(40, 30, image -> {
            for (int x = 0; x < 40; x++) {
                image.setRGB(x, x % 30, 0xFF8800);
            }
        });
    }

    private JsonNode upload(String slug, String name, byte[] content) {
        var r = files.upload("/api/files", Map.of("article", slug), name, content, carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** A page showing an image and linking a PDF, both its attachments. */
    private String givenAPageWithAnImageAndAPdf(byte[] image, byte[] runbook) {
        var created = http.post("/api/articles", Map.of("title", "Broker runbook", "markdown", "Draft."), carla);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String slug = created.json().get("slug").asText();
        String imageUrl = upload(slug, "broker diagram.png", image).get("url").asText();
        String pdfUrl = upload(slug, "runbook.pdf", runbook).get("url").asText();
        String markdown =
                "# Brokers\n\n![The brokers](" + imageUrl + ")\n\nSee [the runbook](" + pdfUrl + "#page=1).\n";
        var saved = http.put("/api/articles/" + slug, Map.of("markdown", markdown, "baseRevision", 1), carla);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        return slug;
    }

    private Export export() {
        return new Export(
                lore.lore().articles(),
                lore.lore().people(),
                lore.lore().collections().all(),
                Optional.of(lore.lore().attachments()));
    }

    private void wipe() {
        lore.lore().sync().resetWith(() -> TestLore.wipe(lore.lore().graph()));
        LoreAccess.ensureAdmin(lore.lore());
    }

    /** The names of a page's files. */
    private java.util.List<String> pageFiles(String slug) {
        JsonNode list = http.get("/api/articles/" + slug + "/files", carla).json();
        JsonNode items = list.isArray() ? list : list.get("files");
        var names = new java.util.ArrayList<String>();
        items.forEach(f -> names.add(f.get("name").asText()));
        return names;
    }

    private String markdown(String slug) {
        return http.get("/api/articles/" + slug).json().get("markdown").asText();
    }

    @Test
    void exportAndImportIntoAnEmptyLoreKeepTheImageThePdfsTextAndTheBytes(@TempDir Path out) throws IOException {
        byte[] image = png();
        byte[] runbook = pdf("Drain the quarkwhistle brokers one at a time");
        String slug = givenAPageWithAnImageAndAPdf(image, runbook);

        int written = export().exportTo(out, Progress.NONE);

        assertThat(written).isEqualTo(1);
        String exported = java.nio.file.Files.readString(out.resolve(slug + ".md"));
        assertThat(exported)
                .contains("![The brokers](files/" + slug + "/broker%20diagram.png)")
                .contains("[the runbook](files/" + slug + "/runbook.pdf#page=1)")
                .doesNotContain("/files/");
        assertThat(out.resolve("files/" + slug + "/broker diagram.png")).hasBinaryContent(image);
        assertThat(out.resolve("files/" + slug + "/runbook.pdf")).hasBinaryContent(runbook);

        wipe();
        var result = lore.lore().importer().importFolder(out, "admin", Optional.empty(), Progress.NONE);
        lore.settle();

        assertThat(result.created()).isEqualTo(1);
        assertThat(result.skipped()).isEmpty();
        String imported = markdown(slug);
        var addresses = FILE_ADDRESS.matcher(imported).results().toList();
        assertThat(addresses).hasSize(2);
        assertThat(imported).contains("#page=1)");
        assertThat(pageFiles(slug)).containsExactlyInAnyOrder("broker diagram.png", "runbook.pdf");
        String imageAddress = addresses.getFirst().group();
        assertThat(files.get(imageAddress, carla, Map.of()).body()).isEqualTo(image);
        assertThat(files.get(addresses.get(1).group(), carla, Map.of()).body()).isEqualTo(runbook);
        // the page shows the image from its new address
        assertThat(http.get("/wiki/" + slug, carla).body()).contains("<img src=\"" + imageAddress + "\"");
        // the PDF's words find it
        JsonNode hits = http.get("/api/search?q=quarkwhistle&type=attachment", carla)
                .json()
                .get("hits");
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).get("title").asText()).isEqualTo("runbook.pdf");
    }

    @Test
    void aChildPagesFilesTravelWithItThroughItsParentsFolder(@TempDir Path out) throws IOException {
        byte[] image = png();
        String child = givenAPageWithAnImageAndAPdf(image, pdf("Child page runbook"));
        var parent = http.post("/api/articles", Map.of("title", "Platform", "markdown", "Our platform."), carla);
        assertThat(parent.status()).as(parent.body()).isEqualTo(201);
        var moved = http.put("/api/articles/" + child + "/parent", Map.of("parent", "platform"), carla);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        var export = export().withTree(new dev.lore.server.article.PageTreeService(
                new dev.lore.graph.article.PageTree(lore.lore().graph())));
        export.exportTo(out, Progress.NONE);

        // the parent is a folder with its own page; the child's links climb out of it to files/
        assertThat(out.resolve("platform/index.md")).exists();
        String exported = java.nio.file.Files.readString(out.resolve("platform/" + child + ".md"));
        assertThat(exported).contains("](../files/" + child + "/broker%20diagram.png)");

        wipe();
        lore.lore().importer().importFolder(out, "admin", Optional.empty(), Progress.NONE);
        lore.settle();

        String imported = markdown(child);
        var addresses = FILE_ADDRESS.matcher(imported).results().toList();
        assertThat(addresses).hasSize(2);
        assertThat(files.get(addresses.getFirst().group(), carla, Map.of()).body())
                .isEqualTo(image);
        var placed = new java.util.HashMap<String, String>();
        http.get("/api/tree", carla)
                .json()
                .get("pages")
                .forEach(n -> placed.put(
                        n.get("slug").asText(),
                        n.path("parent").isNull() ? "" : n.path("parent").asText("")));
        assertThat(placed).containsEntry(child, "platform");
    }

    @Test
    void reimportingThePackReusesTheFilesInsteadOfAddingThem(@TempDir Path out) throws IOException {
        String slug = givenAPageWithAnImageAndAPdf(png(), pdf("Once"));
        export().exportTo(out, Progress.NONE);
        wipe();
        lore.lore().importer().importFolder(out, "admin", Optional.empty(), Progress.NONE);
        String first = markdown(slug);

        var again = lore.lore().importer().importFolder(out, "admin", Optional.empty(), Progress.NONE);

        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(markdown(slug)).isEqualTo(first);
        assertThat(pageFiles(slug)).hasSize(2);
    }

    @Test
    void aPackLinkingAProgramIsRefusedAndWritesNothingFilesIncluded(@TempDir Path pack) throws IOException {
        java.nio.file.Files.writeString(pack.resolve("good.md"), "---\ntitle: Good\n---\n![ok](img/ok.png)\n");
        java.nio.file.Files.createDirectories(pack.resolve("img"));
        java.nio.file.Files.write(pack.resolve("img/ok.png"), png());
        java.nio.file.Files.writeString(pack.resolve("zbad.md"), "---\ntitle: Bad\n---\n[tool](bin/tool)\n");
        java.nio.file.Files.createDirectories(pack.resolve("bin"));
        byte[] elf = new byte[64];
        byte[] magic = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
        System.arraycopy(magic, 0, elf, 0, magic.length);
        elf[16] = 2;
        java.nio.file.Files.write(pack.resolve("bin/tool"), elf);

        assertThatThrownBy(() -> lore.lore().importer().importFolder(pack, "admin", Optional.empty(), Progress.NONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bin/tool");

        assertThat(lore.lore().articles().count()).isZero();
        assertThat(lore.lore().attachments().unused(100)).isEmpty();
    }

    @Test
    void aFileInThePagesFolderIsAttachedEvenWhenNotLinkedAndALinkToAMissingFileStays(@TempDir Path pack)
            throws IOException {
        java.nio.file.Files.writeString(
                pack.resolve("notes.md"), "---\ntitle: Notes\n---\nSee [the sheet](missing/sheet.csv).\n");
        java.nio.file.Files.createDirectories(pack.resolve("files/notes"));
        java.nio.file.Files.writeString(pack.resolve("files/notes/readme.txt"), "plain words");

        var result = lore.lore().importer().importFolder(pack, "admin", Optional.empty(), Progress.NONE);

        assertThat(result.skipped()).isEmpty();
        assertThat(markdown("notes")).isEqualTo("See [the sheet](missing/sheet.csv).\n");
        assertThat(pageFiles("notes")).containsExactly("readme.txt");
    }

    @Test
    void anExportedZipUploadedAsASeedPackCarriesItsFiles() throws IOException {
        byte[] image = png();
        String slug = givenAPageWithAnImageAndAPdf(image, pdf("Zip words"));
        String champion =
                lore.person("cora.champion", "Cora Champion", "Enablement", dev.lore.server.auth.Role.CHAMPION);
        var zip = PackFiles.send(
                        http.base(),
                        "GET",
                        "/api/seed-packs/export?slug=" + slug,
                        null,
                        Map.of("Authorization", "Bearer " + champion))
                .body();
        Map<String, byte[]> entries = unzip(zip);
        assertThat(entries).containsKeys(slug + ".md", "files/" + slug + "/broker diagram.png");
        assertThat(entries.get("files/" + slug + "/broker diagram.png")).isEqualTo(image);

        wipe();
        String admin = http.login("admin", TestLore.PASSWORD);
        var imported = PackFiles.send(
                http.base(),
                "POST",
                "/api/seed-packs",
                zip,
                Map.of("Content-Type", "application/zip", "Authorization", "Bearer " + admin));

        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        String address = FILE_ADDRESS
                .matcher(markdown(slug))
                .results()
                .toList()
                .getFirst()
                .group();
        assertThat(files.get(address, admin, Map.of()).body()).isEqualTo(image);
        assertThat(imported.text()).doesNotContain("broker diagram.png");
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        var entries = new LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
