package fr.acta.sae;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acta.seda.ManagementRules;
import fr.acta.seda.ObjectRole;
import fr.acta.seda.SedaTransfer;
import fr.acta.seda.SedaTransferBuilder;
import fr.acta.seda.SedaTransferRequest;
import fr.acta.seda.SedaVersion;
import fr.acta.support.Api;
import fr.acta.testdata.SamplePdfs;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Acts of chosen metadata, text and rules, deposited into the archive; each yields its archive identifier. */
final class SaeArchives {

    private static final SedaTransferBuilder BUILDER = new SedaTransferBuilder();

    private SaeArchives() {
    }

    /** One act to archive. */
    record Act(String objet, String nature, String matiere, String numero, String idActe, LocalDate date,
               String pdfText, ManagementRules rules) {
    }

    /** A word of random letters, its own in the index (nothing else in the archive holds it). */
    static String word() {
        Random r = new Random();
        StringBuilder s = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            s.append((char) ('a' + r.nextInt(26)));
        }
        return s.toString();
    }

    static SedaTransfer transfer(Act act, SedaVersion version) {
        return transfer(act, version, SamplePdfs.arrete("Valmont-sur-Saône", act.numero(), act.pdfText()));
    }

    /** The act's transfer with {@code mainPdf} as its signed act. */
    static SedaTransfer transfer(Act act, SedaVersion version, byte[] mainPdf) {
        String messageId = "ACC-" + UUID.randomUUID().toString().substring(0, 13);
        List<SedaTransferRequest.DataObject> objects = List.of(
                new SedaTransferRequest.DataObject(ObjectRole.SIGNED_ACT, null, "acte signé.pdf", mainPdf),
                new SedaTransferRequest.DataObject(ObjectRole.ANNEX, "Plan de financement", "annexe.pdf",
                        SamplePdfs.annex("Plan de financement " + messageId, 1)),
                new SedaTransferRequest.DataObject(ObjectRole.HISTORY, null, "historique.json",
                        ("[{\"message\":\"" + messageId + "\"}]").getBytes(StandardCharsets.UTF_8)));
        SedaTransferRequest request = new SedaTransferRequest(messageId, "IC-000001", "FRAD069", SaeFixture.AGENCY,
                new SedaTransferRequest.OriginatingAgency("210690004", "Commune de Valmont-sur-Saône"),
                new SedaTransferRequest.Act(act.objet(), act.nature(), act.matiere(), "Matière " + act.matiere(),
                        act.numero(), act.date(), act.idActe(), null, null, null),
                act.rules(), objects);
        return BUILDER.build(request, version);
    }

    /** Deposits the transfer (its manifest possibly changed) and waits for the archive it became. */
    static String deposit(Api api, SedaTransfer transfer, byte[] manifest) {
        Api.Response r = SaeFixture.deposit(api, manifest, transfer.zip(), transfer.messageIdentifier() + ".zip");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String reply = SaeFixture.awaitReply(api, transfer.messageIdentifier());
        assertThat(SaeFixture.element(reply, "ReplyCode")).as(reply).isEqualTo("000");
        return SaeFixture.element(reply, "ArchivalAgencyArchiveUnitIdentifier");
    }

    /** The copy of a content in one storage location of the test's archive. */
    static java.nio.file.Path copy(java.nio.file.Path home, String location, String sha256) {
        return home.resolve("sae").resolve(location).resolve("demo/sha256").resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    static String deposit(Api api, Act act) {
        SedaTransfer t = transfer(act, SedaVersion.V2_2);
        return deposit(api, t, t.manifest());
    }

    /** The rules of the referential for that nature, with another final action and DUA if given. */
    static ManagementRules rules(String nature, String matiere, LocalDate start, String duration,
                                 ManagementRules.FinalAction action) {
        ManagementRules defaults = fr.acta.seda.RulesReferential.defaults().rulesFor(nature, matiere, start);
        return new ManagementRules(new ManagementRules.Appraisal(null, duration, action, start), defaults.access());
    }
}
