package dev.hcgateway.http;

import dev.hcgateway.answer.OutcomeJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hcgateway.model.CertificateType;
import dev.hcgateway.model.DccCertificate;
import dev.hcgateway.model.DccVerdict;
import dev.hcgateway.model.Decision;
import dev.hcgateway.model.Reason;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A DCC answer names the certificate type and the country, has no colour, and is the same in both writers. */
class DccAnswerJsonTest {

    @Test
    void dccVerdict_answersKindDcc_certificateType_noColour() {
        DccCertificate cert = new DccCertificate(null, 10, 20, CertificateType.RECOVERY, "URN:UVCI:01:FR:R1", 0, 0,
                LocalDate.of(2021, 1, 1), LocalDate.of(2021, 7, 1), null, null);
        DccVerdict verdict = new DccVerdict(Decision.MANUAL, Reason.RECOVERY_NOT_VALID, cert, "FR");
        JsonObject json = OutcomeJson.of(verdict);
        assertThat(json.getMap()).containsEntry("decision", "manual").containsEntry("reason", "recovery_not_valid")
                .containsEntry("kind", "dcc").containsEntry("certificateType", "recovery")
                .containsEntry("issuer", "FR").containsEntry("subject", "URN:UVCI:01:FR:R1")
                .containsEntry("source", "code").containsEntry("expiresAt", 20L).doesNotContainKey("colour");
        assertThat(new JsonObject(OutcomeJson.buffer(verdict).toString(StandardCharsets.UTF_8))).isEqualTo(json);
    }
}
