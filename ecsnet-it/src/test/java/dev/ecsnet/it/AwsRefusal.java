package dev.ecsnet.it;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Asserts that a call of any service is refused with AWS's code, message and status, and changes nothing. */
final class AwsRefusal {
    private AwsRefusal() {
    }

    /** The call fails with {@code code}, {@code status} and exactly {@code message} (null: any message). */
    static AwsServiceException refused(ThrowingCallable call, String code, String message, int status) {
        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, call);
        assertThat(e).as("expected %s", code).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        if (message != null) {
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        }
        assertThat(e.statusCode()).isEqualTo(status);
        return e;
    }

    /** A 400 refusal with {@code code} and exactly {@code message} (null: any message). */
    static AwsServiceException refused(ThrowingCallable call, String code, String message) {
        return refused(call, code, message, 400);
    }

    /** A 400 refusal after which {@code state} reads the same as before. */
    static <T> AwsServiceException refusedWithoutChange(Supplier<T> state, ThrowingCallable call, String code, String message) {
        return refusedWithoutChange(state, call, code, message, 400);
    }

    static <T> AwsServiceException refusedWithoutChange(Supplier<T> state, ThrowingCallable call, String code, String message, int status) {
        T before = state.get();
        AwsServiceException e = refused(call, code, message, status);
        assertThat(state.get()).as("state after the refused %s", code).isEqualTo(before);
        return e;
    }
}
