package dev.lore.server.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Files to upload or import in tests, made in memory: PNG images, PDF and Word documents. */
public final class SampleFiles {
    private SampleFiles() {}

    /** A black PNG image of {@code width} by {@code height} pixels. */
    public static byte[] png(int width, int height) {
        return png(width, height, image -> {});
    }

    /** A PNG image of {@code width} by {@code height} pixels, black until {@code draw} paints on it. */
    public static byte[] png(int width, int height, Consumer<BufferedImage> draw) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        draw.accept(image);
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A one-page PDF whose text is {@code text}, in 12-point Helvetica. */
    public static byte[] pdf(String text) {
        try (var doc = new PDDocument()) {
            var page = new PDPage();
            doc.addPage(page);
            try (var content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            var out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Word document of one paragraph, {@code text}. */
    public static byte[] docx(String text) {
        try (var doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText(text);
            var out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
