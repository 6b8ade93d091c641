package org.jumpdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @TempDir
    Path directory;

    @Test
    void aFloorIsMetFromItsTargetUpAndACeilingUpToIt() {
        assertThat(new Figure("heartbeats", 25_000, "/s", 20_000, true, "").ratio())
                .isEqualTo(1.25);
        assertThat(new Figure("heartbeats", 19_999, "/s", 20_000, true, "").met())
                .isFalse();
        assertThat(new Figure("flush", 250, "ms", 500, false, "").ratio()).isEqualTo(2.0);
        assertThat(new Figure("flush", 501, "ms", 500, false, "").met()).isFalse();
        assertThat(Figure.notMeasured("jump", "ms", 25, false, "needs #7").met())
                .isFalse();
        assertThat(Figure.notMeasured("jump", "ms", 25, false, "needs #7").row())
                .contains("not yet measured", "needs #7");
    }

    @Test
    void percentilesAreReadFromTheSortedRoundTripsInMilliseconds() {
        long[] nanos = new long[100];
        for (int i = 0; i < nanos.length; i++) {
            nanos[nanos.length - 1 - i] = (i + 1) * 1_000_000L;
        }
        assertThat(Benchmark.percentile(nanos, 50)).isEqualTo(50.0);
        assertThat(Benchmark.percentile(nanos, 99)).isEqualTo(99.0);
        assertThat(Benchmark.percentile(new long[0], 99)).isNaN();
    }

    @Test
    void thePlotIsAPng() throws Exception {
        Path file = directory.resolve("plot.png");
        Plot.write(
                List.of(new Plot.Point(1000, 60, 0.5, 2), new Plot.Point(5000, 90, Double.NaN, Double.NaN)),
                "test",
                file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(900);
    }
}
