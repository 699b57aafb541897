package dev.ecsnet.junit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;

/**
 * Builds AWS SDK for Java v2 clients by reflection, so that ecsnet-junit compiles without the SDK and works with
 * whichever SDK services the test's classpath has: any {@code software.amazon.awssdk} interface named
 * {@code ...Client} with a static {@code builder()} ({@code Ec2Client}, {@code EcsClient}, {@code Ec2AsyncClient},
 * ...) gets the server's endpoint, the region and the account's static credentials.
 */
final class SdkClients {
    private static final String SDK_PACKAGE = "software.amazon.awssdk.";

    private SdkClients() {
    }

    /** Whether {@code type} is an SDK v2 client interface this can build. */
    static boolean isClient(Class<?> type) {
        return type.isInterface() && type.getName().startsWith(SDK_PACKAGE) && type.getSimpleName().endsWith("Client")
                && builderMethod(type) != null;
    }

    /** A client of {@code type} for {@code account} in {@code region} at {@code endpoint}; the caller closes it. */
    static AutoCloseable build(Class<?> type, URI endpoint, String region, EcsnetAccount account) {
        ClassLoader loader = type.getClassLoader();
        try {
            Method builderMethod = builderMethod(type);
            Class<?> builderType = builderMethod.getReturnType();
            Object builder = builderMethod.invoke(null);
            Class<?> regionType = Class.forName(SDK_PACKAGE + "regions.Region", true, loader);
            Class<?> credentialsType = Class.forName(SDK_PACKAGE + "auth.credentials.AwsCredentials", true, loader);
            Class<?> providerType = Class.forName(SDK_PACKAGE + "auth.credentials.AwsCredentialsProvider", true, loader);
            Object credentials = Class.forName(SDK_PACKAGE + "auth.credentials.AwsBasicCredentials", true, loader)
                    .getMethod("create", String.class, String.class).invoke(null, account.accessKeyId(), account.secretAccessKey());
            Object provider = Class.forName(SDK_PACKAGE + "auth.credentials.StaticCredentialsProvider", true, loader)
                    .getMethod("create", credentialsType).invoke(null, credentials);
            builderType.getMethod("endpointOverride", URI.class).invoke(builder, endpoint);
            builderType.getMethod("region", regionType).invoke(builder, regionType.getMethod("of", String.class).invoke(null, region));
            builderType.getMethod("credentialsProvider", providerType).invoke(builder, provider);
            Object client = builderType.getMethod("build").invoke(builder);
            return (AutoCloseable) type.cast(client);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("could not build " + type.getName() + " for ecsnet: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("could not build " + type.getName() + " for ecsnet (is it an AWS SDK for Java v2 client,"
                    + " with the SDK's regions and auth modules on the classpath?): " + e, e);
        }
    }

    private static Method builderMethod(Class<?> type) {
        try {
            Method m = type.getMethod("builder");
            return Modifier.isStatic(m.getModifiers()) && m.getReturnType().isInterface() ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
