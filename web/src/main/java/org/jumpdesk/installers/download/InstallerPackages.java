package org.jumpdesk.installers.download;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jumpdesk.protocol.InstallerPackageFile;

/**
 * Builds an installer package on download. The parts that are the same for every installer were made at
 * build time and ship in {@code WEB-INF/installer}; only {@link InstallerPackageFile} is written per
 * download.
 *
 * <ul>
 *   <li>Linux headless: {@code jumpclient-<uid>.bin}, a {@code sh} script that writes the package file,
 *       unpacks the gzipped tar appended to it (a jlink Java runtime for Linux x64 and the agent) into a
 *       temporary directory and runs the installer with it;
 *   <li>Linux, macOS, Windows: a zip with the agent, the package file and {@code install.sh} or
 *       {@code install.ps1}, which need Java 17 on the machine.
 * </ul>
 */
@ApplicationScoped
public class InstallerPackages {

    static final String AGENT = "jump-client.jar";
    static final String LINUX_PAYLOAD = "jumpclient-linux-x64.tar.gz";

    /**
     * Writes the package.
     *
     * @param installerFiles opens a file of {@code WEB-INF/installer} by name
     */
    public void write(
            Platform platform,
            InstallerPackageFile file,
            Function<String, InputStream> installerFiles,
            OutputStream out)
            throws IOException {
        if (platform == Platform.LINUX_HEADLESS) {
            out.write(binHeader(platform.fileName(file.installerId()), file).getBytes(StandardCharsets.UTF_8));
            try (InputStream payload = installerFiles.apply(LINUX_PAYLOAD)) {
                payload.transferTo(out);
            }
            return;
        }
        String script = platform.windows() ? "install.ps1" : "install.sh";
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(AGENT));
            try (InputStream agent = installerFiles.apply(AGENT)) {
                agent.transferTo(zip);
            }
            zip.putNextEntry(new ZipEntry(InstallerPackageFile.NAME));
            zip.write(file.text().getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(script));
            zip.write(template(script).getBytes(StandardCharsets.UTF_8));
        }
    }

    static String binHeader(String name, InstallerPackageFile file) throws IOException {
        String header = template("bin-header.sh").replace("@NAME@", name);
        long lines = header.replace("@PACKAGE_FILE@", file.text())
                .chars()
                .filter(c -> c == '\n')
                .count();
        return header.replace("@PAYLOAD_LINE@", Long.toString(lines + 1)).replace("@PACKAGE_FILE@", file.text());
    }

    private static String template(String name) throws IOException {
        try (InputStream in = InstallerPackages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing installer template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
