package org.jumpdesk.agent;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One directory as the representative's file pane shows it: a {@code directory} document with the
 * normalised path, its parent, the separator for names, and the entries (name, type, size, modified),
 * directories first. A huge directory is cut at {@link #MAX_ENTRIES} and says so.
 */
final class DirectoryListing {

    static final int MAX_ENTRIES = 5_000;

    private static final JsonProvider JSON = JsonProvider.provider();

    /** One entry; {@code type} is directory, file, link (to a file) or other. */
    record Entry(String name, String type, long size, long modifiedMillis) {}

    private DirectoryListing() {}

    static String document(Path directory) throws FileRefusal {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new FileRefusal(org.jumpdesk.protocol.FileStatus.NOT_A_DIRECTORY, directory.toString());
        }
        List<Entry> entries = new ArrayList<>();
        boolean truncated = false;
        try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
            for (Path child : children) {
                if (entries.size() == MAX_ENTRIES) {
                    truncated = true;
                    break;
                }
                entries.add(entry(child));
            }
        } catch (IOException e) {
            throw FileRefusal.of(e, directory.toString());
        }
        entries.sort(Comparator.comparing((Entry e) -> !e.type().equals("directory"))
                .thenComparing(Entry::name, String.CASE_INSENSITIVE_ORDER));
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (Entry entry : entries) {
            array.add(JSON.createObjectBuilder()
                    .add("name", entry.name())
                    .add("type", entry.type())
                    .add("size", entry.size())
                    .add("modified", entry.modifiedMillis()));
        }
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("type", "directory")
                .add("path", directory.toString())
                .add("separator", directory.getFileSystem().getSeparator())
                .add("entries", array)
                .add("truncated", truncated);
        Path parent = directory.getParent();
        if (parent != null) {
            json.add("parent", parent.toString());
        }
        return json.build().toString();
    }

    /** An entry's own attributes; a link that leads to a directory is shown as one, so it can be entered. */
    static Entry entry(Path child) {
        String name = String.valueOf(child.getFileName());
        try {
            BasicFileAttributes own = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String type = own.isDirectory() ? "directory" : own.isRegularFile() ? "file" : "other";
            if (own.isSymbolicLink()) {
                type = Files.isDirectory(child) ? "directory" : "link";
            }
            return new Entry(name, type, own.size(), own.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return new Entry(name, "other", 0, 0);
        }
    }
}
