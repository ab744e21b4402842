import { describe, expect, it } from 'vitest';
import { passphraseRefusal } from './feedback';
import { PASSPHRASE_MIN_SCORE } from './rule';
import { assertStrongPassphrase, judgePassphrase } from './strength';

const school = ['Basisschool De Linde', 'Fatima el Amrani'];

describe('the rule for a new database passphrase', () => {
  it.each([
    ['aaaaaaaaaa', 'tooShort'],
    ['aaaaaaaaaaaaaaaa', 'simpleRepeat'],
    ['wachtwoord123', null],
    ['Basisschool De Linde 2026', 'ownWords'],
    ['DeLinde2026!', 'ownWords'],
    ['mdo kernteam de linde', 'ownWords'],
    ['fatima el amrani 2026', 'ownWords'],
    ['1234567890qwerty', null],
  ])('refuses %s', (passphrase, warning) => {
    const strength = judgePassphrase(passphrase, school);
    expect(strength.strong).toBe(false);
    if (warning) expect(strength.warning).toBe(warning);
  });

  it.each(['paraplu kanarie bakfiets lepel', 'wolk tegel dakgoot schommel', 'Kwast lantaarn bever trompet'])(
    'accepts four unrelated words: %s',
    (passphrase) => {
      const strength = judgePassphrase(passphrase, school);
      expect(strength.strong).toBe(true);
      expect(strength.score).toBeGreaterThanOrEqual(PASSPHRASE_MIN_SCORE);
      expect(strength.warning).toBeNull();
    },
  );

  it('says in Dutch what is weak and how to make it strong, not what the field says', () => {
    const refusal = passphraseRefusal(judgePassphrase('aaaaaaaaaa', school));
    expect(refusal).toContain('Dit wachtwoord is te makkelijk te raden.');
    expect(refusal).toContain('korter dan 12 tekens');
    expect(refusal).toContain('vier of vijf losse woorden');
    expect(passphraseRefusal(judgePassphrase('Basisschool De Linde 2026', school))).toContain('De naam van de school');
  });

  it('refuses with a VALIDATION error on the named field', () => {
    expect(() => assertStrongPassphrase('wachtwoord123', [], 'next')).toThrow(
      expect.objectContaining({ code: 'VALIDATION', field: 'next' }),
    );
    expect(() => assertStrongPassphrase('paraplu kanarie bakfiets lepel', [], 'next')).not.toThrow();
  });
});
