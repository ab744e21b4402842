import type { EffectResult } from '../../db/schema';
import * as blocks from './storyBlocks';
import type { Level, Owner, Topic } from './storyBlocks';

/**
 * A small seeded random source (mulberry32) for the stories, apart from the
 * demo's main Faker stream: the stories can grow without moving any pupil,
 * case or meeting that tests and screenshots expect.
 */
export class StoryRandom {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Up to `count` different elements, in random order. */
  some<T>(list: readonly T[], count: number): T[] {
    const rest = [...list];
    const out: T[] = [];
    while (out.length < count && rest.length) out.push(rest.splice(Math.floor(this.next() * rest.length), 1)[0]);
    return out;
  }
}

export interface StoryInput {
  name: string;
  level: Level;
  /** "groep 6", "klas 2": where the pupil was when the case started. */
  groupLabel: string;
  /** The case's theme codes, first one leading. */
  themes: string[];
  /** Role code of the first trekker: a topic that fits it is chosen more often. */
  leadRole: string;
  safetyConcern: boolean;
}

export interface DiscussionText {
  notes: string;
  summary: string;
  conclusions: string;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Where a pupil of this age is: a group of the primary school, or a class of the secondary school. */
export function levelAt(ageInYears: number, secondary: boolean): { level: Level; groupLabel: string } {
  if (secondary) {
    const klas = Math.min(4, Math.max(1, ageInYears - 11));
    return { level: 'vo', groupLabel: `klas ${klas}` };
  }
  const group = Math.min(8, Math.max(1, ageInYears - 4));
  return { level: group <= 2 ? 'kleuter' : group <= 5 ? 'midden' : 'boven', groupLabel: `groep ${group}` };
}

/**
 * One pupil's case told from beginning to end: its hulpvraag, analysis, the
 * notes of every discussion, agreements that fit their owner, effect notes
 * and trekker changes, composed from storyBlocks. The same seed gives the same story.
 */
export class CaseStory {
  readonly topic: Topic;
  readonly question: string;
  readonly analysis: string;
  private readonly second: Topic | undefined;
  private readonly caregiver: { one: string; plural: boolean };
  private readonly teacher: string;
  private readonly usedAgreements = new Set<string>();
  private readonly usedSentences = new Set<string>();

  constructor(
    private readonly random: StoryRandom,
    private readonly input: StoryInput,
  ) {
    this.topic = this.chooseTopic(input.safetyConcern ? 'safety' : (input.themes[0] ?? 'learning'));
    const secondTheme = input.themes.find((theme, index) => index > 0 && theme !== this.topic.theme);
    this.second = secondTheme ? this.chooseTopic(secondTheme, this.topic) : undefined;
    this.caregiver = random.pick(blocks.CAREGIVERS);
    this.teacher = random.pick(blocks.TEACHERS[input.level]);
    const [first, second] = random.some(this.topic.signals, 2);
    this.usedSentences.add(first);
    const opener = this.fill(random.pick(blocks.QUESTION_LEADS));
    this.question = [
      opener + this.fill(first),
      second && random.chance(0.7) ? this.fill(second) : '',
      this.fill(random.pick(this.topic.asks)),
    ]
      .filter(Boolean)
      .join(' ');
    this.analysis = random
      .some(this.topic.analysis, random.chance(0.4) ? 2 : 1)
      .map((text) => this.fill(text))
      .join(' ');
  }

  private chooseTopic(theme: string, not?: Topic): Topic {
    const fits = (topic: Topic) => topic !== not && topic.theme === theme;
    const byLevel = blocks.TOPICS.filter((topic) => fits(topic) && topic.levels.includes(this.input.level));
    const candidates = byLevel.length ? byLevel : blocks.TOPICS.filter(fits);
    const pool = candidates.length ? candidates : blocks.TOPICS.filter((topic) => topic.theme !== 'safety');
    // A topic whose natural trekker is this case's trekker counts three times.
    const weighted = pool.flatMap((topic) => (topic.leads.includes(this.input.leadRole as Owner) ? [topic, topic, topic] : [topic]));
    return this.random.pick(weighted);
  }

  /** Fills the placeholders of storyBlocks.ts. */
  private fill(template: string): string {
    const { one, plural } = this.caregiver;
    return template
      .replace(/\{([^{}|]*)\|([^{}|]*)\}/g, (_match, singular: string, many: string) => (plural ? many : singular))
      .replaceAll('{name}', this.input.name)
      .replaceAll('{Ouder}', capital(one))
      .replaceAll('{ouder}', one)
      .replaceAll('{Lk}', capital(this.teacher))
      .replaceAll('{lk}', this.teacher)
      .replaceAll('{groep}', this.input.groupLabel)
      .replaceAll('{onderwerp}', this.topic.subject)
      .replace(/\{n\}/g, () => String(this.random.int(3, 9)))
      .replace(/\{periode\}/g, () => this.random.pick(blocks.PERIODS));
  }

  /** A sentence from the list not yet used in this case, if there is one. */
  private fresh(list: readonly string[]): string {
    const unused = list.filter((text) => !this.usedSentences.has(text));
    const text = this.random.pick(unused.length ? unused : list);
    this.usedSentences.add(text);
    return this.fill(text);
  }

  private voice(role: string) {
    return blocks.PARTNER_VOICES[role as keyof typeof blocks.PARTNER_VOICES] ?? blocks.PARTNER_VOICES.ib;
  }

  private partnerLine(role: string): string {
    return `${this.voice(role).label}: ${this.fresh(this.voice(role).lines)}`;
  }

  /** The first discussion: what everyone brings in, the joint picture and the plan. */
  firstDiscussion(presentRoles: string[]): DiscussionText {
    const random = this.random;
    // What the teacher tells goes beyond the question: other signals first.
    const teacher = `${this.fill(random.pick(blocks.TEACHER_OPENERS))} ${this.fresh(this.topic.signals)}${
      random.chance(0.5) ? ` ${this.fresh(this.topic.signals)}` : ''
    }`;
    const others = random.some(
      presentRoles.filter((role) => role !== this.input.leadRole && role !== 'ib'),
      random.int(0, 2),
    );
    const lines = [
      this.fresh(blocks.PARENT_VOICES),
      this.partnerLine(this.input.leadRole),
      ...others.map((role) => this.partnerLine(role)),
      ...(random.chance(0.6) ? [this.fresh(blocks.PUPIL_VOICES[this.input.level])] : []),
      ...(this.second ? [`Daarnaast: ${this.fill(random.pick(this.second.signals))}`] : []),
    ];
    return {
      notes: [teacher, ...random.some(lines, lines.length)].join('\n'),
      summary: `${this.analysis} ${this.fresh(blocks.FIRST_SUMMARY_TAILS)}`,
      conclusions: this.fresh(blocks.FIRST_CONCLUSIONS),
    };
  }

  /** A later discussion: how it went since, and what now; the last one of a closed case closes it. */
  followUp(trend: 'progress' | 'setback', options: { closing: boolean; leadRole: string }): DiscussionText {
    const random = this.random;
    const list = trend === 'progress' ? this.topic.progress : this.topic.setback;
    const update = trend === 'progress' ? FOLLOW_UP_PROGRESS : FOLLOW_UP_SETBACK;
    const lines = [
      `${this.fill(random.pick(blocks.TEACHER_OPENERS))} ${this.fresh(list)}`,
      `${this.voice(options.leadRole).label} (trekker): ${this.fresh(update)}`,
      ...(random.chance(0.5) ? [this.fresh(blocks.PARENT_VOICES)] : []),
    ];
    const summary =
      trend === 'progress'
        ? `${this.fresh(SUMMARY_PROGRESS)} ${this.fresh(this.topic.progress)}`
        : `${this.fresh(SUMMARY_SETBACK)} ${this.fill(random.pick(this.topic.analysis))}`;
    return {
      notes: lines.join('\n'),
      summary,
      conclusions: options.closing ? this.fresh(blocks.CLOSING) : this.fresh(blocks.FOLLOW_CONCLUSIONS),
    };
  }

  /** The short evaluation two weeks after the first discussion, where the effect is recorded. */
  evaluation(result: EffectResult, leadRole: string): DiscussionText {
    const list = result === 'no' ? this.topic.setback : this.topic.progress;
    const update = result === 'no' ? FOLLOW_UP_SETBACK : FOLLOW_UP_PROGRESS;
    const lines = [
      `${this.fresh(blocks.EVALUATION_OPENERS)} ${this.fresh(list)}`,
      `${this.voice(leadRole).label} (trekker): ${this.fresh(update)}`,
      ...(this.random.chance(0.5) ? [this.fresh(blocks.PARENT_VOICES)] : []),
    ];
    return {
      notes: lines.join('\n'),
      summary: `${this.effectNote(result)} ${this.fresh(list)}`,
      conclusions: this.fresh(blocks.EVALUATION_CONCLUSIONS[result]),
    };
  }

  effectNote(result: EffectResult): string {
    return this.fresh(blocks.EFFECT_NOTES[result]);
  }

  /** An agreement that fits who carries it out, not given twice in one case. */
  agreement(owner: Owner): string {
    const own = [...(this.topic.agreements[owner] ?? []), ...(this.second?.agreements[owner] ?? [])];
    const all = [...own, ...blocks.GENERIC_AGREEMENTS[owner]];
    const unused = (list: string[]) => list.filter((text) => !this.usedAgreements.has(text));
    // Mostly the topic's own agreements; the general ones fill in.
    const pool = unused(own).length && this.random.chance(0.75) ? unused(own) : unused(all);
    if (!pool.length) {
      // Every fitting agreement was made before: this one continues one of them.
      return `Vervolg: ${this.fill(this.random.pick(all))}`;
    }
    const text = this.random.pick(pool);
    this.usedAgreements.add(text);
    return this.fill(text);
  }

  /** Who cares for the pupil in this story (moeder, ouders, pleegouders …): the parties of its consent fit it. */
  get caregiverRole(): string {
    return this.caregiver.one;
  }

  /** What the pupil says about their own situation, at the level the pupil is at then; drawn from the caller's stream. */
  pupilView(random: StoryRandom, level: Level): string {
    return this.fill(random.pick(blocks.PUPIL_VIEWS[level]));
  }

  /** Why the trekker changed, in the words of the new trekker's role. */
  leadChange(newRole: string): string {
    const reasons = blocks.LEAD_CHANGE[newRole as keyof typeof blocks.LEAD_CHANGE] ?? blocks.LEAD_CHANGE.cjg;
    return this.fill(this.random.pick(reasons));
  }
}

const FOLLOW_UP_PROGRESS = [
  'de afspraken zijn uitgevoerd en het contact met thuis is goed.',
  'de gesprekken zijn gestart; {ouder} {is|zijn} positief.',
  'er is wekelijks contact geweest met {ouder}; de lijnen zijn kort.',
  'de hulp is gestart, sneller dan verwacht.',
];
const FOLLOW_UP_SETBACK = [
  'de aanmelding staat nog op de wachtlijst.',
  '{ouder} {heeft|hebben} twee afspraken afgezegd.',
  'niet alle afspraken zijn nagekomen; er is opnieuw contact gezocht.',
  'de ingezette hulp sluit nog niet aan bij wat {name} nodig heeft.',
];
const SUMMARY_PROGRESS = [
  'Het gaat beter met {name}.',
  'Er is vooruitgang bij {name}.',
  'Positieve ontwikkeling voor {name} sinds het vorige overleg.',
  'De aanpak werkt voor {name}.',
  'School en {ouder} zien dat {name} stappen zet.',
  '{name} is op de goede weg.',
];
const SUMMARY_SETBACK = [
  'Het gaat nog niet goed met {name}.',
  'Voor {name} is er weinig veranderd sinds het vorige overleg.',
  'Terugval bij {name}: de zorgen zijn niet kleiner geworden.',
  'De aanpak werkt nog onvoldoende voor {name}.',
  'De zorgen om {name} blijven.',
];
