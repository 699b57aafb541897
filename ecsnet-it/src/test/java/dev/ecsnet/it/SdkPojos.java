package dev.ecsnet.it;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.utils.builder.SdkBuilder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Model-driven helpers over the SDK's own shape metadata ({@link SdkPojo#sdkFields()}): fill every member of a
 * request shape with a sample value, and read any model object back as plain maps keyed by member name, so that
 * a request and the answer that echoes it can be compared member by member without naming the members.
 */
final class SdkPojos {
    private SdkPojos() {
    }

    /**
     * Sets every member of {@code builder}, recursively (one element per list), to a sample value: strings come
     * from {@code strings} (by member name; {@code null} means {@code "v-<member>"}), numbers are 3, doubles 1.5,
     * booleans true, timestamps a fixed instant.
     */
    static <B extends SdkPojo> B fill(B builder, Function<String, String> strings) {
        for (SdkField<?> field : builder.sdkFields()) {
            field.set(builder, sample(field, strings));
        }
        return builder;
    }

    private static Object sample(SdkField<?> field, Function<String, String> strings) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.STRING) {
            String s = field.memberName() == null ? null : strings.apply(field.memberName());
            return s != null ? s : "v-" + (field.memberName() == null ? "item" : field.memberName());
        }
        if (type == MarshallingType.INTEGER) {
            return 3;
        }
        if (type == MarshallingType.LONG) {
            return 3L;
        }
        if (type == MarshallingType.DOUBLE) {
            return 1.5;
        }
        if (type == MarshallingType.FLOAT) {
            return 1.5f;
        }
        if (type == MarshallingType.BOOLEAN) {
            return true;
        }
        if (type == MarshallingType.INSTANT) {
            return Instant.parse("2026-03-01T10:00:00Z");
        }
        if (type == MarshallingType.SDK_POJO) {
            return build(fill(field.constructor().get(), strings));
        }
        if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
            List<Object> list = new ArrayList<>();
            list.add(sample(member, strings));
            return list;
        }
        throw new IllegalStateException("no sample for " + field.memberName() + " of type " + type);
    }

    private static Object build(SdkPojo builder) {
        return ((SdkBuilder<?, ?>) builder).build();
    }

    /** Every member that is set, by member name; nested structures and lists the same way. */
    static Object toMap(Object value) {
        if (value instanceof SdkPojo pojo) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (SdkField<?> f : pojo.sdkFields()) {
                Object v = f.getValueOrDefault(pojo);
                if (v != null && !(v instanceof SdkAutoConstructList)) {
                    out.put(f.memberName(), toMap(v));
                }
            }
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(toMap(v)));
            return out;
        }
        return value;
    }
}
