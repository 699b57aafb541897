package dev.ecsnet.api.ec2;

import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.net.SubnetIpv6CidrBlock;
import dev.ecsnet.domain.net.VpcCidrAssociation;
import dev.ecsnet.domain.net.VpcCidrs;
import dev.ecsnet.domain.net.VpcIpv6CidrBlock;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.Ec2XmlShapeWriter;
import dev.ecsnet.protocol.RenderedAnswer;
import dev.ecsnet.protocol.ShapeWriter;

/** CIDR blocks beyond a VPC's primary one: Associate/DisassociateVpcCidrBlock and Associate/DisassociateSubnetCidrBlock. */
final class Ec2CidrBlockOps {
    private Ec2CidrBlockOps() {
    }

    static void register(OperationTable t) {
        t.register("AssociateVpcCidrBlock", Ec2CidrBlockOps::associateVpcCidrBlock);
        t.register("DisassociateVpcCidrBlock", Ec2CidrBlockOps::disassociateVpcCidrBlock);
        t.register("AssociateSubnetCidrBlock", Ec2CidrBlockOps::associateSubnetCidrBlock);
        t.register("DisassociateSubnetCidrBlock", Ec2CidrBlockOps::disassociateSubnetCidrBlock);
    }

    private static VpcCidrs cidrs(Call call) {
        return call.state().network().cidrs();
    }

    /** The answer of both VPC calls: the VPC and the association, in the member its family names. */
    private static RenderedAnswer vpcAnswer(String vpcId, VpcCidrAssociation association) {
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        Ec2VpcOps.renderAssociation(out.object(association instanceof VpcIpv6CidrBlock ? "ipv6CidrBlockAssociation" : "cidrBlockAssociation"),
                association).end();
        return out.value("vpcId", vpcId).answer();
    }

    static RenderedAnswer associateVpcCidrBlock(Call call) {
        Params p = call.params();
        String vpcId = p.required("VpcId");
        Ec2VpcOps.refuseUnmodelledIpPools(p, Ec2VpcOps.VPC_POOL_MEMBERS);
        boolean amazonIpv6 = p.bool("AmazonProvidedIpv6CidrBlock").orElse(false);
        String cidr = p.string("CidrBlock").orElse(null);
        if (cidr != null && amazonIpv6) {
            throw AwsError.badRequest("InvalidParameterCombination", "Specify either cidrBlock or amazonProvidedIpv6CidrBlock, not both.");
        }
        if (p.has("Ipv6CidrBlockNetworkBorderGroup") && !amazonIpv6) {
            throw AwsError.badRequest("InvalidParameterCombination", "Ipv6CidrBlockNetworkBorderGroup requires AmazonProvidedIpv6CidrBlock.");
        }
        if (amazonIpv6) {
            return vpcAnswer(vpcId, cidrs(call).associateAmazonIpv6(vpcId, p.string("Ipv6CidrBlockNetworkBorderGroup").orElse(null)));
        }
        if (cidr == null) {
            throw AwsError.badRequest("MissingParameter", "Either 'cidrBlock', 'ipv4IpamPoolId', 'amazonProvidedIpv6CidrBlock', "
                    + "'ipv6Pool' or 'ipv6IpamPoolId' should be provided.");
        }
        return vpcAnswer(vpcId, cidrs(call).associateIpv4(vpcId, cidr));
    }

    static RenderedAnswer disassociateVpcCidrBlock(Call call) {
        VpcCidrs.Change<VpcCidrAssociation> change = cidrs(call).disassociate(call.params().required("AssociationId"));
        return vpcAnswer(change.ownerId(), change.block());
    }

    private static RenderedAnswer subnetAnswer(String subnetId, SubnetIpv6CidrBlock block) {
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        Ec2SubnetOps.renderIpv6Association(out.object("ipv6CidrBlockAssociation"), block).end();
        return out.value("subnetId", subnetId).answer();
    }

    static RenderedAnswer associateSubnetCidrBlock(Call call) {
        Params p = call.params();
        String subnetId = p.required("SubnetId");
        Ec2VpcOps.refuseUnmodelledIpPools(p, java.util.List.of("Ipv6IpamPoolId", "Ipv6NetmaskLength"));
        String cidr = p.string("Ipv6CidrBlock").orElseThrow(() -> AwsError.badRequest("MissingParameter",
                "The request must contain the parameter ipv6CidrBlock"));
        return subnetAnswer(subnetId, cidrs(call).associateSubnetIpv6(subnetId, cidr));
    }

    static RenderedAnswer disassociateSubnetCidrBlock(Call call) {
        VpcCidrs.Change<SubnetIpv6CidrBlock> change = cidrs(call).disassociateSubnetIpv6(call.params().required("AssociationId"));
        return subnetAnswer(change.ownerId(), change.block());
    }
}
