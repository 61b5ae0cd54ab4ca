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

    /**
     * Where a file called {@code name} goes: a new folder of its own, both removed when the JVM
     * exits (the file is registered after its folder, so it goes first).
     */
    private static Path fresh(String name) throws IOException {
        Path folder = Files.createTempDirectory("journey-files-");
        folder.toFile().deleteOnExit();
        Path file = folder.resolve(name);
        file.toFile().deleteOnExit();
        return file;
    }

    static Path png(String name) {
        try {
            Path file = fresh(name);
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
            return Files.writeString(fresh(name), "Restart the consumer.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
