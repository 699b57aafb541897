package dev.ecsnet.domain.net;

/** One IPv4 CIDR block of a VPC: the primary one (given at CreateVpc) or a secondary one (AssociateVpcCidrBlock). */
public record VpcCidrBlock(String associationId, Cidr cidr, CidrBlockState state) implements VpcCidrAssociation {

    @Override
    public String block() {
        return cidr.toString();
    }

    @Override
    public VpcCidrBlock withState(CidrBlockState next) {
        return new VpcCidrBlock(associationId, cidr, next);
    }
}
