package dev.ecsnet.app.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build (the Maven project version, written into {@code version.properties} at build time). */
public final class EcsnetVersion {
    private static final String VERSION = load();

    private EcsnetVersion() {
    }

    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = EcsnetVersion.class.getResourceAsStream("/dev/ecsnet/app/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
