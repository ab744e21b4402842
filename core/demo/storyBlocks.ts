// Building blocks for the fictional case stories of the demo schools, written
// as an IB writes them. No real persons. Placeholders, filled in caseStory.ts:
//   {name}        the pupil's first name
//   {ouder}       who speaks for the family: moeder, vader, ouders, …  ({Ouder}: capitalised)
//   {a|b}         a for one parent, b for more (verb forms: {geeft|geven})
//   {lk}          leerkracht or (secondary school) mentor  ({Lk}: capitalised)
//   {groep}       the pupil's group or class at the time, e.g. "groep 6" or "klas 2"
//   {n}           a small number (days, lessons, times), drawn per sentence
//   {periode}     a period: "sinds de kerstvakantie", "de laatste vijf weken", …

/** Where a pupil is: kleuters (groep 1-2), middenbouw (3-5), bovenbouw (6-8), voortgezet onderwijs. */
export type Level = 'kleuter' | 'midden' | 'boven' | 'vo';

/** Who can own an agreement: a kernteam role code, or the family. */
export type Owner = 'ib' | 'attendance_officer' | 'ggd' | 'cjg' | 'school_social_worker' | 'inclusive_education' | 'parents' | 'pupil';

export interface Topic {
  key: string;
  /** The theme code this story belongs to (a case's first theme). */
  theme: 'absence' | 'social_emotional' | 'learning' | 'family' | 'health' | 'safety';
  levels: Level[];
  /** Roles that would naturally be trekker: a topic that fits the trekker is chosen more often. */
  leads: Owner[];
  /** What "it" is in a generic sentence: "het verzuim", "de boosheid". */
  subject: string;
  /** What school and family see, one sentence each; the question uses two. */
  signals: string[];
  /** The question the school asks the kernteam. */
  asks: string[];
  /** The joint analysis, one or two per case. */
  analysis: string[];
  /** Progress in a later discussion. */
  progress: string[];
  /** A setback or no change in a later discussion. */
  setback: string[];
  agreements: Partial<Record<Owner, string[]>>;
}

export const PERIODS = [
  'sinds de kerstvakantie',
  'de laatste vijf weken',
  'sinds de start van het schooljaar',
  'al een paar maanden',
  'sinds de voorjaarsvakantie',
  'de afgelopen weken',
  'sinds de meivakantie',
  'sinds de verhuizing',
];

export const CAREGIVERS: { one: string; plural: boolean }[] = [
  { one: 'moeder', plural: false },
  { one: 'vader', plural: false },
  { one: 'ouders', plural: true },
  { one: 'moeder', plural: false },
  { one: 'ouders', plural: true },
  { one: 'oma', plural: false },
  { one: 'pleegouders', plural: true },
];

export const TEACHERS: Record<Level, string[]> = {
  kleuter: ['de leerkracht', 'de kleuterleerkracht', 'de duo-leerkrachten'],
  midden: ['de leerkracht', 'de groepsleerkracht', 'de duo-leerkracht'],
  boven: ['de leerkracht', 'de groepsleerkracht', 'de leerkracht'],
  vo: ['de mentor', 'de mentor', 'de zorgcoördinator'],
};

export const TOPICS: Topic[] = [
  {
    key: 'verzuim-maandag',
    theme: 'absence',
    levels: ['midden', 'boven', 'vo'],
    leads: ['attendance_officer', 'ggd'],
    subject: 'het verzuim',
    signals: [
      '{name} is {periode} {n} keer ziek gemeld, bijna altijd op maandag of na een vrije dag.',
      '{Ouder} {meldt|melden} {name} regelmatig ziek met buikpijn; op school zijn er geen klachten.',
      '{name} heeft {periode} {n} dagen gemist en loopt daardoor achter met de instructie.',
      'Het verzuim is opgelopen tot ruim tien procent van de lestijd.',
    ],
    asks: [
      'Wat is er nodig om {name} weer elke dag op school te krijgen?',
      'Hoe krijgen we zicht op wat er achter de ziekmeldingen zit?',
      'Wie kan met {ouder} in gesprek over de ziekmeldingen, zonder dat het een beschuldiging wordt?',
    ],
    analysis: [
      'Het verzuim lijkt samen te hangen met spanning rond de start van de week; medisch is er geen verklaring gevonden.',
      'Thuis is de ochtend onrustig; {ouder} {werkt|werken} vroeg en {name} staat er dan alleen voor.',
      'Het patroon past bij zorgwekkend ziekteverzuim; een gesprek met de jeugdarts ligt voor de hand.',
    ],
    progress: [
      '{name} is sinds het vorige overleg maar één dag afwezig geweest.',
      'De ziekmeldingen op maandag zijn gestopt; {name} komt weer met plezier.',
      'Het verzuim is gehalveerd; {ouder} {belt|bellen} nu zelf als er iets is.',
    ],
    setback: [
      'Na een goede start is {name} opnieuw {n} dagen ziek gemeld.',
      'Het verzuim is niet minder geworden; {ouder} {komt|komen} niet naar de afspraken.',
    ],
    agreements: {
      attendance_officer: [
        'Preventief gesprek leerplicht met {ouder} en {name}',
        'Verzuimoverzicht van de laatste drie maanden bespreken met {ouder}',
      ],
      ggd: [
        'Jeugdarts nodigt {name} en {ouder} uit op het spreekuur over het ziekteverzuim',
        'Medisch advies vragen over de buikpijnklachten',
      ],
      ib: ['Aanwezigheid wekelijks bijhouden en doorgeven aan de trekker', 'Bij elke ziekmelding dezelfde dag terugbellen naar {ouder}'],
      parents: ['{Ouder} {meldt|melden} {name} voortaan vóór half negen telefonisch ziek bij de leerkracht'],
      pupil: ['{name} houdt met de leerkracht bij hoe de maandagen gaan'],
    },
  },
  {
    key: 'te-laat',
    theme: 'absence',
    levels: ['kleuter', 'midden', 'boven', 'vo'],
    leads: ['attendance_officer', 'cjg'],
    subject: 'het te laat komen',
    signals: [
      '{name} komt {periode} bijna dagelijks te laat, soms pas om half tien.',
      '{name} is dit schooljaar al {n} keer te laat gekomen en mist zo de start van de dag.',
      'In de ochtend lukt het thuis niet om op tijd weg te gaan; {name} wordt dan later gebracht.',
    ],
    asks: [
      'Hoe krijgen we samen met {ouder} weer een vast ochtendritme?',
      'Wat helpt dit gezin om de ochtenden rustiger te laten verlopen?',
    ],
    analysis: [
      'Het gezin heeft weinig structuur in de ochtend; er zijn jongere broertjes en zusjes die ook gebracht moeten worden.',
      '{Ouder} {herkent|herkennen} het probleem en {wil|willen} hulp bij het ritme thuis.',
    ],
    progress: ['{name} is de laatste weken maar twee keer te laat gekomen.', 'Het ochtendschema werkt: {name} is bijna altijd op tijd.'],
    setback: ['Het te laat komen is weer toegenomen sinds de vakantie.', 'Er is geen verandering; de afspraken met {ouder} lopen niet.'],
    agreements: {
      attendance_officer: ['Brief over het te laat komen en uitnodiging voor een gesprek leerplicht'],
      cjg: ['Ouder- en kindadviseur maakt met {ouder} een ochtendschema', 'Huisbezoek om de ochtendroutine te bespreken'],
      ib: ['Te laat komen dagelijks noteren en na twee weken evalueren'],
      parents: ['{Ouder} {brengt|brengen} {name} om kwart over acht naar het hek'],
    },
  },
  {
    key: 'schoolweigering',
    theme: 'absence',
    levels: ['boven', 'vo'],
    leads: ['attendance_officer', 'school_social_worker', 'inclusive_education'],
    subject: 'de schoolweigering',
    signals: [
      '{name} weigert {periode} naar school te gaan en zit nu {n} dagen thuis.',
      '{name} haakt af na het tweede uur en gaat dan naar huis; thuis zit {name} vooral op de kamer.',
      'Volgens {ouder} is {name} erg angstig om naar school te gaan.',
      '{name} dreigt thuiszitter te worden: de laatste {n} schooldagen was {name} er geen enkele keer.',
    ],
    asks: [
      'Hoe voorkomen we dat {name} thuiszitter wordt, en wat is een haalbare eerste stap terug naar school?',
      'Welk aanbod kan {name} helpen om stap voor stap weer naar school te komen?',
    ],
    analysis: [
      'Er lijkt sprake van angst; het schoolgebouw en de drukte in de pauze zijn voor {name} te veel.',
      'Er is meer nodig dan school alleen kan bieden; een opbouwschema met een vast aanspreekpunt is nodig.',
    ],
    progress: [
      '{name} komt nu drie ochtenden per week, met een vaste plek in het ondersteuningslokaal.',
      'Het opbouwschema loopt; {name} volgt weer de meeste lessen.',
    ],
    setback: [
      'De opbouw is stilgevallen: {name} is na een vervelend incident weer thuis.',
      'Het lukt nog niet: {name} komt de deur niet uit.',
    ],
    agreements: {
      attendance_officer: [
        'Gesprek leerplicht, ouders, leerling en school over een opbouwschema',
        'Thuiszittersoverleg van de gemeente inschakelen',
      ],
      inclusive_education: ['Aanvraag arrangement voor een tijdelijk aangepast rooster', 'Mogelijkheden onderwijs op afstand onderzoeken'],
      school_social_worker: ['Wekelijkse gesprekken met {name} over wat spannend is', 'Verwijzing naar jeugd-GGZ voorbereiden met {ouder}'],
      ib: ['Vast aanspreekpunt op school regelen en een rustige werkplek inrichten'],
      pupil: ['{name} komt maandag en woensdag het eerste uur naar school'],
    },
  },
  {
    key: 'luxeverzuim',
    theme: 'absence',
    levels: ['kleuter', 'midden', 'boven'],
    leads: ['attendance_officer'],
    subject: 'het verlof buiten de vakanties',
    signals: [
      '{name} is na de vakantie {n} dagen later teruggekomen dan afgesproken.',
      'Het gezin vraagt vaak verlof aan voor familiebezoek in het buitenland; niet elk verzoek is toegekend.',
      '{name} mist regelmatig vrijdagen voor een lang weekend.',
    ],
    asks: ['Hoe maken we met {ouder} duidelijke afspraken over verlof en wat betekent het gemiste voor {name}?'],
    analysis: ['{Ouder} {kent|kennen} de regels over verlof niet goed; er speelt ook een zieke opa in het land van herkomst.'],
    progress: [
      'Er is sindsdien geen ongeoorloofd verzuim meer geweest.',
      '{Ouder} {heeft|hebben} het verlof dit keer tijdig en via de juiste weg aangevraagd.',
    ],
    setback: ['Na de kerstvakantie was {name} opnieuw een week later terug.'],
    agreements: {
      attendance_officer: ['Voorlichtingsgesprek over de leerplichtregels met {ouder}', 'Beoordelen of een proces-verbaal nodig is'],
      ib: ['Gemiste lesstof in een thuiswerkpakket meegeven'],
      parents: ['{Ouder} {vraagt|vragen} verlof minstens acht weken vooraf schriftelijk aan'],
    },
  },
  {
    key: 'boosheid',
    theme: 'social_emotional',
    levels: ['kleuter', 'midden', 'boven'],
    leads: ['school_social_worker', 'inclusive_education', 'cjg'],
    subject: 'de boze buien',
    signals: [
      '{name} raakt bij tegenslag snel boos en gooit dan met spullen.',
      'Op het plein zijn er {periode} {n} incidenten geweest waarbij {name} andere kinderen heeft geschopt.',
      '{name} kan moeilijk verliezen bij spelletjes en loopt dan boos de klas uit.',
      'Na de pauze komt {name} vaak gespannen binnen en is de middag onrustig.',
    ],
    asks: [
      'Wat heeft {name} nodig om zich beter te reguleren, in de klas en op het plein?',
      'Hoe kunnen school en thuis dezelfde aanpak volgen bij de boze buien?',
      'Is er meer aan de hand dan gedrag, en welke ondersteuning past daarbij?',
    ],
    analysis: [
      'De boosheid ontstaat vooral in ongestructureerde momenten; in de klas met duidelijke regels gaat het beter.',
      'Thuis herkent {ouder} het gedrag; {name} slaapt slecht en is snel overprikkeld.',
      'Er is mogelijk meer aan de hand; een observatie geeft zicht op wat {name} nodig heeft.',
    ],
    progress: [
      '{name} gebruikt het time-outkaartje en er zijn minder incidenten op het plein.',
      'Het gaat beter: {name} speelt in de pauze met een vast maatje en is rustiger.',
      'De aanpak werkt; de leerkracht ziet dat {name} eerder hulp vraagt.',
    ],
    setback: [
      'Er was opnieuw een fors incident op het plein; een ander kind raakte gewond.',
      'De boze buien nemen weer toe sinds er een invaller in de groep staat.',
    ],
    agreements: {
      school_social_worker: [
        'Vijf kindgesprekken over boosheid met de Kanjer- of Rots-en-Water-methode',
        'Gesprek met {ouder} over wat thuis helpt bij boosheid',
      ],
      inclusive_education: [
        'Observatie in de klas en op het plein door de consulent passend onderwijs',
        'Advies over een prikkelarme werkplek',
      ],
      cjg: ['Opvoedondersteuning voor {ouder}: omgaan met driftbuien'],
      ib: ['Plein-afspraken maken met de pleinwacht en een vast maatje regelen', 'Handelingsplan gedrag opstellen met de leerkracht'],
      parents: ['{Ouder} {houdt|houden} twee weken bij wanneer {name} thuis boos wordt'],
      pupil: ['{name} gebruikt het time-outkaartje als het te veel wordt'],
    },
  },
  {
    key: 'teruggetrokken',
    theme: 'social_emotional',
    levels: ['kleuter', 'midden', 'boven', 'vo'],
    leads: ['school_social_worker', 'cjg', 'ggd'],
    subject: 'het teruggetrokken gedrag',
    signals: [
      '{name} zegt in de klas bijna niets en speelt in de pauze alleen.',
      '{name} oogt {periode} somber en lacht weinig.',
      'Bij groepswerk trekt {name} zich terug; klasgenoten lijken {name} over het hoofd te zien.',
      'In het kindgesprek zegt {name} geen vriendjes te hebben in de klas.',
    ],
    asks: [
      'Hoe helpen we {name} zich veiliger te voelen in de groep?',
      'Wat is er aan de hand met {name}, en wie kan het gesprek met {name} en {ouder} aangaan?',
    ],
    analysis: [
      '{name} is sinds de overgang naar deze groep uit het oude vriendengroepje geraakt.',
      'Thuis is {name} wel open; het gedrag beperkt zich tot school.',
      'Er spelen zorgen over somberheid; de jeugdverpleegkundige wil meekijken.',
    ],
    progress: ['{name} heeft een maatje gevonden en doet mee met het spel in de pauze.', '{name} steekt weer vinger op en oogt vrolijker.'],
    setback: ['{name} trekt zich verder terug en wil niet meer mee op schoolreis.', 'Het gaat niet beter; {name} meldt zich vaker ziek.'],
    agreements: {
      school_social_worker: ['Kindgesprekken over hoe {name} zich voelt in de groep', 'Deelname aan een sociale-vaardigheidstraining'],
      ggd: ['Jeugdverpleegkundige voert een gesprek met {name} over stemming en slaap'],
      cjg: ['Gesprek met {ouder} over wat {name} thuis vertelt'],
      ib: ['Sociogram in de groep afnemen en de groepsdynamiek bespreken met de leerkracht'],
      pupil: ['{name} kiest met de leerkracht een maatje voor de pauze'],
    },
  },
  {
    key: 'pesten',
    theme: 'social_emotional',
    levels: ['midden', 'boven', 'vo'],
    leads: ['school_social_worker', 'ib'],
    subject: 'het pesten',
    signals: [
      '{name} wordt volgens {ouder} al een tijd gepest, ook via de groepsapp.',
      '{name} komt regelmatig huilend thuis en wil niet meer naar gym.',
      'Er zijn {periode} meerdere meldingen van uitschelden en buitensluiten.',
    ],
    asks: [
      'Hoe stoppen we het pesten en hoe herstelt {name} het vertrouwen in de groep?',
      'Wat is nodig zodat {name} zich weer veilig voelt op school?',
    ],
    analysis: [
      'Het pesten speelt vooral online en buiten het zicht van de leerkracht.',
      'De hele groep is betrokken; een groepsaanpak is nodig naast steun voor {name}.',
    ],
    progress: [
      'Na de groepsgesprekken is het pesten gestopt; {name} voelt zich veiliger.',
      'De groepsapp is opgeheven en {name} geeft aan dat het beter gaat.',
    ],
    setback: ['Het pesten is verplaatst naar buiten school; {name} durft niet meer alleen naar huis.'],
    agreements: {
      school_social_worker: ['Steungroepaanpak in de groep uitvoeren', 'Gesprekken met {name} over weerbaarheid'],
      ib: ['Anti-pestcoördinator informeert alle ouders van de groep', 'Incidenten vastleggen in het leerlingvolgsysteem'],
      parents: ['{Ouder} {bewaart|bewaren} schermafbeeldingen van de berichten en {meldt|melden} nieuwe incidenten'],
    },
  },
  {
    key: 'faalangst',
    theme: 'social_emotional',
    levels: ['boven', 'vo'],
    leads: ['school_social_worker', 'inclusive_education'],
    subject: 'de faalangst',
    signals: [
      '{name} raakt in paniek bij toetsen en levert dan een leeg blad in.',
      '{name} heeft {periode} {n} keer buikpijn gehad op een toetsdag.',
      '{name} durft geen fouten te maken en begint daardoor niet aan opdrachten.',
    ],
    asks: ['Hoe leren we {name} omgaan met spanning bij toetsen?', 'Welke begeleiding helpt {name} om met de faalangst om te gaan?'],
    analysis: ['De lat ligt hoog, thuis en bij {name} zelf; de spanning neemt toe nu de overstap dichterbij komt.'],
    progress: [
      '{name} heeft de laatste toetsen gemaakt met een time-timer en een aparte plek.',
      '{name} is trots: de laatste toets ging zonder paniek.',
    ],
    setback: ['De faalangst is toegenomen rond de toetsweek; {name} bleef twee dagen thuis.'],
    agreements: {
      school_social_worker: ['Faalangstreductietraining in een klein groepje'],
      inclusive_education: ['Advies over toetsaanpassingen en extra tijd'],
      ib: ['Toetsen voortaan vooraf aankondigen en in een aparte ruimte aanbieden'],
      pupil: ['{name} oefent de ademhalingsoefening voor elke toets'],
    },
  },
  {
    key: 'rouw',
    theme: 'social_emotional',
    levels: ['midden', 'boven', 'vo'],
    leads: ['school_social_worker', 'cjg'],
    subject: 'het verlies',
    signals: [
      'Kort geleden is de opa van {name}, die veel voor het gezin deed, overleden.',
      '{name} is {periode} snel in tranen en kan zich slecht concentreren.',
      'Een ouder van {name} is langdurig in het ziekenhuis opgenomen; het gezin staat onder spanning.',
    ],
    asks: ['Hoe kan school {name} steunen in deze verdrietige periode, en heeft het gezin hulp nodig?'],
    analysis: ['{name} houdt het verdriet thuis binnen om {ouder} te sparen; op school komt het eruit.'],
    progress: [
      '{name} heeft een eigen plekje om even tot rust te komen en praat er meer over.',
      '{name} draagt een herinneringsboekje mee; het helpt.',
    ],
    setback: ['Rond de verjaardag van opa was {name} erg verdrietig en kwam niet op school.'],
    agreements: {
      school_social_worker: ['Rouwgesprekken met {name}', 'Informatie over rouwverwerking bij kinderen geven aan {ouder}'],
      cjg: ['Gezinsgesprek over hoe thuis met het verlies wordt omgegaan'],
      ib: ['Leerkracht spreekt met {name} een stopteken af voor moeilijke momenten'],
    },
  },
  {
    key: 'dyslexie',
    theme: 'learning',
    levels: ['midden', 'boven'],
    leads: ['inclusive_education', 'ib'],
    subject: 'de leesachterstand',
    signals: [
      '{name} heeft ondanks drie periodes extra leesbegeleiding een E-score op DMT en spelling.',
      '{name} leest erg langzaam en raadt woorden; het leesplezier is weg.',
      'In {groep} loopt {name} ongeveer een jaar achter met technisch lezen.',
      'Ook in de familie komt dyslexie voor, vertelt {ouder}.',
    ],
    asks: [
      'Komt {name} in aanmerking voor een dyslexieonderzoek, en wat kan de groep ondertussen doen?',
      'Is de achterstand hardnekkig genoeg voor een onderzoek via de zorgverzekeraar?',
    ],
    analysis: [
      'Het dossier laat een hardnekkig leesprobleem zien; de criteria voor een vermoeden van ernstige dyslexie lijken te worden gehaald.',
      '{name} is gemotiveerd, maar raakt gefrustreerd bij voorlezen in de klas.',
    ],
    progress: [
      'Het onderzoek is afgerond: de diagnose dyslexie is gesteld en de behandeling start.',
      '{name} werkt met voorleessoftware en de leestoets laat groei zien.',
    ],
    setback: [
      'De aanvraag is teruggestuurd: er ontbreken gegevens in het leesdossier.',
      'Er is een wachttijd van vier maanden bij de dyslexiezorgaanbieder.',
    ],
    agreements: {
      inclusive_education: [
        'Leesdossier beoordelen en advies geven over een dyslexieonderzoek',
        'Dyslexieverklaring en de aanpassingen bespreken met leerkracht en ouders',
      ],
      ib: [
        'Leesdossier compleet maken met de toetsgegevens van drie meetmomenten',
        'Dagelijks tien minuten extra leesinstructie in de groep inplannen',
      ],
      parents: ['{Ouder} {leest|lezen} elke avond een kwartier samen met {name}'],
      pupil: ['{name} oefent met het leesprogramma op de tablet'],
    },
  },
  {
    key: 'rekenen',
    theme: 'learning',
    levels: ['midden', 'boven', 'vo'],
    leads: ['inclusive_education', 'ib'],
    subject: 'de rekenachterstand',
    signals: [
      '{name} loopt met rekenen ver achter; de tafels en het klokkijken lukken niet.',
      'Bij rekenen zit {name} vaak te staren en vraagt geen hulp.',
      '{name} scoort al drie keer een V op de rekentoets, ondanks verlengde instructie.',
    ],
    asks: [
      'Is er sprake van dyscalculie, en welk aanbod past bij {name}?',
      'Wat kan {name} met rekenen wél, en hoe bouwen we daarop verder?',
    ],
    analysis: [
      'De basisvaardigheden zijn niet geautomatiseerd; met concreet materiaal lukt meer.',
      'Er is twijfel of het niveau van de groep nog haalbaar is; een eigen leerlijn wordt besproken.',
    ],
    progress: ['Met materiaal en een eigen leerlijn maakt {name} weer stappen.', 'De tafels zijn bijna geautomatiseerd; {name} is trots.'],
    setback: ['De laatste toets laat geen groei zien; {name} raakt ontmoedigd.'],
    agreements: {
      inclusive_education: ['Handelingsgericht onderzoek naar de rekenontwikkeling', 'Advies over een eigen leerlijn rekenen'],
      ib: ['Rekenplan op maat opstellen met de leerkracht', 'Gesprek met {ouder} over het ontwikkelingsperspectief'],
      parents: ['{Ouder} {oefent|oefenen} thuis met het tafelspel'],
    },
  },
  {
    key: 'concentratie',
    theme: 'learning',
    levels: ['midden', 'boven', 'vo'],
    leads: ['inclusive_education', 'ggd', 'ib'],
    subject: 'de concentratie',
    signals: [
      '{name} is snel afgeleid, maakt het werk niet af en loopt veel door de klas.',
      '{name} kan zich hooguit tien minuten concentreren; daarna gaat het mis.',
      'Volgens {ouder} is {name} thuis ook erg druk; de huisarts heeft eerder doorverwezen.',
    ],
    asks: [
      'Wat heeft {name} nodig om tot werken te komen, en is verder onderzoek nodig?',
      'Hoe ondersteunen we de concentratie van {name} in de klas?',
    ],
    analysis: [
      'Er is een vermoeden van ADHD; school en thuis zien hetzelfde beeld.',
      'Het werk is te lang en te talig; met korte opdrachten lukt het beter.',
    ],
    progress: [
      'Met een dagplanning en korte opdrachten maakt {name} meer werk af.',
      '{name} gebruikt de koptelefoon en werkt geconcentreerder.',
    ],
    setback: ['Het onderzoek laat op zich wachten en de onrust in de klas neemt toe.'],
    agreements: {
      inclusive_education: ['Observatie in de klas met aandacht voor taakaanpak'],
      ggd: ['Jeugdarts bespreekt met {ouder} of verwijzing voor onderzoek nodig is'],
      ib: ['Dagplanning met pictogrammen en korte werkblokken invoeren'],
      parents: ['{Ouder} {vraagt|vragen} de huisarts om een verwijzing'],
    },
  },
  {
    key: 'meerbegaafd',
    theme: 'learning',
    levels: ['kleuter', 'midden', 'boven'],
    leads: ['inclusive_education', 'ib'],
    subject: 'het onderpresteren',
    signals: [
      '{name} begrijpt de lesstof snel, verveelt zich en haakt dan af.',
      '{name} maakt het werk slordig af en stoort daarna anderen.',
      'Thuis stelt {name} veel vragen en leest boeken ver boven het niveau van de groep.',
    ],
    asks: ['Welk aanbod past beter bij {name}, zodat het plezier in leren terugkomt?'],
    analysis: ['{name} onderpresteert; compacten en verrijken zijn nog niet structureel ingezet.'],
    progress: [
      '{name} gaat één ochtend per week naar de plusklas en is weer gemotiveerd.',
      'Met compacten en verrijken is {name} rustiger in de klas.',
    ],
    setback: ['{name} vindt de plusklas spannend en wil er niet meer heen.'],
    agreements: {
      inclusive_education: ['Advies over verrijkingsaanbod en eventuele versnelling'],
      ib: ['Aanmelden voor de plusklas', 'Compacten en verrijken inplannen in het weekrooster'],
      pupil: ['{name} kiest zelf een onderzoeksopdracht voor de verrijkingstijd'],
    },
  },
  {
    key: 'taal-kleuter',
    theme: 'learning',
    levels: ['kleuter'],
    leads: ['inclusive_education', 'ggd'],
    subject: 'de taalontwikkeling',
    signals: [
      '{name} spreekt in korte zinnetjes en is moeilijk te verstaan.',
      '{name} begrijpt de opdrachten in de kring vaak niet en kijkt dan naar andere kinderen.',
      'Thuis wordt vooral een andere taal gesproken; {name} kwam met weinig Nederlands op school.',
    ],
    asks: ['Is er sprake van een taalontwikkelingsstoornis, of is meer taalaanbod genoeg?'],
    analysis: ['Het taalbegrip blijft achter bij leeftijdgenoten; onderzoek naar het gehoor is nog niet gedaan.'],
    progress: [
      'De logopedie is gestart en {name} durft meer te vertellen in de kring.',
      'Het gehoor is goed; met extra taalaanbod maakt {name} groei.',
    ],
    setback: ['Het gehooronderzoek moet over; de wachttijd is lang.'],
    agreements: {
      ggd: ['Gehoortest door de jeugdarts aanvragen', 'Jeugdverpleegkundige bespreekt met {ouder} de verwijzing naar de logopedist'],
      inclusive_education: ['Aanmelden bij het audiologisch centrum bespreken'],
      ib: ['Extra taalgroepje twee keer per week inplannen'],
      parents: ['{Ouder} {gaat|gaan} met {name} naar de bibliotheek voor voorleesboeken'],
    },
  },
  {
    key: 'overstap-po-vo',
    theme: 'learning',
    levels: ['boven'],
    leads: ['ib', 'inclusive_education', 'school_social_worker'],
    subject: 'de overstap naar het voortgezet onderwijs',
    signals: [
      '{name} zit in groep 8 en is erg onzeker over de overstap naar het voortgezet onderwijs.',
      '{Ouder} en school verschillen van mening over het schooladvies.',
      '{name} heeft extra ondersteuning nodig, maar het is niet duidelijk welke vo-school die kan bieden.',
    ],
    asks: ['Hoe zorgen we voor een goede overstap naar een vo-school die past bij {name}?'],
    analysis: ['Een warme overdracht is nodig; de ondersteuningsbehoefte moet vóór de aanmelding helder zijn.'],
    progress: [
      '{name} is aangenomen op een school met een kleine brugklas; de warme overdracht is gepland.',
      'Na het gesprek over het advies kunnen {ouder} zich erin vinden.',
    ],
    setback: ['De eerste vo-school heeft {name} afgewezen; er moet opnieuw gezocht worden.'],
    agreements: {
      ib: ['Onderwijskundig rapport opstellen voor de vo-school', 'Warme overdracht plannen met de zorgcoördinator van de vo-school'],
      inclusive_education: ['Meedenken over een passende vo-school en de ondersteuning daar'],
      school_social_worker: ['Gesprek met {name} over wat spannend is aan de nieuwe school'],
      parents: ['{Ouder} {bezoekt|bezoeken} met {name} twee open dagen'],
    },
  },
  {
    key: 'brugklas',
    theme: 'learning',
    levels: ['vo'],
    leads: ['inclusive_education', 'school_social_worker'],
    subject: 'de start in de brugklas',
    signals: [
      '{name} heeft moeite met plannen sinds de overstap naar de brugklas; het huiswerk komt niet af.',
      '{name} staat voor {n} vakken onvoldoende.',
      'De overdracht van de basisschool vermeldde al zorgen over de werkhouding.',
    ],
    asks: ['Hoe helpen we {name} om het overzicht terug te krijgen, en welk niveau past?'],
    analysis: ['De structuur van de basisschool valt weg; {name} overziet de planning en de vele docenten niet.'],
    progress: [
      'Met de huiswerkbegeleiding en een weekplanning is {name} weer bij.',
      'De cijfers gaan omhoog; {name} voelt zich meer thuis in de klas.',
    ],
    setback: ['De cijfers zijn verder gezakt; een overstap naar een ander niveau wordt besproken.'],
    agreements: {
      inclusive_education: ['Advies over een ondersteuningsarrangement in de brugklas'],
      school_social_worker: ['Gesprek met {name} over hoe de eerste maanden gaan'],
      ib: ['Mentor zet een weekplanning met {name} op en checkt die elke maandag'],
      pupil: ['{name} gaat drie middagen naar de huiswerkklas'],
    },
  },
  {
    key: 'scheiding',
    theme: 'family',
    levels: ['kleuter', 'midden', 'boven', 'vo'],
    leads: ['cjg', 'school_social_worker'],
    subject: 'de scheiding',
    signals: [
      'De ouders van {name} zijn {periode} uit elkaar; er is veel spanning over de omgang.',
      '{name} wisselt elke week van huis en vergeet daardoor regelmatig spullen en huiswerk.',
      '{name} vertelt in de kring dat papa en mama veel ruzie maken.',
      'Beide ouders willen apart geïnformeerd worden en spreken elkaar tegen.',
    ],
    asks: [
      'Welke ondersteuning past bij dit gezin na de scheiding, en hoe houdt {name} het overzicht?',
      'Hoe kan school neutraal blijven en toch {name} steunen?',
    ],
    analysis: [
      '{name} zit klem tussen de ouders; er is behoefte aan duidelijke afspraken over informatie van school.',
      'De spanning thuis uit zich op school in onrust en verdriet.',
    ],
    progress: [
      'De ouders hebben een ouderschapsplan gemaakt; {name} oogt rustiger.',
      '{name} praat in de KIES-groep over de scheiding en voelt zich minder alleen.',
    ],
    setback: ['Er is een nieuwe ruzie over de omgang; {name} wil niet meer naar vader.'],
    agreements: {
      cjg: ['Gesprek met beide ouders over een ouderschapsplan', 'Verwijzen naar een cursus ouderschap na scheiding'],
      school_social_worker: [
        'Aanmelden voor een KIES-groep (kinderen in echtscheidingssituaties)',
        'Kindgesprekken over het wonen in twee huizen',
      ],
      ib: ['Beide ouders apart uitnodigen voor het oudergesprek'],
      parents: ['Beide ouders maken een vast weekschema met wie {name} ophaalt'],
    },
  },
  {
    key: 'armoede',
    theme: 'family',
    levels: ['kleuter', 'midden', 'boven', 'vo'],
    leads: ['school_social_worker', 'cjg'],
    subject: 'de geldzorgen',
    signals: [
      '{name} komt regelmatig zonder ontbijt en zonder fruit op school.',
      '{name} heeft geen passende winterjas en gaat niet mee op schoolreis.',
      '{Ouder} {vertelt|vertellen} dat er grote geldzorgen zijn sinds het verlies van werk.',
      '{name} kan niet meedoen met sport; de ouderbijdrage is nog niet betaald.',
    ],
    asks: ['Hoe zorgen we dat {name} mee kan doen, en vindt het gezin de weg naar hulp bij geldzorgen?'],
    analysis: [
      'Het gezin schaamt zich voor de situatie en kent de regelingen niet.',
      'Er zijn schulden; {ouder} {staat|staan} er alleen voor.',
    ],
    progress: [
      'Via Stichting Leergeld heeft {name} een fiets en een sportclub; het gezin krijgt schuldhulp.',
      'Het gezin ontvangt toeslagen en {name} ging mee op schoolreis.',
    ],
    setback: ['{Ouder} {heeft|hebben} de afspraak bij de schuldhulpverlening afgezegd.'],
    agreements: {
      school_social_worker: [
        'Met {ouder} een aanvraag doen bij Stichting Leergeld',
        'Samen met {ouder} naar de schuldhulpverlening van de gemeente',
      ],
      cjg: ['Ouder- en kindadviseur gaat op huisbezoek en brengt de hulpvraag in kaart'],
      ib: ['Ontbijt op school regelen via het schoolontbijtprogramma', 'Ouderbijdrage en schoolreis laten betalen uit het schoolfonds'],
    },
  },
  {
    key: 'onbereikbaar',
    theme: 'family',
    levels: ['kleuter', 'midden', 'boven', 'vo'],
    leads: ['school_social_worker', 'attendance_officer', 'cjg'],
    subject: 'het contact met thuis',
    signals: [
      '{Ouder} {is|zijn} moeilijk bereikbaar: telefoon en e-mail worden niet beantwoord.',
      '{Ouder} {is|zijn} niet gekomen op de laatste {n} oudergesprekken.',
      'Brieven en rapporten komen niet terug getekend; er is geen zicht op de thuissituatie.',
    ],
    asks: ['Hoe krijgen we contact met {ouder} en zicht op wat {name} nodig heeft?', 'Wie kan het contact met thuis herstellen?'],
    analysis: [
      '{Ouder} {spreekt|spreken} weinig Nederlands; de brieven worden niet begrepen.',
      '{Ouder} {heeft|hebben} eerder slechte ervaringen gehad met school en houdt afstand.',
    ],
    progress: [
      'Er is een huisbezoek geweest; {ouder} {is|zijn} nu via de app goed bereikbaar.',
      'Met een tolk verliep het oudergesprek goed; er zijn afspraken gemaakt.',
    ],
    setback: ['Ook de huisbezoeken leverden geen contact op.'],
    agreements: {
      school_social_worker: ['Huisbezoek met de leerkracht plannen', 'Tolk regelen voor het volgende oudergesprek'],
      attendance_officer: ['Leerplicht stuurt een uitnodiging voor een gesprek als contact uitblijft'],
      cjg: ['Ouder- en kindadviseur legt contact via het buurthuis'],
      ib: ['Eén vast contactmoment per week met {ouder} afspreken'],
    },
  },
  {
    key: 'mantelzorg',
    theme: 'family',
    levels: ['boven', 'vo'],
    leads: ['school_social_worker', 'cjg'],
    subject: 'de zorg thuis',
    signals: [
      '{name} zorgt thuis veel voor een zieke moeder en voor de jongere kinderen.',
      '{name} is vaak moe en heeft het huiswerk niet gemaakt omdat er thuis veel te doen is.',
      '{name} mist {periode} regelmatig het eerste uur om een broertje naar school te brengen.',
    ],
    asks: ['Hoe kunnen we {name} als jonge mantelzorger ontlasten, zodat er ruimte is voor school?'],
    analysis: [
      '{name} draagt te veel verantwoordelijkheid; er is geen hulp in het netwerk.',
      'Het gezin vraagt niet om hulp, uit angst dat de zorg wordt overgenomen.',
    ],
    progress: [
      'Er komt nu twee keer per week hulp in huis; {name} heeft weer tijd voor vrienden.',
      '{name} gaat naar de groep voor jonge mantelzorgers en vindt het fijn.',
    ],
    setback: ['De situatie thuis is verslechterd; {name} is meer afwezig.'],
    agreements: {
      school_social_worker: ['Gesprek met {name} over wat de zorg thuis vraagt', 'Aanmelden bij het steunpunt jonge mantelzorgers'],
      cjg: ['Met het gezin de mogelijkheden voor hulp in huis via de Wmo bespreken'],
      ib: ['Huiswerk en toetsen afstemmen op de thuissituatie'],
    },
  },
  {
    key: 'nieuwkomer',
    theme: 'family',
    levels: ['kleuter', 'midden', 'boven', 'vo'],
    leads: ['cjg', 'school_social_worker'],
    subject: 'de nieuwe start',
    signals: [
      'Het gezin is kort geleden verhuisd en heeft nog geen netwerk in de wijk.',
      'Het gezin woont tijdelijk in een opvanglocatie; {name} slaapt met het hele gezin in één kamer.',
      '{name} heeft al op {n} scholen gezeten; het dossier is onvolledig.',
    ],
    asks: ['Hoe zorgen we dat {ouder} de weg naar hulp vinden en {name} hier een goede start maakt?'],
    analysis: ['De woonsituatie is onzeker; het gezin heeft vooral behoefte aan rust en een vast aanspreekpunt.'],
    progress: [
      'Het gezin heeft een woning in de wijk gekregen; {name} is rustiger.',
      '{Ouder} {kent|kennen} nu het buurtteam en {gaat|gaan} naar de taalcafés.',
    ],
    setback: ['Het gezin moet opnieuw verhuizen; de onrust bij {name} neemt toe.'],
    agreements: {
      cjg: ['Kennismakingsgesprek met {ouder} over opvoeden in een nieuwe omgeving', 'Contact leggen met het buurtteam'],
      school_social_worker: ['Samen met {ouder} de voorzieningen in de wijk in kaart brengen'],
      ib: ['Gegevens opvragen bij de vorige school'],
      parents: ['{Ouder} {meldt|melden} zich aan bij de peuter- en ouderactiviteiten van het buurthuis'],
    },
  },
  {
    key: 'opvoeden',
    theme: 'family',
    levels: ['kleuter', 'midden'],
    leads: ['cjg'],
    subject: 'het opvoeden',
    signals: [
      '{Ouder} {vraagt|vragen} zelf om hulp: thuis luistert {name} niet en de avonden lopen uit de hand.',
      '{name} bepaalt thuis veel; bij het halen loopt het regelmatig mis op het plein.',
      '{Ouder} {voelt|voelen} zich onzeker in de opvoeding van {name}.',
    ],
    asks: ['Welke opvoedondersteuning past bij dit gezin?', 'Hoe kan {ouder} thuis meer grip krijgen, en wat doet school in de klas?'],
    analysis: ['{Ouder} {wil|willen} graag; er ontbreekt vooral rust en een vaste structuur.'],
    progress: [
      '{Ouder} {volgt|volgen} de opvoedcursus en ziet thuis verschil.',
      'Het bedritueel werkt; {name} komt uitgeruster op school.',
    ],
    setback: ['{Ouder} {is|zijn} gestopt met de cursus; het is thuis weer onrustig.'],
    agreements: {
      cjg: ['Ouder- en kindadviseur start opvoedgesprekken met {ouder}', 'Aanmelden voor de cursus Positief Opvoeden (Triple P)'],
      ib: ['Leerkracht en {ouder} wisselen wekelijks kort uit hoe het gaat'],
      parents: ['{Ouder} {spreekt|spreken} een vast bedritueel af met {name}'],
    },
  },
  {
    key: 'moe-slaap',
    theme: 'health',
    levels: ['kleuter', 'midden', 'boven', 'vo'],
    leads: ['ggd', 'cjg'],
    subject: 'de vermoeidheid',
    signals: [
      '{name} is vaak moe en valt soms in slaap in de klas.',
      '{name} gaat laat naar bed en zit tot diep in de nacht op de telefoon.',
      '{name} komt zonder ontbijt op school en heeft weinig energie.',
    ],
    asks: ['Zijn er zorgen over gezondheid of slaap, en wat helpt {name} om uitgerust op school te komen?'],
    analysis: [
      'Er is geen vast slaapritme; schermgebruik speelt een grote rol.',
      'Medisch is er nog niet naar gekeken; eerst een gesprek met de jeugdverpleegkundige.',
    ],
    progress: [
      'Met vaste bedtijden en de telefoon uit de slaapkamer is {name} fitter.',
      'De jeugdarts vond een ijzertekort; met behandeling gaat het beter.',
    ],
    setback: ['{name} blijft moe; het slaapdagboek is niet bijgehouden.'],
    agreements: {
      ggd: ['Jeugdverpleegkundige nodigt {name} en {ouder} uit voor een gesprek over slaap', 'Jeugdarts doet een lichamelijk onderzoek'],
      cjg: ['Tips over schermgebruik bespreken met {ouder}'],
      parents: ['{Ouder} {zorgt|zorgen} dat {name} om negen uur naar bed gaat en ontbijt'],
      pupil: ['{name} houdt twee weken een slaapdagboek bij'],
    },
  },
  {
    key: 'klachten',
    theme: 'health',
    levels: ['midden', 'boven', 'vo'],
    leads: ['ggd'],
    subject: 'de lichamelijke klachten',
    signals: [
      '{name} heeft veel hoofdpijnklachten en gaat {periode} vaak naar huis.',
      '{name} meldt zich {n} keer per maand bij de conciërge met buikpijn.',
      'De huisarts vond geen lichamelijke oorzaak voor de klachten van {name}.',
    ],
    asks: ['Wat is er medisch en op school nodig, zodat {name} de lessen kan volgen?'],
    analysis: ['De klachten lijken samen te hangen met stress; ze nemen toe voor toetsen en na weekenden bij vader.'],
    progress: [
      'De klachten zijn minder sinds {name} een rustmoment in de middag heeft.',
      'Het spreekuur met de jeugdarts heeft rust gebracht; {name} gaat minder vaak naar huis.',
    ],
    setback: ['De klachten zijn niet minder; {name} mist veel lessen.'],
    agreements: {
      ggd: ['Jeugdarts nodigt {name} uit voor het spreekuur', 'Met toestemming van {ouder} contact opnemen met de huisarts'],
      ib: ['Afspraak: {name} gaat niet meer naar huis zonder overleg met de IB'],
      pupil: ['{name} houdt bij wanneer de hoofdpijn opkomt'],
    },
  },
  {
    key: 'zindelijkheid',
    theme: 'health',
    levels: ['kleuter'],
    leads: ['ggd', 'cjg'],
    subject: 'de zindelijkheid',
    signals: [
      '{name} is overdag nog niet zindelijk; er zijn dagelijks ongelukjes.',
      'Klasgenoten beginnen {name} te plagen met de ongelukjes.',
    ],
    asks: ['Is er medisch iets aan de hand, en hoe begeleiden school en thuis de zindelijkheid samen?'],
    analysis: ['Thuis is er weinig aandacht voor zindelijkheid geweest; medisch is het nog niet uitgezocht.'],
    progress: ['Met het plasschema zijn er nog maar af en toe ongelukjes.'],
    setback: ['Er is geen vooruitgang; de jeugdarts verwijst door naar de kinderarts.'],
    agreements: {
      ggd: ['Jeugdverpleegkundige bespreekt met {ouder} de aanpak van zindelijkheid'],
      ib: ['Plasschema op school volgen samen met de onderwijsassistent'],
      parents: ['{Ouder} {volgt|volgen} thuis hetzelfde plasschema'],
    },
  },
  {
    key: 'eten',
    theme: 'health',
    levels: ['vo'],
    leads: ['ggd', 'school_social_worker'],
    subject: 'het eetpatroon',
    signals: [
      '{name} slaat de lunch over en is zichtbaar afgevallen.',
      'Vriendinnen maken zich zorgen over hoe weinig {name} eet.',
      '{name} sport veel en lijkt erg bezig met het eigen gewicht.',
    ],
    asks: ['Hoe brengen we de zorgen over het eten bespreekbaar bij {name} en {ouder}?'],
    analysis: ['Er zijn signalen van een eetprobleem; snelle inzet van de jeugdarts is nodig.'],
    progress: ['{name} staat onder begeleiding van de huisarts en eet weer op school.'],
    setback: ['{name} ontkent de problemen en {ouder} {ziet|zien} geen reden voor hulp.'],
    agreements: {
      ggd: ['Jeugdarts voert een gesprek met {name} en {ouder} over eten en gewicht'],
      school_social_worker: ['Vertrouwensgesprek met {name}'],
      ib: ['Mentor houdt wekelijks een kort gesprek met {name}'],
    },
  },
  {
    key: 'veiligheid',
    theme: 'safety',
    levels: ['kleuter', 'midden', 'boven', 'vo'],
    leads: ['school_social_worker', 'cjg'],
    subject: 'de zorgen over de veiligheid',
    signals: [
      '{name} heeft blauwe plekken op de armen en geeft wisselende verklaringen.',
      '{name} vertelt dat er thuis hard geschreeuwd wordt en dat {name} dan bang is.',
      '{name} wil na school niet naar huis en blijft lang op het plein hangen.',
    ],
    asks: ['Welke stappen van de meldcode zijn nodig, en hoe zorgen we dat {name} veilig is?'],
    analysis: ['De signalen zijn zorgelijk; de stappen van de meldcode worden gevolgd en Veilig Thuis wordt om advies gevraagd.'],
    progress: [
      'Veilig Thuis is betrokken en er is een veiligheidsplan; {name} oogt ontspannener.',
      'Er is hulp in het gezin gestart; de signalen op school zijn minder.',
    ],
    setback: ['Er zijn nieuwe signalen; Veilig Thuis is opnieuw geraadpleegd.'],
    agreements: {
      school_social_worker: [
        'Advies vragen bij Veilig Thuis en de afweging vastleggen',
        'Gesprek met {name} over wie {name} kan vertrouwen',
      ],
      cjg: ['Gezinscoach bespreekt met {ouder} de zorgen en het hulpaanbod'],
      ib: ['Signalen feitelijk vastleggen in het dossier volgens de meldcode'],
    },
  },
];

/** Who says what in the notes, per role; {onderwerp} is the topic's subject. */
export const PARTNER_VOICES: Record<Exclude<Owner, 'parents' | 'pupil'>, { label: string; lines: string[] }> = {
  ib: {
    label: 'IB',
    lines: [
      'Het groepsplan is bijgesteld; de extra ondersteuning loopt sinds zes weken.',
      'In de groepsbespreking kwam {name} al eerder naar voren.',
      'Het leerlingdossier laat zien dat {onderwerp} al langer speelt.',
    ],
  },
  attendance_officer: {
    label: 'Leerplicht',
    lines: [
      'Er is nog geen verzuimmelding gedaan; leerplicht kan preventief een gesprek voeren.',
      'Leerplicht kent het gezin niet; een eerste gesprek kan zonder dreiging.',
      'Leerplicht adviseert de afwezigheid nauwkeurig bij te houden, ook het te laat komen.',
    ],
  },
  ggd: {
    label: 'GGD',
    lines: [
      'De jeugdverpleegkundige heeft {name} vorig jaar gezien bij het contactmoment; toen waren er geen bijzonderheden.',
      'De jeugdarts wil {name} graag zien om een medische oorzaak uit te sluiten.',
      'De GGD kan een gesprek aanbieden over {onderwerp}, op school of thuis.',
    ],
  },
  cjg: {
    label: 'CJG',
    lines: [
      'De ouder- en kindadviseur kent het gezin nog niet en biedt een kennismaking aan.',
      'Het CJG heeft eerder contact gehad over een jonger kind in het gezin.',
      'De CJG-coach stelt voor om {ouder} thuis te spreken, dat voelt minder formeel.',
    ],
  },
  school_social_worker: {
    label: 'SMW',
    lines: [
      'De schoolmaatschappelijk werker kan op korte termijn starten met kindgesprekken.',
      'SMW heeft {ouder} al kort gesproken bij het hek; er is bereidheid om mee te denken.',
      'SMW wijst op de wachtlijst bij jeugdhulp; overbruggen vanuit school is nodig.',
    ],
  },
  inclusive_education: {
    label: 'Consulent PO',
    lines: [
      'De consulent wil eerst observeren voordat er een arrangement wordt aangevraagd.',
      'Het samenwerkingsverband kan meedenken over een arrangement als de basisondersteuning niet genoeg is.',
      'De consulent vraagt om een actueel overzicht van de ondersteuning die al is ingezet.',
    ],
  },
};

export const PARENT_VOICES = [
  '{Ouder} {herkent|herkennen} het beeld en {wil|willen} graag meedenken.',
  '{Ouder} {schrikt|schrikken} van wat school ziet; thuis gaat het volgens {ouder} goed.',
  '{Ouder} {is|zijn} bezorgd en {vraagt|vragen} om concrete hulp.',
  '{Ouder} {geeft|geven} aan dat het thuis ook zwaar is.',
  '{Ouder} {was|waren} bij het gesprek en {staat|staan} open voor hulp, maar niet van jeugdzorg.',
  '{Ouder} {kon|konden} niet aanwezig zijn; de leerkracht heeft vooraf met {ouder} gesproken.',
];

export const PUPIL_VOICES: Record<Level, string[]> = {
  kleuter: [
    'In het kindgesprek tekent {name} een huis met veel mensen erin.',
    '{name} vertelt graag over het konijn thuis; over school zegt {name} weinig.',
  ],
  midden: [
    '{name} zegt zelf dat school „soms wel leuk” is.',
    '{name} zegt dat de pauze het moeilijkste moment van de dag is.',
    '{name} wil graag dat het beter gaat en vindt de juf lief.',
  ],
  boven: [
    '{name} zegt zelf dat het „gewoon niet lukt” en wil hulp.',
    '{name} wil niet dat klasgenoten merken dat er iets speelt.',
    '{name} vertelt eerlijk over wat er thuis gebeurt.',
  ],
  vo: [
    '{name} was bij het begin van het gesprek en wil zelf iets veranderen.',
    '{name} vindt het lastig om erover te praten, maar wil een vast aanspreekpunt.',
    '{name} zegt dat school nu „te veel” is.',
  ],
};

export const TEACHER_OPENERS = ['{Lk} vertelt:', '{Lk}:', 'Uit de groep:', '{Lk} ziet het volgende:', 'Volgens {lk}:'];

export const FIRST_CONCLUSIONS = [
  'De trekker houdt wekelijks contact met {ouder} en koppelt terug in het volgende overleg.',
  'Over twee weken kijken we of er merkbaar verschil is voor {name}.',
  'Eerst het gesprek met {ouder}; daarna besluiten we over verdere hulp.',
  'De afspraken hieronder zijn met {ouder} besproken.',
  'Er is meer nodig dan school kan bieden; de trekker bereidt de volgende stap voor.',
  'We volgen {name} nauw; bij nieuwe zorgen eerder terug in het kernteam.',
  'Eerst de afspraken hieronder; het kernteam kijkt over zes weken of {name} verder geholpen is.',
  'Met {ouder} is afgesproken dat de trekker het eerste aanspreekpunt is.',
  'Plan van aanpak voor {name} staat; evaluatie na twee weken.',
];

export const FOLLOW_CONCLUSIONS = [
  'De aanpak wordt voortgezet; volgend overleg opnieuw bespreken.',
  'De trekker stelt het plan bij en bespreekt dit met {ouder}.',
  'Als de verbetering doorzet, kan de casus na het volgende overleg worden afgesloten.',
  'Verwijzing naar specialistische hulp wordt voorbereid.',
  'School houdt de ondersteuning vast tot de hulp is gestart.',
  'De trekker vraagt {ouder} om toestemming voor de volgende stap.',
  'Wat werkt voor {name} wordt vastgelegd in het groepsplan.',
  'Volgend overleg beslissen of het kernteam voor {name} nog nodig is.',
  'De afspraken worden aangescherpt; de trekker bewaakt de termijnen.',
];

export const CLOSING = [
  'Het doel is bereikt; de casus wordt afgesloten. School blijft {name} volgen in de groepsbespreking.',
  'De hulp loopt via het wijkteam; het kernteam sluit de casus af met toestemming van {ouder}.',
  'Afgesloten: het gaat goed met {name}. Bij nieuwe zorgen kan de casus opnieuw worden aangemeld.',
  '{name} gaat naar een andere school; de overdracht is gedaan en de casus wordt afgesloten.',
];

/** Closes the first summary, so that two cases with the same analysis still read as their own. */
export const FIRST_SUMMARY_TAILS = [
  'Belangrijk voor {name}: één vast aanspreekpunt.',
  'Eerst zicht krijgen op wat {name} thuis en op school nodig heeft.',
  '{name} heeft baat bij rust en duidelijkheid.',
  'School en thuis willen voor {name} dezelfde aanpak.',
  'De zorg om {name} wordt door iedereen gedeeld.',
  'Het kernteam ziet ook wat goed gaat: {name} is graag op school bij de eigen {lk}.',
  'Snel handelen is nodig, voordat de achterstand voor {name} groter wordt.',
];

export const EVALUATION_CONCLUSIONS = {
  yes: [
    'De afspraken lopen door tot het volgende overleg.',
    'Doorgaan met wat werkt; terugkoppeling in het volgende overleg.',
    'Wat helpt voor {name} blijft staan.',
  ],
  partly: ['De trekker bespreekt met {ouder} wat nog nodig is.', 'Eén afspraak wordt aangescherpt; verder doorgaan.'],
  no: [
    'De aanpak wordt bijgesteld; de trekker overlegt deze week met {ouder}.',
    'Opnieuw bespreken in het volgende overleg, met een ander plan.',
  ],
} as const;

export const EVALUATION_OPENERS = [
  'Korte evaluatie na twee weken.',
  'Evaluatie twee weken na de eerste bespreking.',
  'Terugblik op de eerste twee weken.',
];

export const EFFECT_NOTES = {
  yes: [
    'Duidelijk verschil voor {name} en het gezin.',
    'Merkbaar effect: school en {ouder} zien verbetering.',
    'Ja; de eerste afspraken hebben direct gewerkt.',
  ],
  partly: [
    'Enige verbetering, maar nog niet stabiel.',
    'Op school merkbaar beter, thuis nog niet.',
    'Een begin; de hulp is nog niet volledig gestart.',
  ],
  no: [
    'Nog geen merkbaar effect; de aanpak wordt bijgesteld.',
    'Geen verschil: de hulp is nog niet gestart door een wachtlijst.',
    'Nee; de eerste afspraken zijn nog niet uitgevoerd.',
  ],
} as const;

export const LEAD_CHANGE = {
  ib: ['De hulp ligt nu vooral op school: de IB neemt het trekkerschap over.'],
  attendance_officer: [
    'Het verzuim staat nu centraal: de leerplichtambtenaar wordt trekker.',
    'Leerplicht neemt het over nu het verzuim blijft oplopen.',
  ],
  ggd: [
    'De gezondheid van {name} staat nu voorop: de jeugdverpleegkundige wordt trekker.',
    'De GGD neemt het over na het spreekuur bij de jeugdarts.',
  ],
  cjg: [
    'De hulpvraag ligt nu vooral thuis: de CJG-coach neemt het over.',
    'Het gezin heeft een klik met de ouder- en kindadviseur; die wordt trekker.',
  ],
  school_social_worker: [
    'De schoolmaatschappelijk werker heeft het contact met het gezin en wordt trekker.',
    'SMW neemt het over: de gesprekken met {name} staan nu centraal.',
  ],
  inclusive_education: ['Het onderwijsaanbod staat nu centraal: de consulent passend onderwijs wordt trekker.'],
} as const;

/** Agreements any case can have, per owner; the topic's own come first. */
export const GENERIC_AGREEMENTS: Record<Owner, string[]> = {
  ib: [
    'Handelingsplan bijstellen met {lk}',
    'Oudergesprek plannen met {lk} en {ouder}',
    'Verloop bespreken in de groepsbespreking en terugkoppelen',
    'Toestemming van {ouder} vragen om informatie te delen met de huisarts',
  ],
  attendance_officer: [
    'Leerplicht belt {ouder} voor een kennismaking',
    'Verzuimgegevens opvragen en bespreken met de IB',
    'Leerplicht sluit aan bij het volgende oudergesprek',
  ],
  ggd: [
    'Spreekuur jeugdverpleegkundige inplannen',
    'Jeugdarts neemt met toestemming contact op met de huisarts',
    'Jeugdverpleegkundige belt {ouder} na twee weken om te horen hoe het gaat',
  ],
  cjg: [
    'Huisbezoek door de ouder- en kindadviseur',
    'Aanmelden bij het wijkteam bespreken met {ouder}',
    'Ouder- en kindadviseur zoekt uit welke hulp zonder wachtlijst kan starten',
  ],
  school_social_worker: [
    'Kindgesprek door de schoolmaatschappelijk werker',
    'Gesprek met {ouder} over de hulpvraag thuis',
    'Schoolmaatschappelijk werker brengt het netwerk rond het gezin in kaart',
  ],
  inclusive_education: [
    'Observatie in de klas door de consulent passend onderwijs',
    'Consultatie met {lk} over de aanpak in de groep',
    'Consulent kijkt mee naar het groepsplan en de doelen voor {name}',
  ],
  parents: [
    '{Ouder} {vult|vullen} de vragenlijst over de thuissituatie in',
    '{Ouder} {neemt|nemen} contact op met de huisarts',
    '{Ouder} {laat|laten} na twee weken aan {lk} weten hoe het thuis gaat',
  ],
  pupil: ['{name} bespreekt elke vrijdag met {lk} hoe de week ging', '{name} houdt een dagboekje bij over hoe de schooldag ging'],
};

/** Hulpvraag openers: how the first sentence is introduced. */
export const QUESTION_LEADS = ['', '', 'Aanmelding door {lk}: ', 'Zorg van {lk} en IB: ', 'Op verzoek van {ouder}: '];

export const SECONDARY_SCHOOL_NAMES = ['Het Baken College', 'Lyceum De Duinen', 'Scholengemeenschap De Linde', 'Het Stedelijk College'];

// Parents and pupil as parties (issue 18): what the pupil says about their own
// situation ("Wat vindt de leerling zelf?"), why parents were not invited, and
// the notes with a consent decision that is not a plain yes.

/** The pupil's own view, by where the pupil is at that discussion. */
export const PUPIL_VIEWS: Record<Level, string[]> = {
  kleuter: [
    '{name} wil graag „met de grote blokken spelen” en vindt het fijn als {ouder} {haalt|halen}.',
    '{name} zegt in het kindgesprek dat de kring „te lang” duurt.',
    '{name} wil het liefst naast een vriendje zitten.',
  ],
  midden: [
    '{name} zegt: „Ik wil gewoon meedoen met de anderen.”',
    '{name} vindt rekenen moeilijk en wil graag een vast moment om vragen te stellen.',
    '{name} wil dat de juf niet in de klas zegt dat er iets aan de hand is.',
    '{name} vindt het fijn om met de schoolmaatschappelijk werker te praten, maar niet te vaak.',
  ],
  boven: [
    '{name} wil zelf meedenken over de aanpak en vraagt om een vast aanspreekpunt.',
    '{name} zegt dat het thuis rustiger moet worden voordat school beter kan gaan.',
    '{name} wil niet elke week uit de klas voor hulp; liever na schooltijd.',
    '{name} maakt zich zorgen over de overstap naar de middelbare school en wil daar eerlijk over praten.',
    '{name} vindt dat de afspraken haalbaar zijn en wil over twee weken zelf vertellen hoe het gaat.',
  ],
  vo: [
    '{name} wil zelf bepalen met wie de mentor over de situatie praat.',
    '{name} vindt het rooster te vol en wil een paar weken minder uren, met een duidelijk einde.',
    '{name} wil hulp, maar niet via {ouder}: liever rechtstreeks met de jeugdverpleegkundige.',
    '{name} zegt dat het „al beter gaat dan iedereen denkt” en wil minder controle.',
    '{name} wil een plan voor de examens en afspraken over wat er gebeurt bij ziekte.',
  ],
};

/** Why the parents were not invited to this discussion (required for "nee, niet uitgenodigd"). */
export const NOT_INVITED_REASONS = [
  'Eerst afstemming tussen school en partners; de ouders worden voor het volgende overleg uitgenodigd.',
  'De trekker heeft de ouders vooraf gesproken en bespreekt de uitkomst daarna met hen.',
  'Korte voortgangsbespreking; de ouders krijgen de ouderversie.',
];

export const EVALUATION_NOT_INVITED = 'Kort evaluatiemoment van het kernteam; de trekker bespreekt de uitkomst met de ouders.';
export const SAFETY_NOT_INVITED = 'Zorg om de veiligheid van het kind: volgens de meldcode eerst overleg zonder de ouders.';

/** Notes with a decision that is not a plain yes. */
export const CONSENT_NOTES = {
  safetyRefused: 'Wil niet dat school met anderen over het gezin praat.',
  parentWithoutAuthority: 'Heeft geen gezag; is het niet eens met de bespreking. Vastgelegd, telt niet mee.',
  pupilRefused: 'Wil niet met naam besproken worden in het kernteam; wel een gesprek met de intern begeleider.',
  parentWithdrawn: 'Trekt de toestemming in: wil eerst zelf verder met de huisarts.',
  pupilWithdrawn: 'Trekt de toestemming in: wil het eerst zelf met de mentor oplossen.',
  pupilAsked: 'Gevraagd in een gesprek met de intern begeleider.',
};

/**
 * First names of the parents' generation. Faker's Dutch first names are the
 * children's; demoParties.ts leaves out any name on that list, so a parent
 * never carries a pupil's full name.
 */
export const PARENT_FIRST_NAMES = {
  female: [
    'Sandra',
    'Marieke',
    'Linda',
    'Wendy',
    'Mariska',
    'Saskia',
    'Monique',
    'Jolanda',
    'Petra',
    'Nicole',
    'Miranda',
    'Karin',
    'Marloes',
    'Suzanne',
    'Ingrid',
    'Anja',
    'Chantal',
    'Debby',
    'Naima',
    'Samira',
    'Yasmina',
    'Fatma',
    'Hatice',
    'Bianca',
    'Manon',
    'Kirsten',
    'Judith',
    'Annemarie',
    'Gülsen',
    'Nadia',
    'Priscilla',
    'Roos-Marie',
  ],
  male: [
    'Jeroen',
    'Martijn',
    'Dennis',
    'Erik',
    'Rob',
    'Patrick',
    'Marco',
    'Hakan',
    'Ronald',
    'Richard',
    'Arjan',
    'Remco',
    'Edwin',
    'Frank',
    'Michiel',
    'Gerard',
    'Rachid',
    'Hasan',
    'Ferdi',
    'Jurgen',
    'Raymond',
    'Youssef',
    'Erwin',
    'Sjoerd',
    'Theo',
  ],
};
