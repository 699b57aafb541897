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
 * Fuzzes the Query (STS, IAM, ELBv2) codec with mutations of valid requests (see {@link FuzzCase}); each must be answered
 * without a 5xx, in an AWS envelope, by a server that stays healthy and leaves the fixture account untouched.
 * {@code -Decsnet.fuzz.tries=N} for a longer run.
 */
class QueryFuzzIT {

    @Property(shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(FuzzCheck.Tries.class)
    void mutatedRequestsGetAwsShapedAnswersAndChangeNoOtherAccount(@ForAll("cases") FuzzCase c) {
        FuzzCheck.check(c, FuzzCheck.Envelope.QUERY);
    }

    @Provide
    Arbitrary<FuzzCase> cases() {
        return FuzzCase.arbitrary(FuzzCheck.bench().corpus(Set.of("sts", "iam", "elasticloadbalancing")), false);
    }
}
