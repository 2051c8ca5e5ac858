package fr.acta.simulator.prefecture;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The S²LOW paths leave Acta's security aside: S²LOW answers a failed login with a {@code KO} line
 * (HTTP 200), which the sandbox does itself. The administrator API stays under Acta's security.
 */
@Configuration(proxyBeanMethods = false)
@SandboxEnabled
class SandboxSecurityConfiguration {

    static final String PREFIX = "/s2low-sandbox";

    @Bean
    @Order(0)
    SecurityFilterChain prefectureSandbox(HttpSecurity http) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(PREFIX + "/**"))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .csrf(c -> c.disable());
        return http.build();
    }
}
