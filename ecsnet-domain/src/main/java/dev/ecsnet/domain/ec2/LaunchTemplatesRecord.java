package dev.ecsnet.domain.ec2;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The EC2 launch templates of one account in one region, as plain data (see docs/design-state.md, "Snapshot
 * records"), in creation order, and the client tokens of the calls that created templates and versions (token to
 * template id, or to {@code templateId/versionNumber}), so that a repeated call answers what it created.
 */
public record LaunchTemplatesRecord(List<TemplateRecord> templates, Map<String, String> clientTokens) {
    /**
     * One template: its versions that still exist, by ascending number; {@code highestCreated}, the highest number
     * ever given (a new version takes the next, even when that one was deleted); tags keep their order.
     */
    public record TemplateRecord(String id, String name, Instant createTime, String createdBy, long defaultVersion,
                                 long highestCreated, List<VersionRecord> versions, Map<String, String> tags) {
    }

    /** One version; {@code description} is null when none was given; {@code data} is the document as the client sent it. */
    public record VersionRecord(long number, String description, Instant createTime, String createdBy, Map<String, DocumentValue> data) {
    }
}
