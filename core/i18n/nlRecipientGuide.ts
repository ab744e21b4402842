/**
 * The one source of the Dutch guide for recipients of a signed verslag: docs/ontvangers.md
 * (scripts/recipientGuideMarkdown.ts) and the DOCX export (core/documents/recipientGuideDocx.ts)
 * are both made from `recipientGuide`. Words quoted from LibreOffice's Dutch interface are
 * marked `lo` and checked against LibreOffice 7.4's own translation
 * (tests/readers/libreOfficeDutch.test.ts); what LibreOffice says about a signed and a changed
 * verslag was read through UNO (core/signing/recipientGuide.test.ts). Word cannot run here:
 * its words (`word`, `windows`) follow Microsoft's Dutch interface and are kept few.
 */

/** A piece of text: plain, or words from a program's interface (a menu path is several labels joined by ›). */
export type GuideText = string | { ui: 'lo' | 'word' | 'windows'; labels: string[] };
/** A paragraph, numbered steps, or bullets; each line a list of pieces. */
export type GuideBlock = { kind: 'paragraph'; text: GuideText[] } | { kind: 'steps' | 'bullets'; items: GuideText[][] };
export interface GuideSection {
  heading: string;
  blocks: GuideBlock[];
}

const lo = (...labels: string[]) => ({ ui: 'lo' as const, labels });
const word = (...labels: string[]) => ({ ui: 'word' as const, labels });
const windows = (...labels: string[]) => ({ ui: 'windows' as const, labels });
const p = (...text: GuideText[]): GuideBlock => ({ kind: 'paragraph', text });

export const recipientGuide = {
  title: 'Een ondertekend verslag controleren',
  intro: [
    'U kreeg van de intern begeleider (IB) een digitaal ondertekend verslag van het multidisciplinair overleg (MDO) als Word-bestand. Zo controleert u in Word of LibreOffice, zonder MDO, dat het van de ondertekenaar komt en na het ondertekenen niet is veranderd.',
  ] as GuideText[],
  sections: [
    {
      heading: '1. Eén keer: de vingerafdruk van de IB ontvangen',
      blocks: [
        p(
          'Elk certificaat heeft een vingerafdruk: letters en cijfers in groepjes van vier, zoals 3FA1 0B2C 91D4 …. De IB geeft u die één keer persoonlijk of telefonisch, niet per e-mail (een e-mail is te vervalsen). Bewaar hem bij de contactgegevens van de IB.',
        ),
        p(
          'Word en LibreOffice tonen de SHA-1-vingerafdruk; vraag de IB daarom om die. Het ondertekeningsblok in het verslag noemt de vingerafdrukken ook, maar wat in het verslag zelf staat bewijst niets: vergelijk met wat de IB u gaf.',
        ),
      ],
    },
    {
      heading: '2. In Word (Windows)',
      blocks: [
        {
          kind: 'steps',
          items: [
            ['Open het verslag en kies ', word('Bestand', 'Info', 'Handtekeningen weergeven'), '. Rechts staan de ondertekenaars.'],
            ['Klik op het pijltje naast een naam en kies ', word('Handtekeningdetails'), '.'],
            [
              'Klik op ',
              word('Weergeven'),
              ' bij het certificaat, open het tabblad ',
              windows('Details'),
              ' en kies het veld ',
              windows('Vingerafdruk'),
              '.',
            ],
            [
              'Vergelijk die groep voor groep met de SHA-1-vingerafdruk van de IB. Windows schrijft hem zonder spaties, soms in kleine letters: 3fa10b2c is hetzelfde als 3FA1 0B2C.',
            ],
          ],
        },
        p(
          'Word kent het certificaat van de school niet en kan daarom waarschuwen over het certificaat. Dat betekent niet dat het verslag is veranderd.',
        ),
      ],
    },
    {
      heading: '3. In LibreOffice',
      blocks: [
        {
          kind: 'steps',
          items: [
            [
              'Open het verslag. Bovenaan staat: ',
              lo('Het certificaat kon niet worden gevalideerd en het document is slechts gedeeltelijk ondertekend.'),
              ' Zo meldt LibreOffice een ongewijzigd verslag: het kent het certificaat van de school niet en noemt elk ondertekend Word-bestand gedeeltelijk ondertekend.',
            ],
            [
              'Klik in die balk op ',
              lo('Ondertekening tonen'),
              ' of kies ',
              lo('Bestand', 'Digitale ondertekening', 'Digitale ondertekening...'),
              '. Het venster ',
              lo('Digitale ondertekening'),
              ' toont wie heeft ondertekend en wanneer.',
            ],
            [
              'Kies een ondertekenaar, klik op ',
              lo('Certificaat weergeven...'),
              ', open het tabblad ',
              lo('Details'),
              ' en zoek ',
              lo('Controlegetal SHA1'),
              '. LibreOffice schrijft tweetallen: 3F A1 0B 2C is hetzelfde als 3FA1 0B2C.',
            ],
            ['Vergelijk die groep voor groep met de SHA-1-vingerafdruk van de IB.'],
          ],
        },
      ],
    },
    {
      heading: '4. Veranderd na het ondertekenen',
      blocks: [
        {
          kind: 'bullets',
          items: [
            [
              'LibreOffice meldt bovenaan: ',
              lo('Dit document heeft een ongeldige ondertekening.'),
              ' en in het venster ',
              lo('Digitale ondertekening'),
              ': ',
              lo('De handtekeningen in dit document zijn ongeldig'),
              '.',
            ],
            ['Word toont de handtekening als ongeldig in het deelvenster ', word('Handtekeningen'), '.'],
            ['Gebruik zo’n verslag niet en bel de IB; ook als de vingerafdruk niet klopt.'],
            [
              'Bewaar het ontvangen bestand zelf. Wie het in LibreOffice opslaat, krijgt de vraag: ',
              lo('Met opslaan worden alle bestaande handtekeningen verwijderd.'),
            ],
          ],
        },
      ],
    },
    {
      heading: '5. Vanaf nu vertrouwen',
      blocks: [
        p(
          'Klopte de vingerafdruk één keer, dan kijkt u bij elk volgend verslag alleen of de handtekening geldig is en de vingerafdruk dezelfde. Bij een nieuw certificaat geeft de IB de nieuwe vingerafdruk weer persoonlijk of telefonisch door; een andere vingerafdruk zonder zo’n bericht: bel de IB.',
        ),
        p('Word en LibreOffice blijven het certificaat niet gevalideerd noemen. Dat is goed zo: de vingerafdruk is de controle.'),
      ],
    },
  ] satisfies GuideSection[],
};

/** The app's words around the guide and the fingerprints people compare. */
export const nlRecipientGuide = {
  guide: recipientGuide,
  export: 'Uitleg voor ontvangers (Word)',
  exportHint: 'Stuur deze uitleg mee: zo controleren ontvangers de handtekening in Word of LibreOffice, zonder MDO.',
  fileName: 'Handtekening controleren - uitleg voor ontvangers.docx',
  marking: 'Uitleg voor ontvangers',
  documentId: 'MDO-UITLEG',
  ownFingerprint: 'Geef deze vingerafdruk één keer door aan de ontvangers (persoonlijk of telefonisch).',
  sha1: 'Vingerafdruk in Word en LibreOffice (SHA-1)',
  sha1Hint: 'Word en LibreOffice tonen deze SHA-1-vingerafdruk (Word: Vingerafdruk; LibreOffice: Controlegetal SHA1).',
  /** A certificate stored before MDO 0.4: its SHA-1 is known once it has been unlocked to sign. */
  sha1AfterFirstSignature: 'verschijnt hier na de eerste ondertekening met dit certificaat',
};
