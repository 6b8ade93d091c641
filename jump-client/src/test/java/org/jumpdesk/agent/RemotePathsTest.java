package org.jumpdesk.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.jumpdesk.protocol.FileStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The paths a representative may name, and the tricks refused before the file system sees them. */
class RemotePathsTest {

    @Test
    void anEmptyPathIsTheAgentUsersHome() throws Exception {
        assertThat(RemotePaths.resolve(""))
                .isEqualTo(Path.of(System.getProperty("user.home")).toAbsolutePath());
    }

    @Test
    void anAbsolutePathIsTakenAsItIsWithRepeatedSeparatorsFolded() throws Exception {
        assertThat(RemotePaths.resolve("/var//log/")).isEqualTo(Path.of("/var/log"));
        assertThat(RemotePaths.resolve("/tmp/..hidden...")).isEqualTo(Path.of("/tmp/..hidden..."));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "relative/file",
                "./file",
                "/home/ana/../../etc/shadow",
                "/home/ana/./x",
                "..",
                "/..",
                "/tmp/a\\..\\b",
                "/tmp/nul\0byte",
                "~/file"
            })
    void relativeAndDotSegmentPathsAreRefusedNotResolved(String trick) {
        assertThatThrownBy(() -> RemotePaths.resolve(trick))
                .isInstanceOfSatisfying(FileRefusal.class, refusal -> assertThat(refusal.status())
                        .isEqualTo(FileStatus.INVALID_PATH));
    }
}
