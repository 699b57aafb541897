package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.Taggable;

import java.util.LinkedHashMap;
import java.util.Map;

/** An egress-only internet gateway: outbound-only IPv6 to the internet for one VPC, attached from its creation. */
public final class EgressOnlyInternetGateway implements Taggable {
    private final String id;
    private final String vpcId;
    private final Map<String, String> tags = new LinkedHashMap<>();

    EgressOnlyInternetGateway(String id, String vpcId) {
        this.id = id;
        this.vpcId = vpcId;
    }

    @Override
    public String id() {
        return id;
    }

    public String vpcId() {
        return vpcId;
    }

    /** Its attachment's state: {@code attached} for as long as it exists. */
    public String attachmentState() {
        return "attached";
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }
}
