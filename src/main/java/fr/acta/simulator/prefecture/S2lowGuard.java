package fr.acta.simulator.prefecture;

import fr.acta.simulator.prefecture.S2lowText.Ko;
import fr.acta.simulator.prefecture.SandboxProperties.Account;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * What every S²LOW endpoint of the sandbox does around its work: authenticate the account, and turn
 * any refusal or failure into a {@code KO} line with HTTP 200, as S²LOW does (never a 500).
 */
@Component
@SandboxEnabled
class S2lowGuard {

    private static final Logger log = LoggerFactory.getLogger(S2lowGuard.class);

    private final SandboxAccounts accounts;
    private final SandboxProperties properties;

    S2lowGuard(SandboxAccounts accounts, SandboxProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    /** The account of the request, or a KO "Échec de l'authentification" (escaped or echoed as is). */
    Account account(HttpServletRequest request, boolean escaped) {
        return accounts.authenticate(request).orElseThrow(() -> new Ko("Échec de l'authentification", escaped));
    }

    ResponseEntity<byte[]> run(Supplier<ResponseEntity<byte[]>> work) {
        try {
            return work.get();
        } catch (Ko e) {
            return e.response();
        } catch (MaxUploadSizeExceededException e) {
            return S2lowText.ko("La taille totale des fichiers est trop importante (max : "
                    + properties.maxArchiveSize().toBytes() + ")");
        } catch (MultipartException e) {
            if (NestedExceptionUtils.getRootCause(e) instanceof FileCountLimitExceededException) {
                return S2lowText.ko("Le nombre d'annexes est trop important (max : " + properties.maxFileUploads() + ")");
            }
            return S2lowText.ko("Envoi de fichier incorrect.");
        } catch (RuntimeException e) {
            log.error("Sandbox préfecture failure", e);
            return S2lowText.ko("Erreur interne du bac à sable de la préfecture.");
        }
    }
}
