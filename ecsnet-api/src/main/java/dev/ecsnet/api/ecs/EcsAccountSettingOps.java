package dev.ecsnet.api.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.ecs.AccountSettings;

import java.util.ArrayList;
import java.util.List;

/** PutAccountSetting, PutAccountSettingDefault, ListAccountSettings, DeleteAccountSetting. */
final class EcsAccountSettingOps {
    private EcsAccountSettingOps() {
    }

    static void register(OperationTable t) {
        t.register("PutAccountSetting", EcsAccountSettingOps::putAccountSetting);
        t.register("PutAccountSettingDefault", EcsAccountSettingOps::putAccountSettingDefault);
        t.register("ListAccountSettings", EcsAccountSettingOps::listAccountSettings);
        t.register("DeleteAccountSetting", EcsAccountSettingOps::deleteAccountSetting);
    }

    private static AccountSettings settings(Call call) {
        return call.state().ecs().accountSettings();
    }

    private static ObjectNode putAccountSetting(Call call) {
        Params p = call.params();
        AccountSettings.Setting s = settings(call).put(p.required("name"), p.required("value"),
                p.string("principalArn").filter(v -> !v.isEmpty()));
        return Call.object().set("setting", EcsRender.setting(s));
    }

    private static ObjectNode putAccountSettingDefault(Call call) {
        Params p = call.params();
        AccountSettings.Setting s = settings(call).putDefault(p.required("name"), p.required("value"));
        return Call.object().set("setting", EcsRender.setting(s));
    }

    private static ObjectNode listAccountSettings(Call call) {
        Params p = call.params();
        List<AccountSettings.Setting> all = settings(call).list(p.string("name").filter(v -> !v.isEmpty()),
                p.string("value").filter(v -> !v.isEmpty()), p.string("principalArn").filter(v -> !v.isEmpty()),
                p.bool("effectiveSettings").orElse(false));
        int max = p.integer("maxResults").orElse(10);
        if (max < 1 || max > 10) {
            throw dev.ecsnet.protocol.AwsError.badRequest("InvalidParameterException", "maxResults must be between 1 and 10.");
        }
        List<String> names = new ArrayList<>();
        all.forEach(s -> names.add(s.name()));
        ObjectNode scratch = Call.object();
        List<String> page = EcsPages.page(names, p, 10, scratch, "names");
        ObjectNode out = Call.object();
        ArrayNode settings = out.putArray("settings");
        all.stream().filter(s -> page.contains(s.name())).forEach(s -> settings.add(EcsRender.setting(s)));
        if (scratch.has("nextToken")) {
            out.set("nextToken", scratch.get("nextToken"));
        }
        return out;
    }

    private static ObjectNode deleteAccountSetting(Call call) {
        Params p = call.params();
        AccountSettings.Setting s = settings(call).delete(p.required("name"), p.string("principalArn").filter(v -> !v.isEmpty()));
        return Call.object().set("setting", EcsRender.setting(s));
    }
}
