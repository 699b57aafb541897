package dev.ecsnet.it;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Asserts that an EC2 call is refused with an AWS-shaped 400 and leaves the observed state as it was. */
final class Ec2Refusal {
    private Ec2Refusal() {
    }

    /** The call fails with {@code code} and exactly {@code message} (null: any message); returns the exception. */
    static Ec2Exception refused(ThrowingCallable call, String code, String message) {
        Ec2Exception e = catchThrowableOfType(Ec2Exception.class, call);
        assertThat(e).as("expected %s", code).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        if (message != null) {
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        }
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.requestId()).isNotBlank();
        return e;
    }

    /** As {@link #refused(ThrowingCallable, String, String)}, and {@code state} reads the same before and after. */
    static <T> Ec2Exception refusedWithoutChange(Supplier<T> state, ThrowingCallable call, String code, String message) {
        T before = state.get();
        Ec2Exception e = refused(call, code, message);
        assertThat(state.get()).as("state after the refused %s", code).isEqualTo(before);
        return e;
    }
}
