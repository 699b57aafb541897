package dev.ecsnet.it;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;

import java.util.Set;

/**
 * Fuzzes each protocol's codec with mutations of valid requests (see {@link FuzzCase}): EC2 Query (EC2), Query
 * (STS, IAM, ELBv2) and JSON 1.1 (ECS, CloudWatch Logs, Cloud Map). Each request must be answered without a 5xx,
 * in an AWS envelope, by a server that stays healthy and leaves the fixture account untouched (see {@link FuzzCheck}).
 * {@code -Decsnet.fuzz.tries=N} for a longer run; a failure shows the shrunk request as it was sent.
 */
class ProtocolFuzzIT {

    @Property(shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(FuzzCheck.Tries.class)
    void ec2QueryRequests(@ForAll("ec2") FuzzCase c) {
        FuzzCheck.check(c, FuzzCheck.Envelope.EC2);
    }

    @Property(shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(FuzzCheck.Tries.class)
    void queryRequests(@ForAll("query") FuzzCase c) {
        FuzzCheck.check(c, FuzzCheck.Envelope.QUERY);
    }

    @Property(shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(FuzzCheck.Tries.class)
    void json11Requests(@ForAll("json11") FuzzCase c) {
        FuzzCheck.check(c, FuzzCheck.Envelope.JSON);
    }

    @Provide
    Arbitrary<FuzzCase> ec2() {
        return FuzzCase.arbitrary(FuzzCheck.bench().corpus(Set.of("ec2")), false);
    }

    @Provide
    Arbitrary<FuzzCase> query() {
        return FuzzCase.arbitrary(FuzzCheck.bench().corpus(Set.of("sts", "iam", "elasticloadbalancing")), false);
    }

    @Provide
    Arbitrary<FuzzCase> json11() {
        return FuzzCase.arbitrary(FuzzCheck.bench().corpus(Set.of("ecs", "logs", "servicediscovery")), true);
    }
}
