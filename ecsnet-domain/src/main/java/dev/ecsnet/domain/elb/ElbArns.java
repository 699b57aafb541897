package dev.ecsnet.domain.elb;

import dev.ecsnet.domain.common.AccountRegion;

import java.util.Map;

/** ARNs, DNS names and hosted zone ids of ELBv2 resources in one account and region. */
public final class ElbArns {
    /** Route 53 hosted zone ids of ALB and NLB DNS names per region (AWS's published table; us-east-1 when unknown). */
    private static final Map<String, String[]> HOSTED_ZONES = Map.of(
            "us-east-1", new String[]{"Z35SXDOTRQ7X7K", "Z26RNL4JYFTOTI"},
            "us-east-2", new String[]{"Z3AADJGX6KTTL2", "ZLMOA37VPKANP"},
            "us-west-1", new String[]{"Z368ELLRRE2KJ0", "Z24FKFUX50B4VW"},
            "us-west-2", new String[]{"Z1H1FL5HABSF5", "Z18D5FSROUN65G"},
            "eu-west-1", new String[]{"Z32O12XQLNTSW2", "Z2IFOLAFXWLO4F"},
            "eu-central-1", new String[]{"Z215JYRZR1TBD5", "Z3F0SRJ5LGBH90"},
            "ap-southeast-1", new String[]{"Z1LMS91P8CMLE5", "ZKVM4W9LS7TM"},
            "ap-northeast-1", new String[]{"Z14GRHDCWA56QT", "Z31USIVHYNEOWT"});

    private final AccountRegion key;

    ElbArns(AccountRegion key) {
        this.key = key;
    }

    private String prefix() {
        return "arn:aws:elasticloadbalancing:" + key.region() + ":" + key.accountId() + ":";
    }

    static String typeSegment(String type) {
        return "application".equals(type) ? "app" : "net";
    }

    String loadBalancer(String type, String name, String id) {
        return prefix() + "loadbalancer/" + typeSegment(type) + "/" + name + "/" + id;
    }

    String targetGroup(String name, String id) {
        return prefix() + "targetgroup/" + name + "/" + id;
    }

    String listener(LoadBalancer lb, String id) {
        return prefix() + "listener/" + lb.resourceSuffix() + "/" + id;
    }

    String rule(String listenerArn, String id) {
        return prefix() + "listener-rule/" + listenerArn.substring(listenerArn.indexOf(":listener/") + ":listener/".length()) + "/" + id;
    }

    /** {@code name-1234567890.us-east-1.elb.amazonaws.com} (ALB), {@code name-<16 hex>.elb.us-east-1.amazonaws.com} (NLB). */
    String dnsName(String type, String scheme, String name, String suffix) {
        String host = ("internal".equals(scheme) ? "internal-" : "") + name + "-" + suffix;
        return "application".equals(type) ? host + "." + key.region() + ".elb.amazonaws.com" : host + ".elb." + key.region() + ".amazonaws.com";
    }

    String hostedZoneId(String type) {
        String[] zones = HOSTED_ZONES.getOrDefault(key.region(), HOSTED_ZONES.get("us-east-1"));
        return "application".equals(type) ? zones[0] : zones[1];
    }
}
