package dev.ecsnet.protocol;

/**
 * How one AWS service is addressed on the wire: its SigV4 signing name, protocol, API version, JSON target
 * prefix (JSON 1.1 only) and XML namespace (query protocols only).
 */
public record ServiceSpec(String signingName, AwsProtocol protocol, String apiVersion, String targetPrefix,
                          String xmlNamespace) {

    public static ServiceSpec json(String signingName, String apiVersion, String targetPrefix) {
        return new ServiceSpec(signingName, AwsProtocol.JSON_1_1, apiVersion, targetPrefix, "");
    }

    public static ServiceSpec ec2Query(String signingName, String apiVersion, String xmlNamespace) {
        return new ServiceSpec(signingName, AwsProtocol.EC2_QUERY, apiVersion, "", xmlNamespace);
    }

    public static ServiceSpec query(String signingName, String apiVersion, String xmlNamespace) {
        return new ServiceSpec(signingName, AwsProtocol.QUERY, apiVersion, "", xmlNamespace);
    }
}
