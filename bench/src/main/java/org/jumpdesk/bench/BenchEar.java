package org.jumpdesk.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jumpdesk.bench.server.BenchDriver;

/**
 * The EAR the benchmark deploys: the built {@code jumpdesk.ear} unchanged, plus {@code jumpdesk-bench.war}
 * holding the in-server driver (context root {@code /jumpdesk-bench}). The EAR has no
 * {@code application.xml}, so WildFly finds the extra module by itself.
 */
final class BenchEar {

    private BenchEar() {}

    static Path write(Path applicationEar, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(applicationEar));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("jumpdesk-bench.war"));
            out.write(driverWar());
            out.closeEntry();
        }
        return target;
    }

    /**
     * The version of the agent release the site offers ({@code Implementation-Version} of the agent jar
     * inside {@code lib/jumpdesk-agent-release.jar}), or {@code "bench"} when the EAR carries none.
     */
    static String agentReleaseVersion(Path applicationEar) throws IOException {
        try (ZipInputStream ear = new ZipInputStream(Files.newInputStream(applicationEar))) {
            if (!skipTo(ear, "lib/jumpdesk-agent-release.jar")) {
                return "bench";
            }
            ZipInputStream release = new ZipInputStream(ear);
            if (!skipTo(release, "org/jumpdesk/release/jump-client.jar")) {
                return "bench";
            }
            Manifest manifest = new JarInputStream(release).getManifest();
            return manifest == null
                    ? "bench"
                    : manifest.getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
        }
    }

    private static boolean skipTo(ZipInputStream zip, String name) throws IOException {
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            if (entry.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] driverWar() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream war = new ZipOutputStream(bytes)) {
            String name = BenchDriver.class.getName().replace('.', '/') + ".class";
            war.putNextEntry(new ZipEntry("WEB-INF/classes/" + name));
            try (InputStream type = BenchEar.class.getClassLoader().getResourceAsStream(name)) {
                copy(type, war);
            }
            war.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        if (in == null) {
            throw new IOException("the driver's class file is not on the class path");
        }
        in.transferTo(out);
    }
}
