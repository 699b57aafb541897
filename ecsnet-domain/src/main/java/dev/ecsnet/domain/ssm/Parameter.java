package dev.ecsnet.domain.ssm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parameter: its versions, oldest first (at most 100 are kept), and its tags. Public parameters
 * ({@code /aws/service/...}) are parameters too, with one version and no tags. Used only on the engine thread.
 */
public final class Parameter {
    static final int MAX_VERSIONS = 100;

    private final String name;
    private final String arn;
    private final List<ParameterVersion> versions = new ArrayList<>();
    private final Map<String, String> tags = new LinkedHashMap<>();

    Parameter(String name, String arn) {
        this.name = name;
        this.arn = arn;
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    public ParameterVersion latest() {
        return versions.get(versions.size() - 1);
    }

    public List<ParameterVersion> versions() {
        return Collections.unmodifiableList(versions);
    }

    public Optional<ParameterVersion> version(long number) {
        return versions.stream().filter(v -> v.version() == number).findFirst();
    }

    public Optional<ParameterVersion> labelled(String label) {
        return versions.stream().filter(v -> v.labels().contains(label)).findFirst();
    }

    public Map<String, String> tags() {
        return Collections.unmodifiableMap(tags);
    }

    void add(ParameterVersion v) {
        if (versions.size() == MAX_VERSIONS) {
            versions.remove(0);
        }
        versions.add(v);
    }

    void replace(ParameterVersion v) {
        for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i).version() == v.version()) {
                versions.set(i, v);
            }
        }
    }

    void tag(Map<String, String> more) {
        tags.putAll(more);
    }

    void untag(List<String> keys) {
        keys.forEach(tags::remove);
    }
}
