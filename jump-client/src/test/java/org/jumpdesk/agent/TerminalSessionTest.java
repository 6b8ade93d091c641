package org.jumpdesk.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.pty4j.PtyProcess;
import com.pty4j.WinSize;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell a support session gets: a real pseudo-terminal, so programs see a terminal of its size. */
class TerminalSessionTest {

    @Test
    void theShellRunsOnATerminalOfTheRequestedSizeAndFollowsResizes() throws Exception {
        PtyProcess shell = TerminalSession.startShell(100, 30);
        try {
            shell.getOutputStream().write("stty size; tty; exit\n".getBytes(StandardCharsets.UTF_8));
            shell.getOutputStream().flush();
            String output = readAll(shell.getInputStream());

            assertThat(output).contains("30 100").containsPattern("/dev/pts/\\d+");
        } finally {
            shell.destroy();
        }
        PtyProcess resized = TerminalSession.startShell(80, 24);
        try {
            resized.setWinSize(new WinSize(132, 43));
            resized.getOutputStream().write("stty size; exit\n".getBytes(StandardCharsets.UTF_8));
            resized.getOutputStream().flush();

            assertThat(readAll(resized.getInputStream())).contains("43 132");
        } finally {
            resized.destroy();
        }
    }

    @Test
    void aShellThatCannotBeExecutedIsToldApartFromOneThatEnded(@TempDir Path machine) throws Exception {
        PtyProcess notAProgram = TerminalSession.startShell(new String[] {machine.toString(), "-l"}, 80, 24);
        PtyProcess ended = TerminalSession.startShell(new String[] {"/bin/sh", "-c", "exit 0"}, 80, 24);

        assertThat(TerminalSession.couldNotExecute(notAProgram)).isTrue();
        assertThat(TerminalSession.couldNotExecute(ended)).isFalse();
    }

    private static String readAll(InputStream in) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try {
                in.transferTo(out);
            } catch (Exception e) {
                // The terminal closes when the shell exits.
            }
        });
        reader.start();
        reader.join(TimeUnit.SECONDS.toMillis(20));
        return out.toString(StandardCharsets.UTF_8);
    }
}
