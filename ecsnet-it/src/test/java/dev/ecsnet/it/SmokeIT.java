package dev.ecsnet.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmokeIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    @Test
    void stsKnowsTheDefaultAccount() {
        GetCallerIdentityResponse me = ecsnet.sts().getCallerIdentity();
        assertThat(me.account()).isEqualTo("000000000000");
        assertThat(me.arn()).isEqualTo("arn:aws:iam::000000000000:root");
    }

    @Test
    void ec2ListsSixZonesInUsEast1() {
        DescribeAvailabilityZonesResponse zones = ecsnet.ec2().describeAvailabilityZones();
        assertThat(zones.availabilityZones()).extracting(z -> z.zoneName())
                .containsExactly("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f");
    }

    @Test
    void unknownSubnetIsAnAwsShapedError() {
        assertThatThrownBy(() -> ecsnet.ec2().describeSubnets(r -> r.subnetIds("subnet-0123456789abcdef0")))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSubnetID.NotFound");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The subnet ID 'subnet-0123456789abcdef0' does not exist");
                });
    }
}
