package dev.lore.server.bench;

import dev.lore.graph.attachment.Attachment;
import dev.lore.server.Config;
import dev.lore.server.Lore;
import dev.lore.server.article.ArticleInput;
import dev.lore.server.attachment.TextExtractor;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * {@code lore bench-files}: uploads a mix of generated files (PNG images, PDFs, docx) into a
 * scratch Lore, reads them back, and extracts their text, and prints each rate next to a plain
 * file copy of the same bytes in the same process, as a ratio, so the figures mean something on
 * any machine. A measurement, not a test.
 */
public final class FileBenchmark {
    private static final String[] WORDS = ("deploy broker consumer rebalance partition runbook incident rollback "
                    + "latency schema migration cache cluster replica shard quorum failover alert dashboard")
            .split(" ");

    private FileBenchmark() {}

    /** A generated file: its name and bytes. */
    record Sample(String name, byte[] bytes) {}

    public static void run(int count, Config base, PrintStream out) throws Exception {
        Path scratch = Files.createTempDirectory("lore-bench-files-");
        out.printf("Generating %d files (a third each PNG, PDF, docx) ...%n", count);
        List<Sample> samples = generate(count, new Random(17));
        long totalBytes = samples.stream().mapToLong(s -> s.bytes().length).sum();
        out.printf(Locale.ROOT, "%d files, %.1f MB in all%n", count, totalBytes / 1e6);

        Path plainDir = Files.createDirectories(scratch.resolve("plain"));
        long t0 = System.nanoTime();
        for (int i = 0; i < samples.size(); i++) {
            try (InputStream in = new ByteArrayInputStream(samples.get(i).bytes())) {
                Files.copy(in, plainDir.resolve(i + "-" + samples.get(i).name()));
            }
        }
        double plainWrite = seconds(t0);
        t0 = System.nanoTime();
        for (int i = 0; i < samples.size(); i++) {
            try (InputStream in = Files.newInputStream(
                    plainDir.resolve(i + "-" + samples.get(i).name()))) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }
        double plainRead = seconds(t0);

        Config config =
                base.withDataDir(scratch.resolve("lore")).withSeed(false).withPort(0);
        try (Lore lore = Lore.open(config)) {
            String slug = lore.articles()
                    .create(
                            new ArticleInput(
                                    Optional.of("Benchmark files"),
                                    "Files for the benchmark.",
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.of("benchmark")),
                            Lore.ADMIN_ID)
                    .slug();
            var files = lore.attachments();
            var uploaded = new ArrayList<Attachment>(count);
            long uploadStart = System.nanoTime();
            t0 = uploadStart;
            for (Sample s : samples) {
                uploaded.add(
                        files.upload(Lore.ADMIN_ID, "article", slug, s.name(), new ByteArrayInputStream(s.bytes())));
            }
            double upload = seconds(t0);
            files.flushExtraction(Duration.ofHours(2));
            double uploadAndText = seconds(uploadStart);
            t0 = System.nanoTime();
            for (Attachment a : uploaded) {
                try (InputStream in = files.open(a.sha256(), 0, a.size())) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }
            double download = seconds(t0);

            out.printf(
                    Locale.ROOT,
                    "plain copy:   write %8.3f MB/s, read %8.3f MB/s%n",
                    mbs(totalBytes, plainWrite),
                    mbs(totalBytes, plainRead));
            out.printf(
                    Locale.ROOT,
                    "upload:       %8.1f files/s, %8.3f MB/s = %.2f x a plain file write%n",
                    count / upload,
                    mbs(totalBytes, upload),
                    plainWrite / upload);
            out.printf(
                    Locale.ROOT,
                    "download:     %8.1f files/s, %8.3f MB/s = %.2f x a plain file read%n",
                    count / download,
                    mbs(totalBytes, download),
                    plainRead / download);
            out.printf(
                    Locale.ROOT,
                    "upload until every text is extracted and indexed: %8.1f files/s = %.3f x a plain file write%n",
                    count / uploadAndText,
                    plainWrite / uploadAndText);
            var documents =
                    samples.stream().filter(x -> !x.name().endsWith(".png")).toList();
            long docBytes = documents.stream().mapToLong(x -> x.bytes().length).sum();
            try (var extractor = new TextExtractor(1_000_000, Duration.ofSeconds(30))) {
                extractor.read(
                        new ByteArrayInputStream(documents.getFirst().bytes()),
                        documents.getFirst().name());
                t0 = System.nanoTime();
                long chars = 0;
                for (Sample d : documents) {
                    chars += extractor
                            .read(new ByteArrayInputStream(d.bytes()), d.name())
                            .text()
                            .length();
                }
                double extraction = seconds(t0);
                double plainDocs = plainWrite * docBytes / totalBytes;
                out.printf(
                        Locale.ROOT,
                        "extraction:   %8.1f files/s, %8.3f MB/s, %.0f characters/s = %.4f x a plain file write of the same bytes%n",
                        documents.size() / extraction,
                        mbs(docBytes, extraction),
                        chars / extraction,
                        plainDocs / extraction);
            }
        } finally {
            deleteTree(scratch);
        }
    }

    private static double seconds(long start) {
        return Math.max((System.nanoTime() - start) / 1e9, 1e-9);
    }

    private static double mbs(long bytes, double seconds) {
        return bytes / 1e6 / seconds;
    }

    static List<Sample> generate(int count, Random random) throws IOException {
        var samples = new ArrayList<Sample>(count);
        for (int i = 0; i < count; i++) {
            String words = sentence(random, 200);
            samples.add(
                    switch (i % 3) {
                        case 0 -> new Sample("picture-" + i + ".png", png(random));
                        case 1 -> new Sample("runbook-" + i + ".pdf", pdf(words));
                        default -> new Sample("notes-" + i + ".docx", docx(words));
                    });
        }
        return samples;
    }

    private static String sentence(Random random, int n) {
        var b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(WORDS[random.nextInt(WORDS.length)]).append(i % 12 == 11 ? ".\n" : " ");
        }
        return b.toString();
    }

    private static byte[] png(Random random) throws IOException {
        var image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(random.nextInt(0xffffff)));
            g.fillRect(random.nextInt(640), random.nextInt(480), 20 + random.nextInt(200), 20 + random.nextInt(200));
        }
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] pdf(String text) throws IOException {
        try (var doc = new PDDocument()) {
            var page = new PDPage();
            doc.addPage(page);
            try (var content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                content.newLineAtOffset(40, 750);
                for (String line : text.split("\n")) {
                    content.showText(line);
                    content.newLineAtOffset(0, -13);
                }
                content.endText();
            }
            var out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] docx(String text) throws IOException {
        try (var doc = new XWPFDocument()) {
            for (String line : text.split("\n")) {
                doc.createParagraph().createRun().setText(line);
            }
            var out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
