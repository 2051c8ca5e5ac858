package fr.acta.signature;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.common.ActaProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The services as Spring builds them from {@code acta.*} settings (only this package's beans, no
 * database connection): the embedded default generates its master key and PKI under acta.home.
 */
class SignatureWiringTest {

    @TempDir
    Path home;

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackageClasses = {PadesSigner.class, fr.acta.secret.MasterKey.class}, excludeFilters = @ComponentScan.Filter(
            type = org.springframework.context.annotation.FilterType.ASSIGNABLE_TYPE,
            classes = SignatureValidationController.class))
    @EnableConfigurationProperties({ActaProperties.class, SignatureProperties.class})
    static class Beans {
        @Bean
        DataSource dataSource() {
            return new SimpleDriverDataSource();
        }

        @Bean
        org.springframework.jdbc.core.JdbcTemplate jdbcTemplate(DataSource dataSource) {
            return new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        }
    }

    @Test
    void the_embedded_default_wires_a_local_pki_and_signs() {
        new ApplicationContextRunner().withUserConfiguration(Beans.class)
                .withPropertyValues("acta.home=" + home, "acta.signature.crl-validity=P3D")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    LocalPki pki = context.getBean(LocalPki.class);
                    assertThat(Files.exists(home.resolve("pki/root-ca.p12"))).as("created on first use").isFalse();
                    IssuedKey key = pki.issueSigningCertificate("Jean Dupont", null, "Maire");
                    SignedPdf signed = context.getBean(PadesSigner.class).sign(SigningFixture.pdfWithLines(
                                    new String[] {"Bonjour"}), SigningCredentials.fromPkcs12(key.pkcs12(), key.password()),
                            SignatureRequest.of(SignatureLevel.LTA, "Jean Dupont"));
                    assertThat(signed.check().passed()).isTrue();
                    assertThat(context.getBean(KeyVault.class)).isNotNull();
                    assertThat(Files.exists(home.resolve("master.key"))).isTrue();
                    assertThat(Files.exists(home.resolve("pki/root-ca.p12"))).isTrue();
                    assertThat(pki.currentCrls().get(0).getNextUpdate().getTime()
                            - pki.currentCrls().get(0).getThisUpdate().getTime()).isEqualTo(3 * 86_400_000L);
                });
    }

    @Test
    void an_external_database_without_master_key_refuses_to_start() {
        new ApplicationContextRunner().withUserConfiguration(Beans.class)
                .withPropertyValues("acta.home=" + home, "spring.datasource.url=jdbc:postgresql://db/acta")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("ACTA_MASTER_KEY"));
    }
}
