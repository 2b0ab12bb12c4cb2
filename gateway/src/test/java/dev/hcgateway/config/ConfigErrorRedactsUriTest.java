package dev.hcgateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rejected URI is shown in the error with its credentials, query and fragment hidden. */
class ConfigErrorRedactsUriTest {

    private static String rejection(Map<String, String> env) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> new ConfigLoader().load(env, new ArrayList<>()));
        assertThat(t).isInstanceOf(ConfigException.class);
        return t.getMessage();
    }

    @Test
    void authorityUrlWithCredentials_rejected_messageHidesUserAndPassword() {
        String message = rejection(Map.of("HC_AUTHORITY_URL", "https://svc:s3cr3t-pw@store.internal:8443/v1"));
        assertThat(message).contains("authority.url").contains("https://***@store.internal:8443/v1")
                .doesNotContain("s3cr3t").doesNotContain("svc:");
    }

    @Test
    void authorityUrlWithTokenInQuery_rejected_messageHidesQueryAndFragment() {
        String message = rejection(Map.of("HC_AUTHORITY_URL", "http://store/v1?token=abc123#frag-secret"));
        assertThat(message).contains("http://store/v1?***").doesNotContain("abc123").doesNotContain("frag-secret");
    }

    @Test
    void authorityUrlNotParsable_rejected_messageStillHidesPassword() {
        String message = rejection(Map.of("HC_AUTHORITY_URL", "http://us er:p@ss^word@store/ x"));
        assertThat(message).contains("not a URL").contains("***@store").doesNotContain("word");
    }

    @Test
    void redisUriWithWrongScheme_rejected_messageHidesPassword() {
        String message = rejection(Map.of("HC_REDIS_URI", "http://default:r3d1s-pw@cache:6379/0?x=secret"));
        assertThat(message).contains("redis.uri").contains("http://***@cache:6379/0?***")
                .doesNotContain("r3d1s").doesNotContain("secret");
    }

    @Test
    void redact_uriWithoutSecrets_unchanged() {
        assertThat(UriRedaction.redact("redis://cache:6379/0")).isEqualTo("redis://cache:6379/0");
        assertThat(UriRedaction.redact("ftp://store")).isEqualTo("ftp://store");
        assertThat(UriRedaction.redact("user:pw@host/path")).isEqualTo("***@host/path");
        assertThatThrownBy(() -> new ConfigLoader().defaultsWith(Map.of("authority.url", "ftp://a:b@store")))
                .hasMessageContaining("ftp://***@store").hasMessageNotContaining("a:b");
    }
}
