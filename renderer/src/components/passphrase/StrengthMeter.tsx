import { List, Progress, Stack, Text } from '@mantine/core';
import { adviceText, weaknessText } from '../../../../core/passphrase/feedback';
import type { PassphraseStrength } from '../../../../core/passphrase/rule';
import { t } from '../../i18n';

const s = t.passphraseStrength;
const colors = ['red', 'red', 'orange', 'teal', 'green'] as const;

/** The strength of a new passphrase as a bar with its level in words, what is weak and how to make it strong; read out as it changes. */
export function StrengthMeter({ strength, empty }: { strength: PassphraseStrength | null; empty: boolean }) {
  const level = strength ? s.level(s.levels[strength.score]) : empty ? s.empty : s.loading;
  const weakness = strength ? weaknessText(strength) : null;
  const advice = strength ? adviceText(strength) : [];
  const percent = strength ? (strength.score + 1) * 20 : 0;
  return (
    <Stack gap={4}>
      {/* Mantine's own aria on the section would read out "40%"; the level in words is what helps. */}
      <Progress.Root size="sm">
        <Progress.Section
          value={percent}
          color={strength ? colors[strength.score] : 'gray'}
          withAria={false}
          role="progressbar"
          aria-label={s.meterLabel}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={level}
        />
      </Progress.Root>
      <div aria-live="polite" data-testid="passphrase-strength">
        <Text size="sm" fw={600}>
          {level}
          {strength?.strong ? ` · ${s.accepted}` : ''}
        </Text>
        {weakness && <Text size="sm">{weakness}</Text>}
        {advice.length > 0 && (
          <List size="sm" spacing={2}>
            {advice.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        )}
      </div>
    </Stack>
  );
}
