package fr.acta.transmission;

import static fr.acta.transmission.PrefectureSamples.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Every inbound @ctes message type, read leniently; DTDs (XXE, billion laughs) refused. */
class PrefectureMessageParserTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final String OBJET = "Délibération relative à l’éclairage public – œuvre d’art";

    @Test
    void an_aracte_in_windows_1252_gives_the_idacte_the_reception_date_and_the_echo() {
        byte[] bytes = PrefectureSamples.arActe().getBytes(CP1252);

        PrefectureMessage m = PrefectureMessageParser.parse(bytes);

        assertThat(m.kind()).isEqualTo(PrefectureMessage.Kind.AR_ACTE);
        assertThat(m.kind().flux()).isEqualTo("1-2");
        assertThat(m.idActe()).isEqualTo(ID);
        assertThat(m.date()).isEqualTo(LocalDate.of(2025, 3, 14));
        assertThat(m.classificationDate()).isEqualTo(LocalDate.of(2025, 2, 1));
        PrefectureMessage.EchoedActe echo = m.acteRecu();
        assertThat(echo.number()).isEqualTo("DEL_2025_014");
        assertThat(echo.natureCode()).isEqualTo("1");
        assertThat(echo.decisionDate()).isEqualTo(LocalDate.of(2025, 3, 12));
        assertThat(echo.classification()).isEqualTo("9.1");
        assertThat(echo.subject()).isEqualTo(OBJET);
        assertThat(echo.classificationDate()).isEqualTo(LocalDate.of(2025, 1, 10));
        assertThat(echo.document()).endsWith("-DE-1-1_1.pdf");
        assertThat(echo.annexCount()).isEqualTo(1);
        assertThat(m.files()).isEmpty();
        assertThat(m.xml()).contains(OBJET).startsWith("<?xml");
    }

    @Test
    void an_anomalie_acte_declared_iso_8859_1_but_written_in_windows_1252_keeps_its_typographic_characters() {
        PrefectureMessage m = PrefectureMessageParser.parse(PrefectureSamples.anomalieActe().getBytes(CP1252));

        assertThat(m.kind()).isEqualTo(PrefectureMessage.Kind.ANOMALIE_ACTE);
        assertThat(m.anomalyCode()).isEqualTo("002");
        assertThat(m.detail()).startsWith("ODT-VERIF-01 : Votre acte a été transmis");
        assertThat(m.date()).isEqualTo(LocalDate.of(2025, 3, 14));
        assertThat(m.classificationDate()).isEqualTo(LocalDate.of(2025, 2, 1));
        assertThat(m.acteRecu().subject()).isEqualTo(OBJET);
        assertThat(m.idActe()).isNull();
    }

    @Test
    void an_anomalie_enveloppe_with_a_code_outside_the_schema_is_read_with_its_code() {
        PrefectureMessage m = PrefectureMessageParser.parse(
                PrefectureSamples.anomalieEnveloppe().getBytes(StandardCharsets.ISO_8859_1));

        assertThat(m.kind()).isEqualTo(PrefectureMessage.Kind.ANOMALIE_ENVELOPPE);
        assertThat(m.anomalyCode()).isEqualTo("999");
        assertThat(m.detail()).contains("ODT-VERIF-17").contains("envoyé");
        assertThat(m.siren()).isEqualTo("210690004");
        assertThat(m.files()).containsExactly("069-210690004-20250312-DEL_2025_014-DE-1-1_0.xml");
    }

    @Test
    void courriers_demandes_de_pieces_and_lettres_d_observations_give_their_date_text_and_document() {
        PrefectureMessage cs = parseLatin1(PrefectureSamples.courrier("CourrierSimple", null, null));
        PrefectureMessage dpc = parseLatin1(PrefectureSamples.courrier("DemandePieceComplementaire",
                "DescriptionPieces", "Le plan de financement annexé à la délibération"));
        PrefectureMessage lo = parseLatin1(PrefectureSamples.courrier("LettreObservations", "Motif",
                "Délibération prise en l'absence de quorum"));

        assertThat(cs.kind()).isEqualTo(PrefectureMessage.Kind.COURRIER_SIMPLE);
        assertThat(dpc.kind()).isEqualTo(PrefectureMessage.Kind.DEMANDE_PIECE_COMPLEMENTAIRE);
        assertThat(lo.kind()).isEqualTo(PrefectureMessage.Kind.LETTRE_OBSERVATIONS);
        for (PrefectureMessage m : new PrefectureMessage[] {cs, dpc, lo}) {
            assertThat(m.idActe()).isEqualTo(ID);
            assertThat(m.date()).isEqualTo(LocalDate.of(2025, 4, 2));
            assertThat(m.files()).hasSize(1).allMatch(f -> f.endsWith("_1.pdf"));
        }
        assertThat(cs.motif()).isNull();
        assertThat(dpc.motif()).isEqualTo("Le plan de financement annexé à la délibération");
        assertThat(lo.motif()).isEqualTo("Délibération prise en l'absence de quorum");
    }

    @Test
    void a_defere_an_ar_d_annulation_and_the_ars_of_replies_are_read() {
        PrefectureMessage defere = parseLatin1(PrefectureSamples.defere());
        assertThat(defere.kind()).isEqualTo(PrefectureMessage.Kind.DEFERE_TA);
        assertThat(defere.idActe()).isEqualTo(ID);
        assertThat(defere.date()).isEqualTo(LocalDate.of(2025, 5, 20));
        assertThat(defere.motif()).isEqualTo("Incompétence de l'auteur de l'acte");
        assertThat(defere.files()).containsExactly("requete.pdf", "memoire.pdf");

        PrefectureMessage annulation = parseLatin1(PrefectureSamples.arAnnulation());
        assertThat(annulation.kind()).isEqualTo(PrefectureMessage.Kind.AR_ANNULATION);
        assertThat(annulation.idActe()).isEqualTo(ID);
        assertThat(annulation.date()).isEqualTo(LocalDate.of(2025, 6, 3));

        for (String root : new String[] {"ARPieceComplementaire", "ARReponseRejetLettreObservations"}) {
            PrefectureMessage ar = parseLatin1(PrefectureSamples.arReponse(root));
            assertThat(ar.kind().flux()).isIn("3-5", "4-5");
            assertThat(ar.idActe()).isEqualTo(ID);
            assertThat(ar.date()).isEqualTo(LocalDate.of(2025, 4, 10));
            assertThat(ar.letterDate()).isEqualTo(LocalDate.of(2025, 4, 2));
        }
    }

    @Test
    void classification_answers_and_the_prefecture_envelope_are_recognised() {
        PrefectureMessage same = parseLatin1(PrefectureSamples.sansChangement());
        assertThat(same.kind()).isEqualTo(PrefectureMessage.Kind.CLASSIFICATION_SANS_CHANGEMENT);
        assertThat(same.classificationDate()).isEqualTo(LocalDate.of(2025, 2, 1));

        PrefectureMessage envelope = parseLatin1(PrefectureSamples.enveloppePrefecture());
        assertThat(envelope.kind()).isEqualTo(PrefectureMessage.Kind.ENVELOPPE);
        assertThat(envelope.siren()).isEqualTo("210690004");
        assertThat(envelope.files()).containsExactly("069-210690004-20250312-DEL_2025_014-DE-2-1_1.xml");
    }

    @Test
    void a_default_namespace_or_no_namespace_with_unprefixed_attributes_is_read_the_same() {
        String defaultNs = "<ARActe xmlns=\"" + PrefectureSamples.NS + "\" IDActe=\"" + ID + "\" DateReception=\"2025-03-14\">"
                + "<ActeRecu Date=\"2025-03-12\" NumeroInterne=\"DEL_2025_014\" CodeNatureActe=\"1\"><CodeMatiere1 CodeMatiere=\"9\"/>"
                + "<CodeMatiere2 CodeMatiere=\"1\"/><Objet>Éclairage &amp; voirie</Objet></ActeRecu>"
                + "<ClassificationDateVersionEnCours>2025-02-01</ClassificationDateVersionEnCours></ARActe>";
        String noNs = defaultNs.replace(" xmlns=\"" + PrefectureSamples.NS + "\"", "");

        for (String xml : new String[] {defaultNs, noNs}) {
            PrefectureMessage m = PrefectureMessageParser.parse(xml.getBytes(StandardCharsets.UTF_8));
            assertThat(m.kind()).isEqualTo(PrefectureMessage.Kind.AR_ACTE);
            assertThat(m.idActe()).isEqualTo(ID);
            assertThat(m.date()).isEqualTo(LocalDate.of(2025, 3, 14));
            assertThat(m.acteRecu().classification()).isEqualTo("9.1");
            assertThat(m.acteRecu().subject()).isEqualTo("Éclairage & voirie");
        }
    }

    @Test
    void latin_1_bytes_without_a_declaration_are_not_mangled() {
        String xml = "<actes:ARAnnulation xmlns:actes=\"" + PrefectureSamples.NS + "\" actes:IDActe=\"" + ID
                + "\" actes:DateReception=\"2025-06-03\"><!-- reçu à la préfecture --></actes:ARAnnulation>";
        PrefectureMessage m = PrefectureMessageParser.parse(xml.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(m.xml()).contains("reçu à la préfecture");
        assertThat(m.kind()).isEqualTo(PrefectureMessage.Kind.AR_ANNULATION);
    }

    @Test
    void an_unknown_root_is_kept_as_unknown_with_its_text() {
        PrefectureMessage m = parseLatin1("<actes:NouveauMessage xmlns:actes=\"" + PrefectureSamples.NS
                + "\" actes:IDActe=\"" + ID + "\"/>");
        assertThat(m.kind()).isEqualTo(PrefectureMessage.Kind.UNKNOWN);
        assertThat(m.rootElement()).isEqualTo("NouveauMessage");
        assertThat(m.idActe()).isEqualTo(ID);
    }

    @Test
    void an_external_entity_is_refused_and_never_read() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE ARActe [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<ARActe IDActe=\"" + ID + "\"><ActeRecu><Objet>&xxe;</Objet></ActeRecu></ARActe>";
        assertThatThrownBy(() -> PrefectureMessageParser.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(PrefectureMessageException.class, e -> {
                    assertThat(e.unsafe()).isTrue();
                    assertThat(e.getMessage()).contains("DTD").doesNotContain("root:");
                });
    }

    @Test
    void a_billion_laughs_document_is_refused() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        dtd.append("]><ARActe>&lol9;</ARActe>");
        assertThatThrownBy(() -> PrefectureMessageParser.parse(dtd.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(PrefectureMessageException.class, e -> assertThat(e.unsafe()).isTrue());
    }

    @Test
    void what_is_not_xml_is_refused_with_a_french_message() {
        assertThatThrownBy(() -> PrefectureMessageParser.parse("KO\nAccès refusé".getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOfSatisfying(PrefectureMessageException.class, e -> {
                    assertThat(e.unsafe()).isFalse();
                    assertThat(e.getMessage()).startsWith("Le message de la préfecture n'est pas un XML lisible");
                });
        assertThatThrownBy(() -> PrefectureMessageParser.parse(new byte[0]))
                .isInstanceOf(PrefectureMessageException.class).hasMessageContaining("vide");
    }

    private static PrefectureMessage parseLatin1(String xml) {
        return PrefectureMessageParser.parse(xml.getBytes(StandardCharsets.ISO_8859_1));
    }
}
