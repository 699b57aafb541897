package dev.ecsnet.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Cipher;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SslPolicy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.ecsnet.it.AwsRefusal.refusedWithoutChange;
import static org.assertj.core.api.Assertions.assertThat;

/** HTTPS listeners, security policies, certificate lists, IP address types and target group stickiness, through the SDK. */
class Elbv2TlsIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();
    static ElasticLoadBalancingV2Client elb;
    static final String CERT = "arn:aws:acm:us-east-1:000000000000:certificate/11111111-2222-3333-4444-555555555555";
    static final String CERT2 = "arn:aws:acm:us-east-1:000000000000:certificate/66666666-7777-8888-9999-000000000000";
    static final String IAM_CERT = "arn:aws:iam::000000000000:server-certificate/legacy";

    private String vpc;
    private String lb;
    private String tg;

    @BeforeAll
    static void client() {
        elb = ecsnet.configure(ElasticLoadBalancingV2Client.builder()).build();
    }

    @AfterAll
    static void close() {
        elb.close();
    }

    @BeforeEach
    void alb() {
        vpc = ecsnet.ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String a = ecsnet.ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.101.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
        String b = ecsnet.ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.102.0/24").availabilityZone("us-east-1b")).subnet().subnetId();
        lb = elb.createLoadBalancer(r -> r.name("web").subnets(a, b).ipAddressType("ipv4")).loadBalancers().get(0).loadBalancerArn();
        tg = elb.createTargetGroup(r -> r.name("web").protocol("HTTP").port(8080).vpcId(vpc).targetType("ip")).targetGroups().get(0).targetGroupArn();
    }

    private Listener https(String policy) {
        return elb.createListener(r -> r.loadBalancerArn(lb).port(443).protocol("HTTPS").sslPolicy(policy).certificates(c -> c.certificateArn(CERT))
                .defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(tg))).listeners().get(0);
    }

    private List<Listener> listeners() {
        return elb.describeListeners(r -> r.loadBalancerArn(lb)).listeners();
    }

    @Test
    void securityPoliciesAsAwsPublishesThem() {
        List<SslPolicy> all = elb.describeSSLPolicies(r -> r.loadBalancerType("application")).sslPolicies();
        assertThat(all).extracting(SslPolicy::name).startsWith("ELBSecurityPolicy-2016-08", "ELBSecurityPolicy-TLS13-1-2-2021-06")
                .contains("ELBSecurityPolicy-TLS13-1-2-Res-2021-06", "ELBSecurityPolicy-FS-1-2-Res-2020-10", "ELBSecurityPolicy-TLS-1-0-2015-04");
        SslPolicy tls13 = elb.describeSSLPolicies(r -> r.names("ELBSecurityPolicy-TLS13-1-2-2021-06")).sslPolicies().get(0);
        assertThat(tls13.sslProtocols()).containsExactly("TLSv1.2", "TLSv1.3");
        assertThat(tls13.ciphers()).extracting(Cipher::name).containsExactly("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
                "TLS_CHACHA20_POLY1305_SHA256", "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES128-SHA256",
                "ECDHE-RSA-AES128-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-ECDSA-AES256-SHA384",
                "ECDHE-RSA-AES256-SHA384");
        assertThat(tls13.ciphers()).extracting(Cipher::priority).startsWith(1, 2, 3);
        assertThat(tls13.supportedLoadBalancerTypes()).containsExactly("application", "network");
        assertThat(elb.describeSSLPolicies(r -> r.names("ELBSecurityPolicy-2016-08")).sslPolicies().get(0).sslProtocols())
                .containsExactly("TLSv1", "TLSv1.1", "TLSv1.2");
        AwsRefusal.refused(() -> elb.describeSSLPolicies(r -> r.names("ELBSecurityPolicy-Nope")), "SSLPolicyNotFound",
                "SSL policy 'ELBSecurityPolicy-Nope' not found");
    }

    @Test
    void httpsListenersNeedADefaultCertificateAndAPublishedPolicy() {
        refusedWithoutChange(this::listeners, () -> elb.createListener(r -> r.loadBalancerArn(lb).port(443).protocol("HTTPS")
                .defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(tg))), "ValidationError", "A certificate must be specified for HTTPS listeners");
        refusedWithoutChange(this::listeners, () -> https("ELBSecurityPolicy-Nope"), "SSLPolicyNotFound", "SSL policy 'ELBSecurityPolicy-Nope' not found");
        refusedWithoutChange(this::listeners, () -> elb.createListener(r -> r.loadBalancerArn(lb).port(443).protocol("HTTPS")
                .certificates(c -> c.certificateArn(CERT).isDefault(true)).defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(tg))),
                "ValidationError", "You cannot set the isDefault parameter for a certificate.");
        refusedWithoutChange(this::listeners, () -> elb.createListener(r -> r.loadBalancerArn(lb).port(80).protocol("HTTP")
                .certificates(c -> c.certificateArn(CERT)).defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(tg))),
                "ValidationError", "A certificate cannot be specified for HTTP listeners");
        refusedWithoutChange(this::listeners, () -> elb.createListener(r -> r.loadBalancerArn(lb).port(443).protocol("HTTPS")
                .certificates(c -> c.certificateArn("my-cert")).defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(tg))),
                "CertificateNotFound", "Certificate 'my-cert' not found");
        Listener byDefault = elb.createListener(r -> r.loadBalancerArn(lb).port(443).protocol("HTTPS").certificates(c -> c.certificateArn(CERT))
                .defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(tg))).listeners().get(0);
        assertThat(byDefault.sslPolicy()).as("the API's default, not the console's").isEqualTo("ELBSecurityPolicy-2016-08");
        assertThat(byDefault.certificates()).extracting(Certificate::certificateArn).containsExactly(CERT);
        Listener modified = elb.modifyListener(r -> r.listenerArn(byDefault.listenerArn()).sslPolicy("ELBSecurityPolicy-TLS13-1-2-2021-06")
                .certificates(c -> c.certificateArn(IAM_CERT))).listeners().get(0);
        assertThat(modified.sslPolicy()).isEqualTo("ELBSecurityPolicy-TLS13-1-2-2021-06");
        assertThat(modified.certificates()).extracting(Certificate::certificateArn).containsExactly(IAM_CERT);
    }

    @Test
    void theCertificateListBesideTheDefaultCertificate() {
        Listener l = https("ELBSecurityPolicy-TLS13-1-2-Res-2021-06");
        List<Certificate> added = elb.addListenerCertificates(r -> r.listenerArn(l.listenerArn()).certificates(c -> c.certificateArn(CERT2))).certificates();
        assertThat(added).containsExactly(Certificate.builder().certificateArn(CERT2).isDefault(false).build());
        elb.addListenerCertificates(r -> r.listenerArn(l.listenerArn()).certificates(c -> c.certificateArn(CERT2)));
        Map<String, Boolean> certs = elb.describeListenerCertificates(r -> r.listenerArn(l.listenerArn())).certificates().stream()
                .collect(Collectors.toMap(Certificate::certificateArn, Certificate::isDefault));
        assertThat(certs).containsExactlyInAnyOrderEntriesOf(Map.of(CERT, true, CERT2, false));
        assertThat(elb.describeListeners(r -> r.listenerArns(l.listenerArn())).listeners().get(0).certificates())
                .extracting(Certificate::certificateArn).containsExactly(CERT);
        refusedWithoutChange(() -> elb.describeListenerCertificates(r -> r.listenerArn(l.listenerArn())).certificates(),
                () -> elb.removeListenerCertificates(r -> r.listenerArn(l.listenerArn()).certificates(c -> c.certificateArn(CERT))),
                "OperationNotPermitted", "The default certificate cannot be removed from a listener; replace it with ModifyListener");
        elb.removeListenerCertificates(r -> r.listenerArn(l.listenerArn()).certificates(c -> c.certificateArn(CERT2)));
        assertThat(elb.describeListenerCertificates(r -> r.listenerArn(l.listenerArn())).certificates())
                .containsExactly(Certificate.builder().certificateArn(CERT).isDefault(true).build());
        AwsRefusal.refused(() -> elb.describeListenerCertificates(r -> r.listenerArn(l.listenerArn() + "0")), "ListenerNotFound", null);
    }

    @Test
    void ipAddressTypesFollowAwsRules() {
        assertThat(elb.setIpAddressType(r -> r.loadBalancerArn(lb).ipAddressType("ipv4")).ipAddressTypeAsString()).isEqualTo("ipv4");
        refusedWithoutChange(() -> elb.describeLoadBalancers(r -> r.loadBalancerArns(lb)).loadBalancers(),
                () -> elb.setIpAddressType(r -> r.loadBalancerArn(lb).ipAddressType("dualstack")),
                "ValidationError", "You must specify subnets with an associated IPv6 CIDR block.");
        String a = ecsnet.ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.103.0/24").availabilityZone("us-east-1c")).subnet().subnetId();
        String b = ecsnet.ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.104.0/24").availabilityZone("us-east-1d")).subnet().subnetId();
        refusedWithoutChange(() -> elb.describeLoadBalancers().loadBalancers(),
                () -> elb.createLoadBalancer(r -> r.name("internal").scheme("internal").subnets(a, b).ipAddressType("dualstack-without-public-ipv4")),
                "InvalidConfigurationRequest", "IP address type 'dualstack-without-public-ipv4' is supported only by internet-facing load balancers");
        refusedWithoutChange(() -> elb.describeLoadBalancers().loadBalancers(),
                () -> elb.createLoadBalancer(r -> r.name("nlb").type("network").subnets(a).ipAddressType("dualstack-without-public-ipv4")),
                "ValidationError", "IP address type 'dualstack-without-public-ipv4' is supported only by Application Load Balancers");
        refusedWithoutChange(() -> elb.describeLoadBalancers().loadBalancers(),
                () -> elb.createLoadBalancer(r -> r.name("v6").subnets(a, b).ipAddressType("dualstack")),
                "ValidationError", "You must specify subnets with an associated IPv6 CIDR block.");
    }

    @Test
    void targetGroupStickinessIsCheckedPerProtocol() {
        elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(tg).attributes(a -> a.key("stickiness.enabled").value("true"),
                a -> a.key("stickiness.type").value("lb_cookie"), a -> a.key("stickiness.lb_cookie.duration_seconds").value("3600")));
        Map<String, String> attrs = elb.describeTargetGroupAttributes(r -> r.targetGroupArn(tg)).attributes().stream()
                .collect(Collectors.toMap(a -> a.key(), a -> a.value()));
        assertThat(attrs).containsEntry("stickiness.enabled", "true").containsEntry("stickiness.lb_cookie.duration_seconds", "3600");
        String tcp = elb.createTargetGroup(r -> r.name("tcp").protocol("TCP").port(8080).vpcId(vpc).targetType("ip")).targetGroups().get(0).targetGroupArn();
        refusedWithoutChange(() -> elb.describeTargetGroupAttributes(r -> r.targetGroupArn(tcp)).attributes(),
                () -> elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(tcp).attributes(a -> a.key("stickiness.enabled").value("false"),
                        a -> a.key("stickiness.type").value("lb_cookie"))),
                "InvalidConfigurationRequest", "Stickiness type 'lb_cookie' is not supported for target groups with the TCP protocol");
        refusedWithoutChange(() -> elb.describeTargetGroupAttributes(r -> r.targetGroupArn(tg)).attributes(),
                () -> elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(tg).attributes(a -> a.key("stickiness.type").value("app_cookie"))),
                "InvalidConfigurationRequest", "You must set an application cookie name to enable stickiness of type 'app_cookie'");
    }
}
