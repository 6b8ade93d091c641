package org.jumpdesk.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.jumpdesk.protocol.FileStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file cut into chunks under the transfer window, and put back together on the other side. */
class FileTransferTest {

    @TempDir
    Path directory;

    @Test
    void aFileIsSentInChunksNeverMoreThanTheWindowAheadOfTheAcknowledgements() throws Exception {
        byte[] file = new byte[5 * FileSending.CHUNK + 123];
        new Random(7).nextBytes(file);
        TransferWindow window = new TransferWindow(3 * FileSending.CHUNK, Duration.ofSeconds(10));
        List<byte[]> chunks = new ArrayList<>();
        AtomicLong mostInFlight = new AtomicLong();
        Thread acknowledger = new Thread(() -> {
            for (int acknowledged = 0; acknowledged < file.length; ) {
                synchronized (chunks) {
                    int available = chunks.stream().mapToInt(c -> c.length).sum();
                    if (available > acknowledged) {
                        window.acknowledged(available - acknowledged);
                        acknowledged = available;
                    }
                }
                Thread.onSpinWait();
            }
        });
        acknowledger.start();

        long sent = FileSending.send(new ByteArrayInputStream(file), file.length, window, chunk -> {
            mostInFlight.accumulateAndGet(window.unacknowledged(), Math::max);
            byte[] copy = new byte[chunk.remaining()];
            chunk.get(copy);
            synchronized (chunks) {
                chunks.add(copy);
            }
        });
        acknowledger.join(10_000);

        assertThat(sent).isEqualTo(file.length);
        assertThat(chunks).hasSize(6).allSatisfy(chunk -> assertThat(chunk.length)
                .isLessThanOrEqualTo(FileSending.CHUNK));
        assertThat(mostInFlight.get()).isLessThanOrEqualTo(3L * FileSending.CHUNK);
        ByteBuffer joined = ByteBuffer.allocate(file.length);
        chunks.forEach(joined::put);
        assertThat(joined.array()).isEqualTo(file);
    }

    @Test
    void aSenderWithoutAcknowledgementsGivesUpInsteadOfHanging() {
        TransferWindow window = new TransferWindow(FileSending.CHUNK, Duration.ofMillis(200));

        assertThatThrownBy(() -> FileSending.send(
                        new ByteArrayInputStream(new byte[3 * FileSending.CHUNK]),
                        3 * FileSending.CHUNK,
                        window,
                        c -> {}))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no acknowledgement");
    }

    @Test
    void aSenderIsDoneOnlyOnceTheLastBytesAreAcknowledged() throws Exception {
        TransferWindow window = new TransferWindow(TransferWindow.SIZE, Duration.ofSeconds(10));
        List<Integer> chunks = new ArrayList<>();
        Thread late = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (chunks) {
                window.acknowledged(chunks.stream().mapToInt(Integer::intValue).sum());
            }
        });
        late.start();
        long started = System.nanoTime();

        FileSending.send(
                new ByteArrayInputStream(new byte[2 * FileSending.CHUNK]), 2 * FileSending.CHUNK, window, c -> {
                    synchronized (chunks) {
                        chunks.add(c.remaining());
                    }
                });

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        assertThat(window.unacknowledged()).isZero();
        late.join(10_000);
    }

    @Test
    void aSenderWhoseLastBytesAreNeverAcknowledgedGivesUp() {
        TransferWindow window = new TransferWindow(TransferWindow.SIZE, Duration.ofMillis(200));

        assertThatThrownBy(() -> FileSending.send(new ByteArrayInputStream(new byte[10]), 10, window, c -> {}))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("last 10 bytes");
    }

    @Test
    void aFileThatShrankWhileSendingIsAFailureNotAShortFile() {
        TransferWindow window = new TransferWindow(TransferWindow.SIZE, Duration.ofSeconds(1));

        assertThatThrownBy(() -> FileSending.send(new ByteArrayInputStream(new byte[10]), 20, window, c -> {}))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("ended after 10 of 20");
    }

    @Test
    void anUploadAppearsUnderItsNameOnlyWhenComplete() throws Exception {
        Path target = directory.resolve("report.bin");
        try (FileReceiving receiving = FileReceiving.start(target, 6)) {
            assertThat(receiving.write(ByteBuffer.wrap(new byte[] {1, 2, 3}))).isFalse();
            assertThat(target).doesNotExist();
            assertThat(receiving.write(ByteBuffer.wrap(new byte[] {4, 5, 6}))).isTrue();
            receiving.finish();
        }

        assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3, 4, 5, 6);
        try (var left = Files.list(directory)) {
            assertThat(left).containsExactly(target);
        }
    }

    @Test
    void aBrokenUploadLeavesNothingBehind() throws Exception {
        try (FileReceiving receiving = FileReceiving.start(directory.resolve("half.bin"), 100)) {
            receiving.write(ByteBuffer.wrap(new byte[50]));
        }

        try (var left = Files.list(directory)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void anUploadRefusesMoreBytesThanAnnouncedAndNeverReplacesAFileOrADirectory() throws Exception {
        try (FileReceiving receiving = FileReceiving.start(directory.resolve("small.bin"), 2)) {
            assertThatThrownBy(() -> receiving.write(ByteBuffer.wrap(new byte[3])))
                    .isInstanceOfSatisfying(
                            FileRefusal.class, r -> assertThat(r.status()).isEqualTo(FileStatus.FAILED));
        }
        Files.writeString(directory.resolve("taken.txt"), "mine");
        Files.createDirectory(directory.resolve("folder"));

        assertThatThrownBy(() -> FileReceiving.start(directory.resolve("taken.txt"), 1))
                .isInstanceOfSatisfying(
                        FileRefusal.class, r -> assertThat(r.status()).isEqualTo(FileStatus.ALREADY_EXISTS));
        assertThatThrownBy(() -> FileReceiving.start(directory.resolve("folder"), 1))
                .isInstanceOfSatisfying(
                        FileRefusal.class, r -> assertThat(r.status()).isEqualTo(FileStatus.IS_A_DIRECTORY));
        assertThatThrownBy(() -> FileReceiving.start(directory.resolve("missing/x.bin"), 1))
                .isInstanceOfSatisfying(
                        FileRefusal.class, r -> assertThat(r.status()).isEqualTo(FileStatus.NOT_FOUND));
        assertThat(Files.readString(directory.resolve("taken.txt"))).isEqualTo("mine");
    }

    @Test
    void aListingShowsDirectoriesFirstWithTypesAndSizesAndRefusesAFile() throws Exception {
        Files.createDirectory(directory.resolve("zeta"));
        Files.write(directory.resolve("Alpha.txt"), new byte[42]);
        Files.createSymbolicLink(directory.resolve("link-to-zeta"), directory.resolve("zeta"));

        String listing = DirectoryListing.document(directory);

        assertThat(listing)
                .contains("\"path\":\"" + directory + "\"")
                .containsSubsequence(
                        "\"name\":\"link-to-zeta\",\"type\":\"directory\"",
                        "\"name\":\"zeta\"",
                        "\"name\":\"Alpha.txt\",\"type\":\"file\",\"size\":42");
        assertThatThrownBy(() -> DirectoryListing.document(directory.resolve("Alpha.txt")))
                .isInstanceOfSatisfying(
                        FileRefusal.class, r -> assertThat(r.status()).isEqualTo(FileStatus.NOT_A_DIRECTORY));
        assertThatThrownBy(() -> DirectoryListing.document(directory.resolve("nothing")))
                .isInstanceOfSatisfying(
                        FileRefusal.class, r -> assertThat(r.status()).isEqualTo(FileStatus.NOT_FOUND));
    }

    @Test
    void systemInformationListsThisVeryProcessAndTheHostname() throws Exception {
        String document = new SystemInformation().document();

        assertThat(document)
                .contains("\"type\":\"system-info\"")
                .contains(
                        "\"hostname\":\"" + java.net.InetAddress.getLocalHost().getHostName() + "\"")
                .contains("\"pid\":" + ProcessHandle.current().pid() + ",");
    }
}
