package dev.ecsnet.app.cli;

import dev.ecsnet.protocol.SigningKeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code serve --credentials FILE}: one key per line, {@code ACCESS_KEY_ID SECRET_ACCESS_KEY ACCOUNT_ID}, separated
 * by spaces or tabs; blank lines and lines starting with {@code #} are ignored. A bad line stops the start with its
 * line number.
 */
final class CredentialsFile {
    private CredentialsFile() {
    }

    /** The file's keys, in file order, or why the file cannot be used (one line, naming the file and line). */
    static List<SigningKeys.AccessKey> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("--credentials " + file + " cannot be read (" + e.getMessage() + ")");
        }
        List<SigningKeys.AccessKey> keys = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = "--credentials " + file + " line " + (i + 1) + ": ";
            String[] fields = line.split("\\s+");
            if (fields.length != 3) {
                throw new IllegalArgumentException(where + "expected ACCESS_KEY_ID SECRET_ACCESS_KEY ACCOUNT_ID, got " + fields.length + " field(s)");
            }
            if (!fields[0].matches("\\w{1,128}")) {
                throw new IllegalArgumentException(where + "the access key id '" + fields[0] + "' is not 1 to 128 letters, digits or _");
            }
            if (!fields[2].matches("\\d{12}")) {
                throw new IllegalArgumentException(where + "the account id '" + fields[2] + "' is not 12 digits");
            }
            Integer earlier = seen.putIfAbsent(fields[0], i + 1);
            if (earlier != null) {
                throw new IllegalArgumentException(where + "the access key id " + fields[0] + " is already on line " + earlier);
            }
            keys.add(new SigningKeys.AccessKey(fields[0], fields[1], fields[2]));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("--credentials " + file + " has no keys (lines: ACCESS_KEY_ID SECRET_ACCESS_KEY ACCOUNT_ID)");
        }
        return keys;
    }
}
