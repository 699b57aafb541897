package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.common.DomainException;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountSettingsTest {
    private static final String ROOT = "arn:aws:iam::1:root";
    private static final String USER = "arn:aws:iam::1:user/u";
    private final AccountSettings settings = new AccountSettings(ROOT);

    @Test
    void precedenceIsPrincipalThenAccountDefaultThenAwsDefault() {
        assertThat(settings.effective(USER, "awsvpcTrunking")).isEqualTo("disabled");
        settings.putDefault("awsvpcTrunking", "enabled");
        assertThat(settings.effective(USER, "awsvpcTrunking")).isEqualTo("enabled");
        settings.put("awsvpcTrunking", "disabled", Optional.of(USER));
        assertThat(settings.effective(USER, "awsvpcTrunking")).isEqualTo("disabled");
        assertThat(settings.effective(ROOT, "awsvpcTrunking")).isEqualTo("enabled");
        settings.delete("awsvpcTrunking", Optional.of(USER));
        assertThat(settings.effective(USER, "awsvpcTrunking")).isEqualTo("enabled");
    }

    @Test
    void valuesAreCheckedPerSettingAndARefusalChangesNothing() {
        assertThatThrownBy(() -> settings.putDefault("awsvpcTrunking", "on")).isInstanceOf(DomainException.class).hasMessage("Invalid setting 'value'");
        assertThatThrownBy(() -> settings.putDefault("tagResourceAuthorization", "enabled")).hasMessage("Invalid setting 'value'");
        assertThatThrownBy(() -> settings.putDefault("bogus", "enabled")).hasMessage("Invalid setting 'name'");
        settings.putDefault("fargateTaskRetirementWaitPeriod", "14");
        assertThat(settings.list(Optional.empty(), Optional.empty(), Optional.empty(), false))
                .extracting(AccountSettings.Setting::name).containsExactly("fargateTaskRetirementWaitPeriod");
    }
}
