package org.jumpdesk.agent.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jumpdesk.protocol.InstallerPackageFile;

/**
 * Installs on Windows from the Windows archive ({@code install.ps1}): a new directory (by default
 * {@code %LOCALAPPDATA%\JumpDesk\jumpclient}, or {@code %ProgramData%} in service mode) with the agent,
 * {@code start.ps1} (runs it without a window, as the account that installed it) and {@code uninstall.ps1}
 * (stops it, tells the site, removes the directory). No Windows service is registered and this class has
 * not run on Windows yet (see the README).
 */
record WindowsInstallation(InstallerPackageFile file, InstallerCommandLine commandLine, Path packageDirectory) {

    String install() {
        if (commandLine.user() != null) {
            throw new InstallFailure(
                    InstallFailure.COMMAND_LINE,
                    "--user (user=) is for Linux: on Windows the Jump Client runs as the account that installs it."
                            + " Nothing was installed.");
        }
        Path directory = commandLine.installDir() != null
                ? commandLine.installDir().toAbsolutePath().normalize()
                : Path.of(System.getenv(file.serviceMode() ? "ProgramData" : "LOCALAPPDATA"), "JumpDesk", "jumpclient");
        if (Files.exists(directory)) {
            throw new InstallFailure(
                    InstallFailure.DIRECTORY,
                    "installdir " + directory + " already exists; name a directory that does not exist yet."
                            + " Nothing was installed.");
        }
        try {
            if (commandLine.installDir() == null) {
                Files.createDirectories(directory.getParent());
            }
            Files.createDirectory(directory);
        } catch (IOException e) {
            throw new InstallFailure(
                    InstallFailure.DIRECTORY,
                    "installdir " + directory + " cannot be created (" + e.getMessage() + "). Nothing was installed.");
        }
        try {
            Files.copy(packageDirectory.resolve("jump-client.jar"), directory.resolve("jump-client.jar"));
            Path javaw = Path.of(System.getProperty("java.home"), "bin", "javaw.exe");
            Files.writeString(
                    directory.resolve("start.ps1"), scripts(directory, javaw).start(), StandardCharsets.UTF_8);
            Files.writeString(
                    directory.resolve("uninstall.ps1"),
                    scripts(directory, javaw).uninstall(),
                    StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            Installations.deleteQuietly(directory);
            throw new InstallFailure("cannot install into " + directory + ": " + e.getMessage(), e);
        }
        return "Jump Client installed in " + directory + ".\nStart it now (the first start must come before "
                + file.validUntil() + "): powershell -ExecutionPolicy Bypass -File " + directory.resolve("start.ps1");
    }

    /** The two PowerShell scripts, for a directory and a Java launcher. */
    record Scripts(String start, String uninstall) {}

    Scripts scripts(Path directory, Path javaw) {
        List<String> command = Installations.agentCommand(file, commandLine, directory, javaw);
        String arguments = String.join(
                ", ",
                command.subList(1, command.size()).stream()
                        .map(WindowsInstallation::quote)
                        .toList());
        String jar = quote(directory.resolve("jump-client.jar").toString());
        String start = "# Starts this Jump Client without a window, as the account running this script.\r\n"
                + "Start-Process -FilePath " + quote(javaw.toString()) + " -ArgumentList @(" + arguments + ")\r\n";
        String uninstall = "# Stops this Jump Client, tells the site it is uninstalled and removes "
                + directory + ".\r\n"
                + "Get-CimInstance Win32_Process | Where-Object { $_.CommandLine -like ('*' + " + jar
                + " + '*') } | Invoke-CimMethod -MethodName Terminate | Out-Null\r\n"
                + "& " + quote(javaw.toString().replace("javaw.exe", "java.exe")) + " @(" + arguments
                + ", '--uninstall')\r\n"
                + "if ($LASTEXITCODE -ne 0) { [Console]::Error.WriteLine("
                + "'jumpclient: the site could not be told; remove this Jump Client in the console too') }\r\n"
                + "Set-Location $env:TEMP\r\nRemove-Item -Recurse -Force " + quote(directory.toString()) + "\r\n";
        return new Scripts(start, uninstall);
    }

    /** A PowerShell string literal: single quotes, inner ones doubled. */
    static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
