package dev.ecsnet.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.Setting;
import software.amazon.awssdk.services.ecs.model.SettingName;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EcsAccountSettingIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private static final String ROOT = "arn:aws:iam::000000000000:root";
    private static final String ROLE = "arn:aws:iam::000000000000:role/deployer";

    private String effective(String name, String principal) {
        List<Setting> s = ecsnet.ecs().listAccountSettings(r -> r.name(name).principalArn(principal).effectiveSettings(true)).settings();
        assertThat(s).hasSize(1);
        return s.get(0).value();
    }

    @Test
    void effectiveSettingsStartAtAwsDefaults() {
        assertThat(effective("awsvpcTrunking", ROOT)).isEqualTo("disabled");
        assertThat(effective("taskLongArnFormat", ROOT)).isEqualTo("enabled");
        assertThat(effective("serviceLongArnFormat", ROOT)).isEqualTo("enabled");
        assertThat(effective("containerInstanceLongArnFormat", ROOT)).isEqualTo("enabled");
        assertThat(ecsnet.ecs().listAccountSettings().settings()).isEmpty();   // nothing set explicitly
        assertThat(ecsnet.ecs().listAccountSettingsPaginator(r -> r.effectiveSettings(true)).settings())
                .hasSize(12)
                .allSatisfy(s -> assertThat(s.principalArn()).isEqualTo(ROOT));
    }

    @Test
    void principalSettingOverridesTheAccountDefaultAndDeleteFallsBack() {
        Setting d = ecsnet.ecs().putAccountSettingDefault(r -> r.name(SettingName.AWSVPC_TRUNKING).value("enabled")).setting();
        assertThat(d.principalArn()).isEqualTo(ROOT);
        assertThat(effective("awsvpcTrunking", ROLE)).isEqualTo("enabled");
        Setting own = ecsnet.ecs().putAccountSetting(r -> r.name(SettingName.AWSVPC_TRUNKING).value("disabled").principalArn(ROLE)).setting();
        assertThat(own.principalArn()).isEqualTo(ROLE);
        assertThat(effective("awsvpcTrunking", ROLE)).isEqualTo("disabled");
        assertThat(effective("awsvpcTrunking", ROOT)).isEqualTo("enabled");
        assertThat(ecsnet.ecs().listAccountSettings(r -> r.principalArn(ROLE)).settings()).extracting(Setting::value).containsExactly("disabled");
        Setting removed = ecsnet.ecs().deleteAccountSetting(r -> r.name(SettingName.AWSVPC_TRUNKING).principalArn(ROLE)).setting();
        assertThat(removed.value()).isEqualTo("disabled");
        assertThat(effective("awsvpcTrunking", ROLE)).isEqualTo("enabled");
    }

    @Test
    void putAccountSettingWithoutPrincipalSetsTheCallersRootValue() {
        Setting s = ecsnet.ecs().putAccountSetting(r -> r.name("containerInsights").value("enabled")).setting();
        assertThat(s.principalArn()).isEqualTo(ROOT);
        assertThat(ecsnet.ecs().listAccountSettings(r -> r.value("enabled")).settings()).extracting(Setting::nameAsString).containsExactly("containerInsights");
        // new clusters take the account's containerInsights value
        assertThat(ecsnet.ecs().createCluster(r -> r.clusterName("c")).cluster().settings().get(0).value()).isEqualTo("enabled");
    }

    @Test
    void invalidValueOrNameIsRefusedAndNothingChanges() {
        assertThatThrownBy(() -> ecsnet.ecs().putAccountSetting(r -> r.name(SettingName.AWSVPC_TRUNKING).value("ENABLED")))
                .isInstanceOfSatisfying(EcsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid setting 'value'");
                });
        assertThatThrownBy(() -> ecsnet.ecs().putAccountSettingDefault(r -> r.name("noSuchSetting").value("enabled")))
                .isInstanceOfSatisfying(EcsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterException"));
        assertThat(ecsnet.ecs().listAccountSettings().settings()).isEmpty();
        assertThat(effective("awsvpcTrunking", ROOT)).isEqualTo("disabled");
    }
}
