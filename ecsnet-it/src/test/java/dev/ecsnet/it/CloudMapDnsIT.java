package dev.ecsnet.it;

import dev.ecsnet.app.dns.DnsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.servicediscovery.model.Namespace;
import software.amazon.awssdk.services.servicediscovery.model.Service;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The DNS server answers Cloud Map names over UDP and TCP, checked with dnsjava's own resolver on 127.0.0.1. */
class CloudMapDnsIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();
    static ServiceDiscoveryClient sd;
    static DnsServer dns;

    @BeforeAll
    static void start() throws Exception {
        sd = ServiceDiscoveryIT.client(ecsnet);
        dns = new DnsServer(ecsnet.engine(), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        dns.close();
        sd.close();
    }

    private static Message ask(String name, int type, boolean tcp) throws Exception {
        SimpleResolver resolver = new SimpleResolver("127.0.0.1");
        resolver.setPort(dns.port());
        resolver.setTCP(tcp);
        resolver.setTimeout(Duration.ofSeconds(5));
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), type, DClass.IN)));
    }

    private static List<String> addresses(Message m) {
        return m.getSection(Section.ANSWER).stream().map(r -> ((ARecord) r).getAddress().getHostAddress()).sorted().toList();
    }

    @Test
    void answersRegisteredInstancesAndRefusesForeignNames() throws Exception {
        String vpc = ecsnet.ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        Namespace ns = ServiceDiscoveryIT.privateNamespace(sd, vpc, "seed.local");
        Service svc = ServiceDiscoveryIT.webService(sd, ns);
        sd.registerInstance(r -> r.serviceId(svc.id()).instanceId("t1").attributes(Map.of("AWS_INSTANCE_IPV4", "10.0.1.10", "AWS_INSTANCE_PORT", "8080")));
        sd.registerInstance(r -> r.serviceId(svc.id()).instanceId("t2").attributes(Map.of("AWS_INSTANCE_IPV4", "10.0.2.20", "AWS_INSTANCE_PORT", "8080")));
        sd.registerInstance(r -> r.serviceId(svc.id()).instanceId("t3")
                .attributes(Map.of("AWS_INSTANCE_IPV4", "10.0.3.30", "AWS_INSTANCE_PORT", "8080", "AWS_INIT_HEALTH_STATUS", "UNHEALTHY")));

        Message a = ask("web-app.seed.local", Type.A, false);
        assertThat(a.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(a.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(addresses(a)).as("the unhealthy instance is left out").containsExactly("10.0.1.10", "10.0.2.20");
        assertThat(a.getSection(Section.ANSWER)).allSatisfy(r -> assertThat(r.getTTL()).isEqualTo(10));
        assertThat(addresses(ask("WEB-APP.seed.local.", Type.A, true))).containsExactly("10.0.1.10", "10.0.2.20");

        Message srv = ask("web-app.seed.local", Type.SRV, false);
        assertThat(srv.getSection(Section.ANSWER)).extracting(r -> ((SRVRecord) r).getPort() + " " + ((SRVRecord) r).getTarget())
                .containsExactly("8080 t1.web-app.seed.local.", "8080 t2.web-app.seed.local.");
        assertThat(addresses(ask("t1.web-app.seed.local", Type.A, false))).containsExactly("10.0.1.10");

        assertThat(ask("nope.seed.local", Type.A, false).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(ask("example.com", Type.A, false).getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(ask("web-app.seed.local", Type.AAAA, false).getSection(Section.ANSWER)).isEmpty();

        sd.updateInstanceCustomHealthStatus(r -> r.serviceId(svc.id()).instanceId("t1").status("UNHEALTHY"));
        sd.deregisterInstance(r -> r.serviceId(svc.id()).instanceId("t2"));
        assertThat(addresses(ask("web-app.seed.local", Type.A, false))).as("all unhealthy: all are answered").containsExactly("10.0.1.10", "10.0.3.30");
    }
}
