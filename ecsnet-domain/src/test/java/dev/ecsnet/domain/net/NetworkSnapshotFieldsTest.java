package dev.ecsnet.domain.net;

import dev.ecsnet.domain.state.RegionTwin;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snapshot test can only catch a field the record drops if the network's later answers depend on it. So, for
 * every component of every record type in {@link NetworkRecord}, this changes it wherever it occurs in the rich state
 * of {@link NetworkSnapshotTest}, restores that into a twin, and checks that the twin then answers differently (or
 * refuses the record): no field is recorded that nothing observes, and none is observed without being recorded.
 */
class NetworkSnapshotFieldsTest {
    /** Components whose change no answer shows; each with the reason it is recorded anyway. */
    private static final Map<String, String> UNOBSERVED = Map.of(
            "NetworkRecord.publicIps", "only keeps a later public address from repeating one in use (a 1 in 2^20 draw)",
            "NetworkRecord.issuedAmazonIpv6Blocks", "only keeps a later /56 from repeating one in use (a 1 in 2^24 draw)");

    private static final Object UNCHANGED = new Object();

    @Test
    void everyRecordedFieldChangesWhatTheRestoredNetworkAnswers() throws Exception {
        RegionTwin original = new RegionTwin(7);
        NetworkSnapshotTest.Built built = NetworkSnapshotTest.build(original);
        NetworkRecord record = original.region.network().export();
        RegionTwin reference = original.twin();
        List<String> described = NetworkSnapshotTest.describe(reference.region.network(), built);
        List<String> expected = NetworkSnapshotTest.goOn(reference, built);

        RegionTwin probe = original.twin();
        List<String> unobserved = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (RecordComponent component : components(NetworkRecord.class)) {
            String name = component.getDeclaringRecord().getSimpleName() + "." + component.getName();
            boolean[] changed = {false};
            NetworkRecord tampered = (NetworkRecord) tamper(record, component, changed);
            if (!changed[0]) {
                absent.add(name);
                continue;
            }
            boolean noticed;
            try {
                // what a describe shows is enough for most fields (and a restore replaces all a network holds, so one
                // probe serves them all); the rest show in what later calls do, on a twin of their own
                probe.region.network().restore(tampered);
                noticed = !NetworkSnapshotTest.describe(probe.region.network(), built).equals(described);
                if (!noticed) {
                    RegionTwin twin = original.twin();
                    twin.region.network().restore(tampered);
                    noticed = !NetworkSnapshotTest.goOn(twin, built).equals(expected);
                }
            } catch (RuntimeException refused) {
                noticed = true;
            }
            if (!noticed) {
                unobserved.add(name);
            }
        }
        assertThat(absent).as("components the rich state leaves empty everywhere").isEmpty();
        assertThat(unobserved).as("components no later answer depends on").containsExactlyInAnyOrderElementsOf(UNOBSERVED.keySet());
    }

    /** Every component of the record types reachable from {@code root}, each once. */
    private static List<RecordComponent> components(Class<?> root) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        List<RecordComponent> out = new ArrayList<>();
        collect(root, seen, out);
        return out;
    }

    private static void collect(Class<?> type, Set<Class<?>> seen, List<RecordComponent> out) {
        if (!type.isRecord() || !seen.add(type)) {
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            out.add(c);
            collect(c.getType(), seen, out);
            Type generic = c.getGenericType();
            if (generic instanceof ParameterizedType p) {
                for (Type argument : p.getActualTypeArguments()) {
                    if (argument instanceof Class<?> k) {
                        collect(k, seen, out);
                    }
                }
            }
        }
    }

    /** {@code value} with {@code target} changed in every record that has it. */
    private static Object tamper(Object value, RecordComponent target, boolean[] changed) throws Exception {
        if (value instanceof Record r) {
            RecordComponent[] cs = r.getClass().getRecordComponents();
            Object[] args = new Object[cs.length];
            Class<?>[] types = new Class<?>[cs.length];
            for (int i = 0; i < cs.length; i++) {
                Object v = cs[i].getAccessor().invoke(r);
                types[i] = cs[i].getType();
                Object t = same(cs[i], target) ? changedLeaf(v, cs[i].getType()) : UNCHANGED;
                if (t != UNCHANGED) {
                    changed[0] = true;
                    args[i] = t;
                } else {
                    args[i] = tamper(v, target, changed);
                }
            }
            return r.getClass().getDeclaredConstructor(types).newInstance(args);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object x : list) {
                out.add(tamper(x, target, changed));
            }
            return out;
        }
        return value;
    }

    private static boolean same(RecordComponent a, RecordComponent b) {
        return a.getDeclaringRecord() == b.getDeclaringRecord() && a.getName().equals(b.getName());
    }

    /** Another value of the same type, or {@link #UNCHANGED} when there is nothing to change (an empty list). */
    private static Object changedLeaf(Object v, Class<?> type) {
        if (type == boolean.class) {
            return !(Boolean) v;
        }
        if (type == int.class) {
            return (Integer) v + 1;
        }
        if (type == long.class) {
            return (Long) v + 1;
        }
        if (type == Integer.class) {
            return v == null ? 1 : null;
        }
        if (type == String.class) {
            return v == null ? "changed" : v + "-changed";
        }
        if (type == Instant.class) {
            return v == null ? Instant.EPOCH : ((Instant) v).plusSeconds(1);
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return v == null ? constants[0] : constants[(((Enum<?>) v).ordinal() + 1) % constants.length];
        }
        if (v instanceof List<?> list) {
            return list.isEmpty() ? UNCHANGED : new ArrayList<>(list.subList(0, list.size() - 1));
        }
        if (v instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return UNCHANGED;
            }
            Map<Object, Object> out = new LinkedHashMap<>(map);
            out.remove(new ArrayList<>(map.keySet()).get(map.size() - 1));
            return out;
        }
        if (type.isRecord()) {
            return v == null ? UNCHANGED : null;
        }
        throw new IllegalStateException("no change known for " + type);
    }
}
