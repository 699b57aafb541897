package dev.ecsnet.domain.ssm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/** Parameters to and from their snapshot records (kept apart so that {@link ParameterStore} stays about the API). */
final class ParameterSnapshots {
    private ParameterSnapshots() {
    }

    static ParameterStoreRecord export(Iterable<Parameter> parameters) {
        List<ParameterStoreRecord.ParameterRecord> out = new ArrayList<>();
        for (Parameter p : parameters) {
            List<ParameterStoreRecord.VersionRecord> versions = new ArrayList<>(p.versions().size());
            for (ParameterVersion v : p.versions()) {
                versions.add(new ParameterStoreRecord.VersionRecord(v.version(), v.type(), v.value(), v.ciphertext(), v.keyId().orElse(null),
                        v.description().orElse(null), v.allowedPattern().orElse(null), v.tier(),
                        v.policies().stream().map(ParameterSnapshots::export).toList(), v.dataType(), v.lastModifiedDate(),
                        v.lastModifiedUser(), List.copyOf(v.labels())));
            }
            out.add(new ParameterStoreRecord.ParameterRecord(p.name(), p.arn(), versions, new LinkedHashMap<>(p.tags())));
        }
        return new ParameterStoreRecord(out);
    }

    private static ParameterStoreRecord.PolicyRecord export(ParameterPolicy policy) {
        return new ParameterStoreRecord.PolicyRecord(policy.type(), policy.text(), policy.expiresAt().orElse(null));
    }

    static List<Parameter> restore(ParameterStoreRecord record) {
        List<Parameter> out = new ArrayList<>();
        for (ParameterStoreRecord.ParameterRecord r : record.parameters()) {
            Parameter p = new Parameter(r.name(), r.arn());
            for (ParameterStoreRecord.VersionRecord v : r.versions()) {
                p.add(new ParameterVersion(r.name(), v.type(), v.value(), v.ciphertext(), Optional.ofNullable(v.keyId()),
                        Optional.ofNullable(v.description()), Optional.ofNullable(v.allowedPattern()), v.tier(),
                        v.policies().stream().map(x -> new ParameterPolicy(x.type(), x.text(), Optional.ofNullable(x.expiresAt()))).toList(),
                        v.dataType(), v.version(), v.lastModifiedDate(), v.lastModifiedUser(), v.labels()));
            }
            p.tag(r.tags());
            out.add(p);
        }
        return out;
    }
}
