package dev.ecsnet.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped region list, what the code accepts, and botocore's endpoints.json (its source) agree. */
class AwsRegionsTest {

    private static Map<String, String> fileRegions() throws IOException {
        Map<String, String> regions = new TreeMap<>();
        try (InputStream in = AwsRegions.class.getResourceAsStream(AwsRegions.RESOURCE)) {
            assertThat(in).isNotNull();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .forEach(l -> regions.put(l.split(" ")[1], l.split(" ")[0]));
        }
        return regions;
    }

    @Test
    void theCodeAcceptsExactlyTheRegionsOfTheFile() throws IOException {
        Map<String, String> file = fileRegions();
        assertThat(new TreeMap<>(AwsRegions.all())).isEqualTo(file);
        assertThat(file).containsEntry("us-east-1", "aws").containsEntry("cn-north-1", "aws-cn")
                .containsEntry("us-gov-west-1", "aws-us-gov").containsEntry("us-iso-east-1", "aws-iso");
        file.keySet().forEach(r -> assertThat(AwsRegions.isKnown(r)).as(r).isTrue());
        Stream.of("mars-north-7", "useast1", "us-esat-1", "US-EAST-1", "", "us-east-1 ").forEach(r -> assertThat(AwsRegions.isKnown(r)).as(r).isFalse());
    }

    @Test
    void theFileHoldsBotocoresRegionsOfEveryPartition() throws IOException {
        Path endpoints = Path.of("/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/botocore/data/endpoints.json");
        Assumptions.assumeTrue(Files.isReadable(endpoints), "SKIPPED: botocore's endpoints.json is not installed here");
        Map<String, String> botocore = new TreeMap<>();
        JsonNode root = new ObjectMapper().readTree(endpoints.toFile());
        for (JsonNode partition : root.path("partitions")) {
            partition.path("regions").fieldNames().forEachRemaining(r -> botocore.put(r, partition.path("partition").asText()));
        }
        assertThat(fileRegions()).isEqualTo(botocore);
    }
}
