package fr.acta.asalae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The archive's messages in the SEDA versions As@lae speaks, read safely. */
class SedaMessageReaderTest {

    private static final String V10 = "fr:gouv:culture:archivesdefrance:seda:v1.0";

    @Test
    void an_acknowledgement_in_seda_1_0_names_its_identifier() {
        AsalaeAcknowledgement ack = SedaMessageReader.acknowledgement(bytes("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Acknowledgement xmlns="%s"><Comment>Reçu</Comment><Date>2025-06-02T10:00:00</Date>
                  <AcknowledgementIdentifier>ACK-42</AcknowledgementIdentifier>
                  <MessageReceivedIdentifier> TR-1 </MessageReceivedIdentifier>
                  <Receiver><Identification>FRAD069</Identification></Receiver></Acknowledgement>""".formatted(V10)));

        assertThat(ack.messageReceivedIdentifier()).isEqualTo("TR-1");
        assertThat(ack.acknowledgementIdentifier()).isEqualTo("ACK-42");
    }

    @Test
    void an_accepted_reply_in_seda_1_0_gives_the_archive_identifier() {
        AsalaeTransferReply reply = SedaMessageReader.reply(bytes("""
                <ArchiveTransferReply xmlns="%s"><Comment>Transfert accepté</Comment>
                  <ReplyCode listVersionID="edition 2009">000</ReplyCode><TransferIdentifier>TR-1</TransferIdentifier>
                  <Archive><Name>Délibération</Name>
                  <ArchivalAgencyArchiveIdentifier>FRAD069_ARCH_7</ArchivalAgencyArchiveIdentifier></Archive>
                </ArchiveTransferReply>""".formatted(V10)));

        assertThat(reply.accepted()).isTrue();
        assertThat(reply.replyCode()).isEqualTo("000");
        assertThat(reply.comment()).isEqualTo("Transfert accepté");
        assertThat(reply.archiveIdentifier()).isEqualTo("FRAD069_ARCH_7");
        assertThat(reply.messageRequestIdentifier()).isEqualTo("TR-1");
    }

    @Test
    void a_refusal_in_seda_2_2_keeps_its_code_and_comment() {
        AsalaeTransferReply reply = SedaMessageReader.reply(bytes("""
                <s:ArchiveTransferReply xmlns:s="fr:gouv:culture:archivesdefrance:seda:v2.2">
                  <s:Comment>Transfert refusé : bordereau non conforme</s:Comment><s:MessageIdentifier>ATR-1</s:MessageIdentifier>
                  <s:MessageRequestIdentifier>TR-9</s:MessageRequestIdentifier><s:ReplyCode>101</s:ReplyCode>
                </s:ArchiveTransferReply>"""));

        assertThat(reply.accepted()).isFalse();
        assertThat(reply.replyCode()).isEqualTo("101");
        assertThat(reply.comment()).isEqualTo("Transfert refusé : bordereau non conforme");
        assertThat(reply.archiveIdentifier()).isNull();
        assertThat(reply.messageRequestIdentifier()).isEqualTo("TR-9");
    }

    @Test
    void an_acceptance_in_seda_0_2_is_accepted() {
        AsalaeTransferReply reply = SedaMessageReader.reply(bytes("""
                <ArchiveTransferAcceptance xmlns="fr:gouv:ae:archive:draft:standard_echange_v0.2">
                  <TransferIdentifier>TR-0</TransferIdentifier>
                  <Archive><ArchivalAgencyArchiveIdentifier>A-0</ArchivalAgencyArchiveIdentifier></Archive>
                </ArchiveTransferAcceptance>"""));

        assertThat(reply.accepted()).isTrue();
        assertThat(reply.archiveIdentifier()).isEqualTo("A-0");
    }

    @Test
    void a_document_type_declaration_or_a_foreign_namespace_is_not_read() {
        byte[] xxe = bytes("""
                <?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <ArchiveTransferReply xmlns="%s"><Comment>&x;</Comment><ReplyCode>000</ReplyCode></ArchiveTransferReply>"""
                .formatted(V10));
        byte[] foreign = bytes("<ArchiveTransferReply xmlns=\"urn:autre\"><ReplyCode>000</ReplyCode></ArchiveTransferReply>");

        assertThatThrownBy(() -> SedaMessageReader.reply(xxe)).isInstanceOf(AsalaeException.class)
                .hasMessageStartingWith("Réponse de l'archive As@lae inattendue");
        assertThatThrownBy(() -> SedaMessageReader.reply(foreign)).isInstanceOfSatisfying(AsalaeException.class,
                e -> assertThat(e.retryable()).isFalse());
    }

    private static byte[] bytes(String s) {
        return s.strip().getBytes(StandardCharsets.UTF_8);
    }
}
