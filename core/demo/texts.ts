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

export const safetyConcernReason =
  'Zorg om de veiligheid van het kind: signalen van huiselijk geweld volgens de meldcode. Bespreking zonder toestemming is noodzakelijk.';

export const locations = ['Kamer van de IB', 'Teamkamer', 'Vergaderruimte boven'];
