package org.jumpdesk.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jumpdesk.launcher.Directories;
import org.jumpdesk.launcher.EmbeddedDatabase;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts a fresh embedded PostgreSQL before any test of this JVM runs, and stops it after the last, when
 * the build chose the embedded database ({@code JUMPDESK_DB_URL} not set). WildFly, forked later by
 * Arquillian, connects to it through the variables the build set.
 */
public class EmbeddedTestDatabase implements LauncherSessionListener {

    private EmbeddedDatabase database;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String port = System.getProperty("jumpdesk.test.embedded-db.port");
        if (port == null) {
            return;
        }
        Path directory = Path.of(System.getProperty("jumpdesk.test.embedded-db.directory"));
        try {
            Directories.deleteRecursively(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        database = EmbeddedDatabase.start(directory, Integer.parseInt(port));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (database != null) {
            database.close();
        }
    }
}
