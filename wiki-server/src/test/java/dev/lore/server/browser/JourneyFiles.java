package dev.lore.server.browser;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Files on disk for a browser's file picker: a small PNG picture and a text file. */
final class JourneyFiles {
    private JourneyFiles() {}

    /** A new folder, removed with what it holds when the JVM exits (files are registered after it). */
    private static Path folder() throws IOException {
        Path folder = Files.createTempDirectory("journey-files-");
        folder.toFile().deleteOnExit();
        return folder;
    }

    static Path png(String name) {
        try {
            Path file = folder().resolve(name);
            file.toFile().deleteOnExit();
            var image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
            var g = image.createGraphics();
            g.setColor(Color.CYAN);
            g.fillRect(10, 10, 60, 40);
            g.dispose();
            ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path text(String name) {
        try {
            Path file = folder().resolve(name);
            file.toFile().deleteOnExit();
            return Files.writeString(file, "Restart the consumer.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
