// Fictional Dutch case texts for the demo school. {name} is the pupil's first name.

export const schoolNames = [
  'De Regenboog',
  'De Wilgenhoek',
  'Het Kompas',
  'De Vlinderboom',
  'De Zonnewijzer',
  'Het Palet',
  'De Klimop',
  'De Sterrenkijker',
  'De Boomgaard',
  'Het Anker',
];

export const questionsByTheme: Record<string, string[]> = {
  absence: [
    '{name} is de afgelopen weken vaak afwezig, vooral op maandag. Ouders melden buikpijn. Wat is er nodig om {name} weer elke dag op school te krijgen?',
    '{name} komt vaak te laat en mist daardoor de start van de dag. Hoe krijgen we samen met ouders weer een vast ochtendritme?',
  ],
  social_emotional: [
    '{name} trekt zich terug in de klas en heeft weinig contact met klasgenoten. Hoe helpen we {name} zich veiliger te voelen?',
    '{name} raakt snel boos bij tegenslag en er zijn conflicten op het plein. Wat heeft {name} nodig om zich beter te reguleren?',
  ],
  learning: [
    '{name} loopt achter met lezen en rekenen ondanks extra ondersteuning in de groep. Is aanvullend onderzoek nodig?',
    '{name} lijkt de lesstof snel te begrijpen maar verveelt zich en haakt af. Welk aanbod past beter?',
  ],
  family: [
    'Moeder geeft aan dat de situatie thuis zwaar is na de scheiding. Welke ondersteuning past bij dit gezin?',
    'Het gezin is kort geleden verhuisd en heeft nog geen netwerk in de wijk. Hoe zorgen we dat ouders de weg naar hulp vinden?',
  ],
  health: [
    '{name} is vaak moe en komt zonder ontbijt op school. Zijn er zorgen over gezondheid of slaap?',
    '{name} heeft veel hoofdpijnklachten en mist daardoor lessen. Wat is er medisch en op school nodig?',
  ],
};

export const summaries = [
  'Ouders herkennen het beeld en willen graag meedenken. De leerkracht ziet sinds twee weken een lichte verbetering.',
  'Het kernteam deelt de zorg. Er is nog onvoldoende zicht op de thuissituatie; eerst een gesprek met ouders.',
  'De aanpak van de vorige keer heeft effect: {name} is vaker op school en oogt rustiger.',
  'De wachtlijst voor jeugdhulp vertraagt de inzet. Tot die tijd biedt school extra begeleiding.',
];

export const conclusions = [
  'We zetten de huidige aanpak voort en kijken over twee weken of er merkbaar effect is.',
  'Er is meer nodig dan school kan bieden: aanmelding bij het wijkteam wordt voorbereid.',
  'De trekker houdt wekelijks contact met ouders en koppelt terug in het volgende overleg.',
  'Casus kan na het volgende overleg worden afgesloten als de verbetering doorzet.',
];

export const agreementTexts = [
  'Huisbezoek plannen met ouders',
  'Aanmelden bij het wijkteam',
  'Gesprek met leerplichtambtenaar, ouders en leerling',
  'Observatie in de klas door de consulent passend onderwijs',
  'Met toestemming van ouders contact opnemen met de huisarts',
  'Aanwezigheid wekelijks bijhouden en terugkoppelen aan de trekker',
  'Ouders vullen de vragenlijst over de thuissituatie in',
  'Kindgesprek door de schoolmaatschappelijk werker',
  'Handelingsplan bijstellen met de leerkracht',
  'Spreekuur jeugdverpleegkundige inplannen',
];

export const parentAgreementTexts = [
  'Ouders zorgen dat {name} op tijd naar bed gaat en ontbijt',
  'Ouders melden zich aan voor de opvoedcursus van het CJG',
];

export const pupilAgreementTexts = ['{name} houdt een dagboekje bij over hoe de schooldag ging'];

export const effectNotes = {
  yes: 'Ouders en leerkracht zien binnen twee weken duidelijk verschil.',
  partly: 'Enige verbetering, maar nog niet stabiel.',
  no: 'Nog geen merkbaar effect; de aanpak wordt bijgesteld.',
} as const;

export const leadChangeReasons = [
  'De hulpvraag ligt nu vooral thuis: de CJG-coach neemt het over.',
  'Verzuim staat centraal: de leerplichtambtenaar wordt trekker.',
];

export const safetyConcernReason =
  'Zorg om de veiligheid van het kind: signalen van huiselijk geweld volgens de meldcode. Bespreking zonder toestemming is noodzakelijk.';

export const locations = ['Kamer van de IB', 'Teamkamer', 'Vergaderruimte boven'];
