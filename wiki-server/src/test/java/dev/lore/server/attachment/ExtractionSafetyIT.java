package dev.lore.server.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.support.Files;
import dev.lore.server.support.Http;
import dev.lore.server.support.SampleFiles;
import dev.lore.server.support.TestLore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile files meet text extraction: a zip bomb inside a docx, a PDF whose page tree loops, a
 * PDF far larger in text than Lore keeps, and a parse over its time limit. Each ends with a
 * bounded amount of text and a named outcome, and the server goes on extracting other files.
 */
@ExtendWith(TestLore.class)
class ExtractionSafetyIT {
    private TestLore.Running lore;
    private Http http;
    private Files files;
    private String carla;
    private String slug;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.lore = lore;
        this.http = http;
        this.files = new Files(http.base());
        carla = http.login("carla.contrib", TestLore.PASSWORD);
        var r = http.post("/api/articles", Map.of("title", "Hostile files", "markdown", "Beware."), carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        slug = r.json().get("slug").asText();
    }

    /** A real docx whose one paragraph holds {@code megabytes} MB of text: about 1,000 times smaller zipped. */
    static byte[] docxBomb(int megabytes) throws Exception {
        byte[] plain = SampleFiles.docx("PLACEHOLDER");
        var out = new ByteArrayOutputStream();
        try (var in = new ZipInputStream(new ByteArrayInputStream(plain));
                var zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                byte[] body = in.readAllBytes();
                if (e.getName().equals("word/document.xml")) {
                    String xml = new String(body, StandardCharsets.UTF_8);
                    int at = xml.indexOf("PLACEHOLDER");
                    zip.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
                    byte[] chunk = "lorem ipsum dolor ".repeat(58_254).getBytes(StandardCharsets.UTF_8); // ~1 MB
                    for (int i = 0; i < megabytes; i++) {
                        zip.write(chunk);
                    }
                    zip.write(xml.substring(at + "PLACEHOLDER".length()).getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(body);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A PDF whose page tree names itself among its own kids. */
    static byte[] loopingPdf() {
        String pdf = """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >> endobj
                3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >> endobj
                4 0 obj << /Length 44 >> stream
                BT /F1 12 Tf 72 100 Td (loop forever) Tj ET
                endstream endobj
                trailer << /Root 1 0 R /Size 5 >>
                %%EOF
                """;
        return pdf.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A PDF of {@code pages} pages, each with 40 lines of text. */
    static byte[] longPdf(int pages) throws Exception {
        try (var doc = new PDDocument()) {
            var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 0; p < pages; p++) {
                var page = new PDPage();
                doc.addPage(page);
                try (var content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(font, 9);
                    content.newLineAtOffset(40, 750);
                    for (int line = 0; line < 40; line++) {
                        content.showText(
                                "page " + p + " line " + line + " the quick brown fox jumps over the lazy dog");
                        content.newLineAtOffset(0, -12);
                    }
                    content.endText();
                }
            }
            var out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private JsonNode upload(String name, byte[] content) {
        var r = files.upload("/api/files", Map.of("article", slug), name, content, carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private JsonNode text(JsonNode file) {
        var r = http.get("/api/files/" + file.get("id").asText(), carla);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("text");
    }

    private void stillExtracts() throws Exception {
        JsonNode ok = upload("fine.pdf", SampleFiles.pdf("an ordinary quokkaberry runbook"));
        lore.settle();
        assertThat(text(ok).get("status").asText()).isEqualTo("text");
        var hits = http.get("/api/search?q=quokkaberry&type=attachment", carla)
                .json()
                .get("hits");
        assertThat(hits).hasSize(1);
        assertThat(http.get("/api/health", carla).status()).isEqualTo(200);
    }

    @Test
    void aZipBombInADocxGivesBoundedTextAndTheServerGoesOn() throws Exception {
        byte[] bomb = docxBomb(200);
        assertThat(bomb.length).isLessThan(2_000_000);
        JsonNode file = upload("bomb.docx", bomb);
        assertThat(file.get("type").asText())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        lore.settle();

        JsonNode text = text(file);
        assertThat(text.get("status").asText()).isEqualTo("unpacks-too-large");
        assertThat(text.get("chars").asLong()).isLessThanOrEqualTo(1_000_000);
        stillExtracts();
    }

    @Test
    void aPdfWhosePageTreeLoopsEndsWithANamedOutcome() throws Exception {
        JsonNode file = upload("loop.pdf", loopingPdf());
        assertThat(file.get("type").asText()).isEqualTo("application/pdf");

        lore.settle();

        assertThat(text(file).get("status").asText()).isIn("text", "empty", "failed");
        stillExtracts();
    }

    @Test
    void aLongPdfIsCutAtTheCharacterLimit() throws Exception {
        try (var extractor = new TextExtractor(10_000, Duration.ofMinutes(5))) {
            var result = extractor.read(new ByteArrayInputStream(longPdf(60)), "long.pdf");

            assertThat(result.outcome()).isEqualTo(TextExtractor.Outcome.TRUNCATED);
            assertThat(result.text().length()).isLessThanOrEqualTo(10_000).isGreaterThan(5_000);
        }
    }

    @Test
    void aParseOverItsTimeLimitIsAbandonedAndTheNextOneRuns() throws Exception {
        byte[] big = longPdf(200);
        try (var extractor = new TextExtractor(10_000_000, Duration.ZERO)) {
            var result = extractor.read(new ByteArrayInputStream(big), "slow.pdf");

            assertThat(result.outcome()).isEqualTo(TextExtractor.Outcome.TIMEOUT);
            assertThat(result.text()).isEmpty();
        }
        try (var extractor = new TextExtractor(10_000_000, Duration.ofMinutes(5))) {
            assertThat(extractor
                            .read(new ByteArrayInputStream(SampleFiles.pdf("next in line")), "next.pdf")
                            .text())
                    .isEqualTo("next in line");
        }
    }
}
