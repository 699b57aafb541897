package dev.ecsnet.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FormParamsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String folded(String encoded) {
        return FormParams.fold(FormParams.parse(encoded)).toString();
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void parseDecodesPercentEscapesAndPlus() {
        assertThat(FormParams.parse("Action=CreateTags&Tag.1.Value=a%20b+c%2Fd&Empty=&Flag"))
                .containsExactly(Map.entry("Action", "CreateTags"), Map.entry("Tag.1.Value", "a b c/d"),
                        Map.entry("Empty", ""), Map.entry("Flag", ""));
    }

    @Test
    void parseSkipsMalformedEscapesAndEmptyPairs() {
        assertThat(FormParams.parse("A=1&&B=%zz&C=%&D=%4&E=2&%G=3")).containsExactly(Map.entry("A", "1"), Map.entry("E", "2"));
        assertThat(FormParams.parse("")).isEmpty();
        assertThat(FormParams.parse(null)).isEmpty();
        assertThat(FormParams.parse("&&&")).isEmpty();
    }

    @Test
    void parseKeepsTheLastOfARepeatedName() {
        assertThat(FormParams.parse("A=1&A=2")).containsExactly(Map.entry("A", "2"));
    }

    @Test
    void parseValueMayContainEquals() {
        assertThat(FormParams.parse("X-Amz-Credential=a%2Fb&Q=x=y")).containsEntry("Q", "x=y").containsEntry("X-Amz-Credential", "a/b");
    }

    @Test
    void ec2FiltersFoldIntoArraysOfStructures() throws Exception {
        assertThat(json(folded("Filter.1.Name=vpc-id&Filter.1.Value.1=vpc-a&Filter.1.Value.2=vpc-b&Filter.2.Name=tag%3AName&Filter.2.Value.1=web*")))
                .isEqualTo(json("{\"Filter\":[{\"Name\":\"vpc-id\",\"Value\":[\"vpc-a\",\"vpc-b\"]},{\"Name\":\"tag:Name\",\"Value\":[\"web*\"]}]}"));
    }

    @Test
    void queryMemberLevelIsDropped() throws Exception {
        assertThat(json(folded("Names.member.1=a&Names.member.2=b"))).isEqualTo(json("{\"Names\":[\"a\",\"b\"]}"));
        assertThat(json(folded("Tags.member.1.Key=k&Tags.member.1.Value=v")))
                .isEqualTo(json("{\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}"));
    }

    @Test
    void queryMapEntryLevelIsDropped() throws Exception {
        assertThat(json(folded("Attributes.entry.1.key=a&Attributes.entry.1.value=b")))
                .isEqualTo(json("{\"Attributes\":[{\"key\":\"a\",\"value\":\"b\"}]}"));
    }

    @Test
    void indexesAreOrderedNumericallyAndGapsAreClosed() throws Exception {
        assertThat(json(folded("SubnetId.10=c&SubnetId.2=b&SubnetId.1=a"))).isEqualTo(json("{\"SubnetId\":[\"a\",\"b\",\"c\"]}"));
        assertThat(json(folded("SubnetId.3=c&SubnetId.7=d"))).isEqualTo(json("{\"SubnetId\":[\"c\",\"d\"]}"));
    }

    @Test
    void mixedIndexAndNameKeysStayAnObject() throws Exception {
        assertThat(json(folded("Filter.1.Name=a&Filter.x.Name=b")))
                .isEqualTo(json("{\"Filter\":{\"1\":{\"Name\":\"a\"},\"x\":{\"Name\":\"b\"}}}"));
    }

    @Test
    void aConflictKeepsTheDeeperValueWhicheverComesFirst() throws Exception {
        Map<String, String> scalarFirst = new LinkedHashMap<>();
        scalarFirst.put("Filter.1", "flat");
        scalarFirst.put("Filter.1.Name", "deep");
        Map<String, String> deepFirst = new LinkedHashMap<>();
        deepFirst.put("Filter.1.Name", "deep");
        deepFirst.put("Filter.1", "flat");
        JsonNode expected = json("{\"Filter\":[{\"Name\":\"deep\"}]}");
        assertThat(FormParams.fold(scalarFirst)).isEqualTo(expected);
        assertThat(FormParams.fold(deepFirst)).isEqualTo(expected);
    }

    @Test
    void oddNamesNeverThrow() throws Exception {
        assertThat(json(folded("a..b=1&.=2&=3&c.=4"))).isEqualTo(json("{\"a\":{\"\":{\"b\":\"1\"}},\"\":{\"\":\"2\"},\"c\":{\"\":\"4\"}}"));
    }

    @Test
    void tenDigitSegmentsAreNamesNotIndexes() throws Exception {
        assertThat(json(folded("A.1234567890=x"))).isEqualTo(json("{\"A\":{\"1234567890\":\"x\"}}"));
    }

    @Test
    void absurdlyDeepNamesAreSkippedInsteadOfOverflowingTheStack() {
        String deep = "a" + ".a".repeat(200_000) + "=1";
        assertThat(FormParams.fold(FormParams.parse(deep + "&Action=X")).toString()).isEqualTo("{\"Action\":\"X\"}");
        String limit = "a" + ".a".repeat(FormParams.MAX_DEPTH - 1) + "=1";
        assertThat(FormParams.fold(FormParams.parse(limit)).toString()).contains("\"1\"");
    }
}
