package dev.ecsnet.domain.elb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A listener of a load balancer: protocol, port, default actions, and (HTTPS/TLS) certificates and SSL policy. */
public final class Listener {
    private final String arn;
    private final String loadBalancerArn;
    private String protocol;
    private int port;
    private String sslPolicy;
    private List<String> certificateArns;
    private String alpnPolicy;
    private List<ListenerAction> defaultActions;
    private final String defaultRuleArn;
    final Map<String, String> attributes;
    private final Map<String, String> tags = new LinkedHashMap<>();

    Listener(String arn, String loadBalancerArn, String protocol, int port, String sslPolicy, List<String> certificateArns,
             String alpnPolicy, List<ListenerAction> defaultActions, String defaultRuleArn, Map<String, String> attributes) {
        this.arn = arn;
        this.loadBalancerArn = loadBalancerArn;
        this.protocol = protocol;
        this.port = port;
        this.sslPolicy = sslPolicy;
        this.certificateArns = List.copyOf(certificateArns);
        this.alpnPolicy = alpnPolicy;
        this.defaultActions = List.copyOf(defaultActions);
        this.defaultRuleArn = defaultRuleArn;
        this.attributes = new LinkedHashMap<>(attributes);
    }

    public String arn() {
        return arn;
    }

    public String loadBalancerArn() {
        return loadBalancerArn;
    }

    public String protocol() {
        return protocol;
    }

    public int port() {
        return port;
    }

    public String sslPolicy() {
        return sslPolicy;
    }

    public List<String> certificateArns() {
        return certificateArns;
    }

    public String alpnPolicy() {
        return alpnPolicy;
    }

    public List<ListenerAction> defaultActions() {
        return defaultActions;
    }

    public String defaultRuleArn() {
        return defaultRuleArn;
    }

    public Map<String, String> attributes() {
        return Map.copyOf(attributes);
    }

    public Map<String, String> tags() {
        return tags;
    }

    void modify(String newProtocol, int newPort, String newSslPolicy, List<String> newCertificates, String newAlpn,
                List<ListenerAction> newActions) {
        protocol = newProtocol;
        port = newPort;
        sslPolicy = newSslPolicy;
        certificateArns = List.copyOf(newCertificates);
        alpnPolicy = newAlpn;
        defaultActions = List.copyOf(newActions);
    }
}
