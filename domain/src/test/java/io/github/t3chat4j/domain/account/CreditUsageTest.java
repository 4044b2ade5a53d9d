package io.github.t3chat4j.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CreditUsageTest {

    @Test
    void reportsTheDeduction_whenTrusted() {
        CreditUsage usage = CreditUsage.trusted(new BigDecimal("1000"), new BigDecimal("987.5"), "stop");

        assertThat(usage.deducted()).contains(new BigDecimal("12.5"));
        assertThat(usage.describe()).isEqualTo("12.5 credits (1000 → 987.5)");
    }

    @Test
    void hidesTheDeduction_whenUntrusted() {
        CreditUsage usage = CreditUsage.untrusted(CreditUsage.Trust.UNCHANGED, Optional.of(BigDecimal.TEN),
                Optional.of(BigDecimal.TEN), "stop", "unchanged after 8 polls");

        assertThat(usage.deducted()).isEmpty();
        assertThat(usage.describe()).isEqualTo("unknown: unchanged after 8 polls");
    }

    @Test
    void rejectsAnUntrustedResultWithoutAReason() {
        assertThatThrownBy(() -> CreditUsage.untrusted(CreditUsage.Trust.UNREADABLE, Optional.empty(),
                Optional.empty(), "", " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
