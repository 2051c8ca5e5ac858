package fr.acta.simulator.prefecture;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code acta.simulators.prefecture.*}.
 *
 * @param enabled            "true", "false" or empty (empty: on with the embedded default only)
 * @param postedToWaiting    delay from 1 (posté) to 2 (en attente de transmission)
 * @param waitingToSent      delay from 2 to 3 (transmis)
 * @param sentToAnswer       delay from 3 to the préfecture's answer (4 with an ARActe, or -1)
 * @param accounts           the S²LOW accounts, each bound to one collectivité
 * @param classification     resource of the RetourClassification served by default
 * @param maxArchiveSize     S²LOW's ACTES_ARCHIVE_MAX_SIZE: total size of the files of one act
 * @param maxFileUploads     PHP's max_file_uploads: most files in one request
 * @param ministryAcronym    the ministry's name in S²LOW's status messages
 * @param trigramme          the TdT trigramme expected at the head of a submitted archive's name
 *                           (empty: any three upper-case letters or digits)
 */
@ConfigurationProperties(prefix = "acta.simulators.prefecture")
record SandboxProperties(String enabled, Duration postedToWaiting, Duration waitingToSent, Duration sentToAnswer,
                         List<Account> accounts, String classification, DataSize maxArchiveSize,
                         Integer maxFileUploads, String ministryAcronym, String trigramme) {

    SandboxProperties {
        postedToWaiting = orZero(postedToWaiting);
        waitingToSent = orZero(waitingToSent);
        sentToAnswer = orZero(sentToAnswer);
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        classification = classification == null || classification.isBlank()
                ? "classpath:sample-documents/classification/RetourClassification-069-demo.xml" : classification;
        maxArchiveSize = maxArchiveSize == null ? DataSize.ofMegabytes(150) : maxArchiveSize;
        maxFileUploads = maxFileUploads == null ? 20 : maxFileUploads;
        ministryAcronym = ministryAcronym == null || ministryAcronym.isBlank() ? "MIAT" : ministryAcronym;
        trigramme = trigramme == null ? "" : trigramme.strip();
    }

    private static Duration orZero(Duration d) {
        return d == null || d.isNegative() ? Duration.ZERO : d;
    }

    /**
     * An S²LOW account (HTTP Basic login and password) and its collectivité.
     *
     * @param authorityType S²LOW's authority type (31: commune)
     */
    record Account(String login, String password, String siren, String department, String district,
                   String name, Integer authorityType, String email) {

        Account {
            district = district == null || district.isBlank() ? "1" : district;
            authorityType = authorityType == null ? 31 : authorityType;
            name = name == null ? siren : name;
            email = email == null ? "" : email;
        }

        @Override
        public String toString() {
            return "Account[login=" + login + ", password=******, siren=" + siren + ", department=" + department + "]";
        }
    }
}
