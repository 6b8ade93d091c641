package org.jumpdesk.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
