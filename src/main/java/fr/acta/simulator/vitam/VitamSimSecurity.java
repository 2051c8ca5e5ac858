package fr.acta.simulator.vitam;

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
 * The simulator's paths leave Acta's security aside (a real Vitam authenticates the application by
 * its TLS client certificate, which the simulator does not ask for). Before any body is read, every
 * request must carry a numeric {@code X-Tenant-Id} (else 412, like Vitam), and the access API an
 * access contract the platform knows; each answer carries an {@code X-Request-Id}.
 */
@Configuration(proxyBeanMethods = false)
@VitamSimEnabled
class VitamSimSecurity implements WebMvcConfigurer {

    static final String PREFIX = "/vitam-sim";
    static final String TENANT = "fr.acta.simulator.vitam.tenant";

    private final VitamSimProperties properties;

    VitamSimSecurity(VitamSimProperties properties) {
        this.properties = properties;
    }

    @Bean
    @Order(0)
    SecurityFilterChain vitamSimulator(HttpSecurity http) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(PREFIX + "/**"))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .csrf(c -> c.disable());
        return http.build();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Headers(properties)).addPathPatterns(PREFIX + "/**");
    }

    private record Headers(VitamSimProperties properties) implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws java.io.IOException {
            response.setHeader("X-Request-Id", VitamSimIds.request());
            String tenant = request.getHeader("X-Tenant-Id");
            if (tenant == null || !tenant.strip().matches("\\d{1,9}")) {
                VitamSimErrors.write(response, 412, "CHECK_TENANT", tenant == null
                        ? "L'en-tête X-Tenant-Id est obligatoire."
                        : "L'en-tête X-Tenant-Id doit être un entier positif ou nul (reçu : " + tenant + ").");
                return false;
            }
            request.setAttribute(TENANT, Integer.parseInt(tenant.strip()));
            if (request.getRequestURI().startsWith(request.getContextPath() + PREFIX + "/access-external/")) {
                String contract = request.getHeader("X-Access-Contract-Id");
                if (contract == null || contract.isBlank()) {
                    VitamSimErrors.write(response, 412, "CHECK_CONTRACT",
                            "L'en-tête X-Access-Contract-Id est obligatoire sur l'API d'accès.");
                    return false;
                }
                if (!properties.accessContracts().contains(contract.strip())) {
                    VitamSimErrors.write(response, 401, "CHECK_CONTRACT",
                            "Le contrat d'accès " + contract.strip() + " est inconnu ou inactif.");
                    return false;
                }
            }
            return true;
        }
    }
}
