package org.jumpdesk.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the server's heap and the heartbeat latency against the number of connected agents as a PNG, with
 * Java2D only (no plotting tool needed on the machine).
 */
final class Plot {

    /** What was measured while holding a number of agents. */
    record Point(int agents, double heapMiB, double latencyP50Millis, double latencyP99Millis) {}

    private static final int WIDTH = 900;
    private static final int PANEL = 300;
    private static final int LEFT = 90;
    private static final int RIGHT = 30;
    private static final int TOP = 50;

    private Plot() {}

    static void write(List<Point> points, String title, Path file) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, TOP + 2 * PANEL + 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 28);
        double maxAgents = points.stream().mapToInt(Point::agents).max().orElse(1);
        panel(
                g,
                TOP,
                "server heap after full GC (MiB)",
                maxAgents,
                points,
                List.of(new Series("heap", new Color(0x1f77b4), p -> p.heapMiB())));
        panel(
                g,
                TOP + PANEL + 20,
                "heartbeat round trip (ms)",
                maxAgents,
                points,
                List.of(
                        new Series("p50", new Color(0x2ca02c), p -> p.latencyP50Millis()),
                        new Series("p99", new Color(0xd62728), p -> p.latencyP99Millis())));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setColor(Color.BLACK);
        g.drawString("connected agents", WIDTH / 2 - 50, image.getHeight() - 12);
        g.dispose();
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    private record Series(String name, Color color, java.util.function.ToDoubleFunction<Point> value) {}

    private static void panel(
            Graphics2D g, int top, String label, double maxAgents, List<Point> points, List<Series> series) {
        int height = PANEL - 40;
        int bottom = top + height;
        int width = WIDTH - LEFT - RIGHT;
        double maxValue = series.stream()
                .flatMapToDouble(s -> points.stream().mapToDouble(s.value()))
                .filter(v -> !Double.isNaN(v))
                .max()
                .orElse(1);
        maxValue = niceCeiling(maxValue);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(new Color(0xdddddd));
        for (int i = 0; i <= 4; i++) {
            int y = bottom - i * height / 4;
            g.drawLine(LEFT, y, LEFT + width, y);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, top, width, height);
        g.drawString(label, LEFT, top - 6);
        for (int i = 0; i <= 4; i++) {
            int y = bottom - i * height / 4;
            g.drawString(Figure.format(maxValue * i / 4), 10, y + 4);
        }
        for (Point point : points) {
            int x = LEFT + (int) (point.agents() / maxAgents * width);
            g.drawString(String.format("%,d", point.agents()), x - 20, bottom + 16);
        }
        int legend = LEFT + 10;
        for (Series s : series) {
            g.setColor(s.color());
            g.setStroke(new BasicStroke(2.5f));
            int previousX = -1;
            int previousY = -1;
            for (Point point : points) {
                double value = s.value().applyAsDouble(point);
                if (Double.isNaN(value)) {
                    continue;
                }
                int x = LEFT + (int) (point.agents() / maxAgents * width);
                int y = bottom - (int) (value / maxValue * height);
                g.fillOval(x - 4, y - 4, 8, 8);
                if (previousX >= 0) {
                    g.drawLine(previousX, previousY, x, y);
                }
                previousX = x;
                previousY = y;
            }
            g.drawString(s.name(), legend, top + 18);
            legend += 60;
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1e-9))));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
