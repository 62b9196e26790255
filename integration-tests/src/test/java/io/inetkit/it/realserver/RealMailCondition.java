package io.inetkit.it.realserver;

import io.inetkit.testkit.mail.RealMail;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a test class with the reason when {@link RealMail} cannot run here (not root, Dovecot or
 * Postfix not installed): every test is reported as skipped with that reason, before any
 * {@code @BeforeAll} runs.
 *
 * <pre>{@code
 * @Tag("real-server")
 * @ExtendWith(RealMailCondition.class)
 * class MyRealMailTest { ... }
 * }</pre>
 */
public final class RealMailCondition implements ExecutionCondition {
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return RealMail.unavailable()
        .map(ConditionEvaluationResult::disabled)
        .orElseGet(() -> ConditionEvaluationResult.enabled("Dovecot and Postfix can run here"));
  }
}
