package fr.acta.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.acta.tenant.ActaUserDetailsService;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may call what. The API and the engine's REST API take HTTP Basic (single sign-on comes
 * later); Camunda's webapps (Cockpit) keep their own login against the engine's identity service.
 * The archive's As@lae API ({@code /api/v1/tenants/{tenant}/sae/restservices/**}) also takes, as
 * As@lae does for Pastell, the password's lowercase hex SHA-256 as the Basic password; no other
 * path does (decision 0020).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(ActaUserDetailsService users, PasswordEncoder encoder) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        return new ProviderManager(new CachingAuthenticationProvider(dao, Duration.ofMinutes(5)));
    }

    @Bean
    @Order(1)
    SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .headers(h -> h.frameOptions(f -> f.sameOrigin()));
        return http.build();
    }

    /** The archive's As@lae API: the password, or its SHA-256 (each checked, and remembered, on its own). */
    @Bean
    @Order(2)
    SecurityFilterChain archiveRestServices(HttpSecurity http, ActaUserDetailsService users, PasswordEncoder encoder,
                                            ObjectMapper objectMapper) throws Exception {
        DaoAuthenticationProvider plain = new DaoAuthenticationProvider(users);
        plain.setPasswordEncoder(encoder);
        DaoAuthenticationProvider hashed = new DaoAuthenticationProvider(users::loadUserBySha256Password);
        hashed.setPasswordEncoder(encoder);
        AuthenticationManager manager = new ProviderManager(
                new CachingAuthenticationProvider(plain, Duration.ofMinutes(5)),
                new CachingAuthenticationProvider(new Sha256PasswordProvider(hashed, users), Duration.ofMinutes(5)));
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/v1/tenants/*/sae/restservices/**"))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated());
        return basic(http, manager, objectMapper).build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authenticationManager,
                            ObjectMapper objectMapper) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/error").permitAll()
                        // the local PKI's CRLs and CA certificates: public by nature, read-only
                        .requestMatchers(HttpMethod.GET, "/pki/crl/*", "/pki/ca/*").permitAll()
                        .requestMatchers("/actuator/**", "/engine-rest/**").hasAnyRole("ADMIN", "OPERATOR")
                        .requestMatchers("/api/v1/**").authenticated()
                        .anyRequest().denyAll());
        return basic(http, authenticationManager, objectMapper).build();
    }

    private static HttpSecurity basic(HttpSecurity http, AuthenticationManager manager, ObjectMapper objectMapper)
            throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(objectMapper);
        return http.authenticationManager(manager)
                .httpBasic(b -> b.authenticationEntryPoint(entryPoint).realmName("Acta"))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler((req, res, ex) -> ProblemAuthenticationEntryPoint.write(objectMapper,
                                res, HttpStatus.FORBIDDEN, "Accès refusé.")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
    }
}
