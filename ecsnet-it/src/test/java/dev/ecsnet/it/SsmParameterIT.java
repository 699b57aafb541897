package dev.ecsnet.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.PutParameterResponse;

import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static dev.ecsnet.it.AwsRefusal.refused;
import static dev.ecsnet.it.AwsRefusal.refusedWithoutChange;
import static org.assertj.core.api.Assertions.assertThat;

/** SSM Parameter Store through the SDK: versions, SecureString, AWS's naming rules, tiers, policies, labels, filters, tags. */
class SsmParameterIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension(dev.ecsnet.domain.common.TimingProfile.INSTANT);
    static SsmClient ssm;

    static final String NAME_RULES = "Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive). If formed as a path, it "
            + "can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_";

    @BeforeAll
    static void client() {
        ssm = ecsnet.configure(SsmClient.builder()).build();
    }

    @AfterAll
    static void close() {
        ssm.close();
    }

    private static PutParameterResponse put(String name, String value, ParameterType type) {
        return ssm.putParameter(r -> r.name(name).value(value).type(type));
    }

    private static List<String> names() {
        return ssm.describeParameters(r -> { }).parameters().stream().map(ParameterMetadata::name).toList();
    }

    private static Parameter get(String name) {
        return ssm.getParameter(r -> r.name(name)).parameter();
    }

    @Test
    void overwriteMakesVersionsAndWithoutItThePutIsRefused() {
        PutParameterResponse first = put("/app/image", "nginx:1.26", ParameterType.STRING);
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.tier()).isEqualTo(ParameterTier.STANDARD);
        refusedWithoutChange(() -> get("/app/image").value(), () -> put("/app/image", "nginx:1.27", ParameterType.STRING),
                "ParameterAlreadyExists", "The parameter already exists. To overwrite this value, set the overwrite option in the request to true.");
        assertThat(ssm.putParameter(r -> r.name("/app/image").value("nginx:1.27").overwrite(true)).version()).isEqualTo(2);

        Parameter latest = get("/app/image");
        assertThat(latest.value()).isEqualTo("nginx:1.27");
        assertThat(latest.type()).isEqualTo(ParameterType.STRING);
        assertThat(latest.arn()).isEqualTo("arn:aws:ssm:us-east-1:000000000000:parameter/app/image");
        assertThat(latest.dataType()).isEqualTo("text");
        Parameter v1 = get("/app/image:1");
        assertThat(v1.value()).isEqualTo("nginx:1.26");
        assertThat(v1.selector()).isEqualTo(":1");
        assertThat(v1.name()).isEqualTo("/app/image");
        assertThat(ssm.getParameterHistory(r -> r.name("/app/image")).parameters()).extracting(ParameterHistory::version, ParameterHistory::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "nginx:1.26"), org.assertj.core.groups.Tuple.tuple(2L, "nginx:1.27"));
        refused(() -> get("/app/image:9"), "ParameterVersionNotFound",
                "Systems Manager could not find version 9 of /app/image. Verify the version and try again.", 400);
        refused(() -> get("/app/missing"), "ParameterNotFound", null, 400);
        assertThat(get("arn:aws:ssm:us-east-1:000000000000:parameter/app/image").value()).isEqualTo("nginx:1.27");
    }

    @Test
    void aSecureStringReadsAsCiphertextUnlessDecrypted() {
        put("/app/db-password", "s3cret", ParameterType.SECURE_STRING);
        Parameter encrypted = get("/app/db-password");
        assertThat(encrypted.value()).isNotEqualTo("s3cret").startsWith("AQICAH");
        assertThat(Base64.getDecoder().decode(encrypted.value())).hasSizeGreaterThan(32);
        assertThat(ssm.getParameter(r -> r.name("/app/db-password").withDecryption(true)).parameter().value()).isEqualTo("s3cret");
        assertThat(ssm.describeParameters(r -> { }).parameters().get(0).keyId()).isEqualTo("alias/aws/ssm");
        assertThat(ssm.getParametersByPath(r -> r.path("/app").withDecryption(true)).parameters()).extracting(Parameter::value)
                .containsExactly("s3cret");
        assertThat(ssm.getParameterHistory(r -> r.name("/app/db-password")).parameters().get(0).value()).isEqualTo(encrypted.value());
    }

    @Test
    void namesFollowAwsRules() {
        put("/keep", "x", ParameterType.STRING);
        refusedWithoutChange(SsmParameterIT::names, () -> put("app/image", "x", ParameterType.STRING), "ValidationException",
                "Parameter name must be a fully qualified name.");
        refusedWithoutChange(SsmParameterIT::names, () -> put("/app/my image", "x", ParameterType.STRING), "ValidationException", NAME_RULES);
        refusedWithoutChange(SsmParameterIT::names, () -> put("awsconfig", "x", ParameterType.STRING), "ValidationException",
                "Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive).");
        refusedWithoutChange(SsmParameterIT::names, () -> put("/ssm/x", "x", ParameterType.STRING), "ValidationException",
                NAME_RULES.replace("\"aws\" or \"ssm\"", "\"ssm\""));
        refusedWithoutChange(SsmParameterIT::names, () -> put("/aws/service/mine", "x", ParameterType.STRING), "AccessDeniedException",
                "No access to reserved parameter name: /aws/service/mine.");
        refusedWithoutChange(SsmParameterIT::names, () -> put("/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16", "x", ParameterType.STRING),
                "HierarchyLevelLimitExceededException", null);
        put("/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15", "x", ParameterType.STRING);
        assertThat(ssm.putParameter(r -> r.name("  /padded  ").value("x").type(ParameterType.STRING)).version()).isEqualTo(1);
        assertThat(names()).contains("/padded", "/keep");
    }

    @Test
    void putChecksTypeTagsAndPatternBeforeChangingAnything() {
        refusedWithoutChange(SsmParameterIT::names, () -> ssm.putParameter(r -> r.name("/a").value("x")), "ValidationException",
                "A parameter type is required when you create a parameter.");
        refusedWithoutChange(SsmParameterIT::names, () -> ssm.putParameter(r -> r.name("/a").value("x").type("Text")), "ValidationException",
                "1 validation error detected: Value 'Text' at 'type' failed to satisfy constraint: Member must satisfy enum value set: "
                        + "[SecureString, StringList, String]");
        put("/a", "x", ParameterType.STRING);
        refusedWithoutChange(() -> get("/a").version(), () -> ssm.putParameter(r -> r.name("/a").value("y").overwrite(true)
                .tags(t -> t.key("k").value("v"))), "ValidationException", "Invalid request: tags and overwrite can't be used together. "
                + "To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use "
                + "AddTagsToResource or RemoveTagsFromResource.");
        refusedWithoutChange(() -> get("/a").version(), () -> ssm.putParameter(r -> r.name("/a").value("y").overwrite(true)
                .type(ParameterType.SECURE_STRING)), "HierarchyTypeMismatchException", null);
        refusedWithoutChange(SsmParameterIT::names, () -> ssm.putParameter(r -> r.name("/port").value("80a").type(ParameterType.STRING)
                .allowedPattern("^\\d+$")), "ValidationException", "Parameter value, cannot be validated against allowedPattern: ^\\d+$");
        ssm.putParameter(r -> r.name("/port").value("8080").type(ParameterType.STRING).allowedPattern("^\\d+$"));
        // the pattern stays with the parameter for later versions
        refused(() -> ssm.putParameter(r -> r.name("/port").value("http").overwrite(true)), "ValidationException",
                "Parameter value, cannot be validated against allowedPattern: ^\\d+$", 400);
        refused(() -> ssm.putParameter(r -> r.name("/bad").value("x").type(ParameterType.STRING).allowedPattern("([")),
                "InvalidAllowedPatternException", null, 400);
        refused(() -> ssm.putParameter(r -> r.name("/dt").value("x").type(ParameterType.STRING).dataType("AWS:EC2:IMAGE")),
                "ValidationException", "The following data type is not supported: AWS:EC2:IMAGE (Data type names are all lowercase.)", 400);
        assertThat(names()).containsExactly("/a", "/port");
    }

    @Test
    void tiersBoundTheValueAndNeverGoBack() {
        String big = "x".repeat(5000);
        refusedWithoutChange(SsmParameterIT::names, () -> put("/big", big, ParameterType.STRING), "ValidationException",
                "Standard tier parameters support a maximum parameter value of 4096 characters. To create a larger parameter value, upgrade the "
                        + "parameter to use the advanced-parameter tier. For more information, see "
                        + "https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html");
        assertThat(ssm.putParameter(r -> r.name("/big").value(big).type(ParameterType.STRING).tier(ParameterTier.INTELLIGENT_TIERING)).tier())
                .isEqualTo(ParameterTier.ADVANCED);
        assertThat(ssm.putParameter(r -> r.name("/small").value("x").type(ParameterType.STRING).tier(ParameterTier.INTELLIGENT_TIERING)).tier())
                .isEqualTo(ParameterTier.STANDARD);
        refused(() -> ssm.putParameter(r -> r.name("/big").value("x").overwrite(true).tier(ParameterTier.STANDARD)), "ValidationException",
                "This parameter uses the advanced-parameter tier. You can't downgrade a parameter from the advanced-parameter tier to the "
                        + "standard-parameter tier. If necessary, you can delete the advanced parameter and recreate it as a standard parameter.", 400);
        assertThat(ssm.putParameter(r -> r.name("/big").value("x").overwrite(true)).tier()).isEqualTo(ParameterTier.ADVANCED);
    }

    @Test
    void anExpirationPolicyDeletesTheParameterOnTheClock() {
        String expiry = "[{\"Type\":\"Expiration\",\"Version\":\"1.0\",\"Attributes\":{\"Timestamp\":\"" + ecsnet.now().plus(Duration.ofHours(1)) + "\"}},"
                + "{\"Type\":\"NoChangeNotification\",\"Version\":\"1.0\",\"Attributes\":{\"After\":\"20\",\"Unit\":\"Days\"}}]";
        refused(() -> ssm.putParameter(r -> r.name("/temp").value("x").type(ParameterType.STRING).policies(expiry)), "ValidationException", null, 400);
        assertThat(ssm.putParameter(r -> r.name("/temp").value("x").type(ParameterType.STRING).tier(ParameterTier.ADVANCED).policies(expiry))
                .tier()).isEqualTo(ParameterTier.ADVANCED);
        assertThat(ssm.describeParameters(r -> { }).parameters().get(0).policies())
                .extracting(p -> p.policyType() + " " + p.policyStatus()).containsExactly("Expiration Pending", "NoChangeNotification Pending");
        ecsnet.advance(Duration.ofMinutes(59));
        assertThat(get("/temp").value()).isEqualTo("x");
        ecsnet.advance(Duration.ofMinutes(2));
        refused(() -> get("/temp"), "ParameterNotFound", null, 400);

        refused(() -> ssm.putParameter(r -> r.name("/p").value("x").type(ParameterType.STRING).tier(ParameterTier.ADVANCED)
                .policies("[{\"Type\":\"Explode\",\"Version\":\"1.0\",\"Attributes\":{}}]")), "InvalidPolicyTypeException", null, 400);
        refused(() -> ssm.putParameter(r -> r.name("/p").value("x").type(ParameterType.STRING).tier(ParameterTier.ADVANCED)
                .policies("[{\"Type\":\"Expiration\",\"Version\":\"1.0\",\"Attributes\":{\"Timestamp\":\"2020-01-01T00:00:00Z\"}}]")),
                "InvalidPolicyAttributeException", null, 400);
        refused(() -> ssm.putParameter(r -> r.name("/p").value("x").type(ParameterType.STRING).tier(ParameterTier.ADVANCED).policies(
                "[{\"Type\":\"NoChangeNotification\",\"Version\":\"1.0\",\"Attributes\":{\"After\":\"1\",\"Unit\":\"Days\"}},"
                        + "{\"Type\":\"NoChangeNotification\",\"Version\":\"1.0\",\"Attributes\":{\"After\":\"2\",\"Unit\":\"Days\"}}]")),
                "IncompatiblePolicyException", null, 400);
        assertThat(names()).isEmpty();
    }

    @Test
    void anImageParameterIsCreatedOnlyForAnImageThatExists() {
        String ami = ecsnet.ec2().describeImages(r -> r.owners("amazon")).images().get(0).imageId();
        ssm.putParameter(r -> r.name("/golden-ami").value(ami).type(ParameterType.STRING).dataType("aws:ec2:image"));
        assertThat(get("/golden-ami").dataType()).isEqualTo("aws:ec2:image");
        // AWS validates the image after answering: the call succeeds, but no parameter appears
        assertThat(ssm.putParameter(r -> r.name("/no-ami").value("ami-0123456789abcdef0").type(ParameterType.STRING)
                .dataType("aws:ec2:image")).version()).isEqualTo(1);
        refused(() -> get("/no-ami"), "ParameterNotFound", null, 400);
    }

    @Test
    void getParametersListsWhatItCannotFind() {
        put("/a", "1", ParameterType.STRING);
        ssm.putParameter(r -> r.name("/a").value("2").overwrite(true));
        GetParametersResponse r = ssm.getParameters(q -> q.names("/a", "/missing", "/a:1", "/a:7", "/a"));
        assertThat(r.parameters()).extracting(Parameter::value, Parameter::selector)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2", null), org.assertj.core.groups.Tuple.tuple("1", ":1"));
        assertThat(r.invalidParameters()).containsExactly("/missing", "/a:7");
        refused(() -> ssm.getParameters(q -> q.names("/1", "/2", "/3", "/4", "/5", "/6", "/7", "/8", "/9", "/10", "/11")), "ValidationException",
                null, 400);
    }

    @Test
    void byPathReadsOneLevelOrAllBelowWithFiltersAndPages() {
        put("/app/a", "1", ParameterType.STRING);
        put("/app/b/c", "2", ParameterType.SECURE_STRING);
        put("/app/d", "3", ParameterType.STRING_LIST);
        put("/other/x", "4", ParameterType.STRING);
        assertThat(ssm.getParametersByPath(r -> r.path("/app")).parameters()).extracting(Parameter::name).containsExactly("/app/a", "/app/d");
        assertThat(ssm.getParametersByPath(r -> r.path("/app/").recursive(true)).parameters()).extracting(Parameter::name)
                .containsExactly("/app/a", "/app/b/c", "/app/d");
        assertThat(ssm.getParametersByPath(r -> r.path("/app").recursive(true).parameterFilters(
                ParameterStringFilter.builder().key("Type").values("SecureString").build())).parameters()).extracting(Parameter::name)
                .containsExactly("/app/b/c");
        refused(() -> ssm.getParametersByPath(r -> r.path("/app").parameterFilters(ParameterStringFilter.builder().key("Name").values("/x").build())),
                "InvalidFilterKey", "The following filter key is not valid: Name. Valid filter keys include: [Type, KeyId].", 400);
        var first = ssm.getParametersByPath(r -> r.path("/app").recursive(true).maxResults(2));
        assertThat(first.parameters()).hasSize(2);
        assertThat(first.nextToken()).isNotBlank();
        assertThat(ssm.getParametersByPath(r -> r.path("/app").recursive(true).maxResults(2).nextToken(first.nextToken())).parameters())
                .extracting(Parameter::name).containsExactly("/app/d");
        refused(() -> ssm.getParametersByPath(r -> r.path("/app").nextToken("nope")), "InvalidNextToken", null, 400);
        refused(() -> ssm.getParametersByPath(r -> r.path("/app").maxResults(11)), "ValidationException",
                "1 validation error detected: Value '11' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 10", 400);
    }

    @Test
    void describeParametersFilters() {
        ssm.putParameter(r -> r.name("/web/image").value("x").type(ParameterType.STRING).tags(t -> t.key("team").value("web")));
        put("/web/deep/key", "y", ParameterType.SECURE_STRING);
        put("/api/image", "z", ParameterType.STRING);
        assertThat(ssm.describeParameters(r -> r.parameterFilters(ParameterStringFilter.builder().key("Name").option("BeginsWith").values("/web").build()))
                .parameters()).extracting(ParameterMetadata::name).containsExactly("/web/deep/key", "/web/image");
        assertThat(ssm.describeParameters(r -> r.parameterFilters(ParameterStringFilter.builder().key("Path").values("/web").build()))
                .parameters()).extracting(ParameterMetadata::name).containsExactly("/web/image");
        assertThat(ssm.describeParameters(r -> r.parameterFilters(ParameterStringFilter.builder().key("tag:team").values("web").build()))
                .parameters()).extracting(ParameterMetadata::name).containsExactly("/web/image");
        assertThat(ssm.describeParameters(r -> r.filters(f -> f.key("Type").values("SecureString"))).parameters())
                .extracting(ParameterMetadata::name).containsExactly("/web/deep/key");
        refused(() -> ssm.describeParameters(r -> r.filters(f -> f.key("Type").values("String"))
                .parameterFilters(ParameterStringFilter.builder().key("Type").values("String").build())), "ValidationException",
                "You can use either Filters or ParameterFilters in a single request.", 400);
        refused(() -> ssm.describeParameters(r -> r.parameterFilters(ParameterStringFilter.builder().key("Label").values("x").build())),
                "InvalidFilterKey", "The following filter key is not valid: Label. Valid filter keys include: [Path, Name, Type, KeyId, Tier].", 400);
        refused(() -> ssm.describeParameters(r -> r.parameterFilters(ParameterStringFilter.builder().key("Path").values("/aws/service").build())),
                "ValidationException", "Filters for common parameters can't be prefixed with \"aws\" or \"ssm\" (case-insensitive). "
                        + "When using global parameters, please specify within a global namespace.", 400);
        refused(() -> ssm.describeParameters(r -> r.parameterFilters(ParameterStringFilter.builder().key("Type").values("Text").build())),
                "InvalidFilterValue", "The following filter value is not valid: Text. Valid values include: [String, StringList, SecureString].", 400);
        var page = ssm.describeParameters(r -> r.maxResults(2));
        assertThat(page.parameters()).hasSize(2);
        assertThat(ssm.describeParameters(r -> r.maxResults(2).nextToken(page.nextToken())).parameters()).hasSize(1);
    }

    @Test
    void labelsMoveBetweenVersionsAndSelectThem() {
        put("/cfg", "one", ParameterType.STRING);
        ssm.putParameter(r -> r.name("/cfg").value("two").overwrite(true));
        var labelled = ssm.labelParameterVersion(r -> r.name("/cfg").parameterVersion(1L).labels("prod", "aws-x", "1st"));
        assertThat(labelled.parameterVersion()).isEqualTo(1L);
        assertThat(labelled.invalidLabels()).containsExactly("aws-x", "1st");
        assertThat(get("/cfg:prod").value()).isEqualTo("one");
        ssm.labelParameterVersion(r -> r.name("/cfg").labels("prod"));
        assertThat(get("/cfg:prod").value()).isEqualTo("two");
        assertThat(ssm.getParameterHistory(r -> r.name("/cfg")).parameters()).extracting(ParameterHistory::labels)
                .containsExactly(List.of(), List.of("prod"));
        assertThat(ssm.getParametersByPath(r -> r.path("/").parameterFilters(ParameterStringFilter.builder().key("Label").values("prod").build()))
                .parameters()).extracting(Parameter::value).containsExactly("two");
        var unlabelled = ssm.unlabelParameterVersion(r -> r.name("/cfg").parameterVersion(2L).labels("prod", "qa"));
        assertThat(unlabelled.removedLabels()).containsExactly("prod");
        assertThat(unlabelled.invalidLabels()).containsExactly("qa");
        refused(() -> ssm.labelParameterVersion(r -> r.name("/cfg").parameterVersion(5L).labels("x")), "ParameterVersionNotFound",
                "Systems Manager could not find version 5 of /cfg. Verify the version and try again.", 400);
        ssm.labelParameterVersion(r -> r.name("/cfg").parameterVersion(1L).labels("l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10"));
        refusedWithoutChange(() -> ssm.getParameterHistory(r -> r.name("/cfg")).parameters().get(0).labels(),
                () -> ssm.labelParameterVersion(r -> r.name("/cfg").parameterVersion(1L).labels("l11")), "ParameterVersionLabelLimitExceeded", null);
    }

    @Test
    void deletesAndTags() {
        ssm.putParameter(r -> r.name("/t").value("x").type(ParameterType.STRING).tags(t -> t.key("a").value("1")));
        ssm.addTagsToResource(r -> r.resourceType("Parameter").resourceId("/t").tags(t -> t.key("b").value("2")));
        assertThat(ssm.listTagsForResource(r -> r.resourceType("Parameter").resourceId("/t")).tagList())
                .extracting(t -> t.key() + "=" + t.value()).containsExactly("a=1", "b=2");
        ssm.removeTagsFromResource(r -> r.resourceType("Parameter").resourceId("/t").tagKeys("a"));
        assertThat(ssm.listTagsForResource(r -> r.resourceType("Parameter").resourceId("/t")).tagList()).extracting(t -> t.key()).containsExactly("b");
        refused(() -> ssm.listTagsForResource(r -> r.resourceType("Parameter").resourceId("/missing")), "InvalidResourceId", null, 400);

        put("/u", "y", ParameterType.STRING);
        refused(() -> ssm.deleteParameter(r -> r.name("/missing")), "ParameterNotFound", null, 400);
        var deleted = ssm.deleteParameters(r -> r.names("/u", "/missing"));
        assertThat(deleted.deletedParameters()).containsExactly("/u");
        assertThat(deleted.invalidParameters()).containsExactly("/missing");
        ssm.deleteParameter(r -> r.name("/t"));
        assertThat(names()).isEmpty();
        // a parameter created again under the same name starts at version 1 without the old tags
        assertThat(put("/t", "z", ParameterType.STRING).version()).isEqualTo(1);
        assertThat(ssm.listTagsForResource(r -> r.resourceType("Parameter").resourceId("/t")).tagList()).isEmpty();
    }

    @Test
    void publicParametersNameImagesDescribeImagesKnows() {
        String recommended = get("/aws/service/ecs/optimized-ami/amazon-linux-2/recommended").value();
        String imageId = get("/aws/service/ecs/optimized-ami/amazon-linux-2/recommended/image_id").value();
        assertThat(recommended).startsWith("{\"schema_version\":1,\"image_name\":\"amzn2-ami-ecs-hvm-").contains("\"image_id\":\"" + imageId + "\"")
                .contains("\"os\":\"Amazon Linux 2\"");
        for (String path : List.of("/aws/service/ecs/optimized-ami/amazon-linux-2/recommended/image_id",
                "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id",
                "/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id",
                "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
                "/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2")) {
            String ami = get(path).value();
            assertThat(ecsnet.ec2().describeImages(r -> r.imageIds(ami)).images()).as(path).hasSize(1);
        }
        assertThat(ecsnet.ec2().describeImages(r -> r.imageIds(get("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64").value()))
                .images().get(0).name()).startsWith("al2023-ami-2023.").endsWith("-kernel-6.1-x86_64");
        Parameter fluentBit = get("/aws/service/aws-for-fluent-bit/stable");
        assertThat(fluentBit.value()).isEqualTo("906394416424.dkr.ecr.us-east-1.amazonaws.com/aws-for-fluent-bit:stable");
        assertThat(fluentBit.arn()).isEqualTo("arn:aws:ssm:us-east-1::parameter/aws/service/aws-for-fluent-bit/stable");
        assertThat(ssm.getParametersByPath(r -> r.path("/aws/service/ecs/optimized-ami/amazon-linux-2/")).parameters()).extracting(Parameter::name)
                .containsExactly("/aws/service/ecs/optimized-ami/amazon-linux-2/recommended",
                        "/aws/service/ecs/optimized-ami/amazon-linux-2/amzn2-ami-ecs-hvm-2.0.20250110-x86_64-ebs");
        assertThat(names()).isEmpty();
        refused(() -> ssm.deleteParameter(r -> r.name("/aws/service/aws-for-fluent-bit/stable")), "AccessDeniedException", null, 400);
    }
}
