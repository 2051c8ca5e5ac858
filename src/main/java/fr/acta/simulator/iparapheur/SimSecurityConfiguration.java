package fr.acta.simulator.iparapheur;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The simulator's paths leave Acta's HTTP Basic aside: Spring Security lets them through (stateless,
 * no CSRF) and the simulator checks its own bearer tokens, before any request body is read, as the
 * real resource server does. The token endpoint itself needs none.
 */
@Configuration(proxyBeanMethods = false)
@SimulatorEnabled
class SimSecurityConfiguration implements WebMvcConfigurer {

    static final String USER_ATTRIBUTE = SimSecurityConfiguration.class.getName() + ".user";

    private final SimTokens tokens;

    SimSecurityConfiguration(SimTokens tokens) {
        this.tokens = tokens;
    }

    @Bean
    @Order(0)
    SecurityFilterChain iparapheurSimulator(HttpSecurity http) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/iparapheur-sim/**"))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .csrf(c -> c.disable());
        return http.build();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new BearerCheck(tokens))
                .addPathPatterns("/iparapheur-sim/api/**", "/iparapheur-sim/admin/**");
    }

    /** 401 with {@code WWW-Authenticate: Bearer …} and no body, like Spring's resource server. */
    private record BearerCheck(SimTokens tokens) implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setHeader("WWW-Authenticate", "Bearer");
                return false;
            }
            String user = tokens.user(header.substring(7).strip()).orElse(null);
            if (user == null) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", "
                        + "error_description=\"An error occurred while attempting to decode the Jwt: Jwt expired or invalid\", "
                        + "error_uri=\"https://tools.ietf.org/html/rfc6750#section-3.1\"");
                return false;
            }
            request.setAttribute(USER_ATTRIBUTE, user);
            return true;
        }
    }
}
