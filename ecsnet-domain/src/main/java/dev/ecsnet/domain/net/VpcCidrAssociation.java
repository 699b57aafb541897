package dev.ecsnet.domain.net;

/** A CIDR block association of a VPC, IPv4 ({@link VpcCidrBlock}) or IPv6 ({@link VpcIpv6CidrBlock}). */
public sealed interface VpcCidrAssociation permits VpcCidrBlock, VpcIpv6CidrBlock {

    String associationId();

    CidrBlockState state();

    /** The block in EC2's text form. */
    String block();

    VpcCidrAssociation withState(CidrBlockState next);
}
