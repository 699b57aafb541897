package dev.ecsnet.domain.common;

import java.util.Map;

/** A resource that carries tags; the map is ordered by insertion and owned by the resource. */
public interface Taggable {
    String id();

    Map<String, String> tags();
}
