import { Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { ParentsPresentValue, PupilParticipationValue } from '../../../../core/i18n/nlParticipation';
import { useChannelMutation } from '../../api';
import { t } from '../../i18n';
import { Section } from './Section';
import type { ChairItemData } from './types';

const p = t.participation;
const PARENTS: ParentsPresentValue[] = ['yes', 'invited_absent', 'not_invited'];
const PUPIL: PupilParticipationValue[] = ['present', 'heard', 'none'];

/**
 * "Wie waren erbij": the parents (ja / nee, wel uitgenodigd / nee, niet
 * uitgenodigd with a reason) and the pupil (present / heard / not heard).
 * A choice saves at once (arrow keys move through a group); the reason saves
 * when the field is left. "Niet uitgenodigd" saves only once it has a reason.
 */
export function Participation({ item }: { item: ChairItemData }) {
  const save = useChannelMutation('chair.setParticipation');
  const initial = item.participation!;
  const [parents, setParents] = useState<ParentsPresentValue | null>(initial.parentsPresent);
  const [reason, setReason] = useState(initial.parentsAbsentReason);
  const [pupil, setPupil] = useState<PupilParticipationValue | null>(initial.pupilParticipation);
  const [saved, setSaved] = useState(false);
  const missingReason = parents === 'not_invited' && !reason.trim();

  const store = (next: { parents: ParentsPresentValue | null; reason: string; pupil: PupilParticipationValue | null }) => {
    setSaved(false);
    if (next.parents === 'not_invited' && !next.reason.trim()) return;
    save.mutate(
      { agendaItemId: item.id, parentsPresent: next.parents, parentsAbsentReason: next.reason, pupilParticipation: next.pupil },
      { onSuccess: () => setSaved(true) },
    );
  };

  return (
    <Section title={p.title}>
      <Stack gap="sm">
        <Radio.Group
          label={p.parents}
          value={parents ?? ''}
          onChange={(value) => {
            const next = value as ParentsPresentValue;
            setParents(next);
            store({ parents: next, reason, pupil });
          }}
        >
          <Stack gap={6} mt={4}>
            {PARENTS.map((value) => (
              <Radio key={value} value={value} label={p.parentsOptions[value]} />
            ))}
          </Stack>
        </Radio.Group>
        {parents !== null && parents !== 'yes' && (
          <TextInput
            label={parents === 'not_invited' ? p.notInvitedReason : p.absentReason}
            value={reason}
            maxLength={1000}
            required={parents === 'not_invited'}
            error={missingReason ? p.reasonRequired : undefined}
            onChange={(event) => setReason(event.currentTarget.value)}
            onBlur={() => reason !== initial.parentsAbsentReason && store({ parents, reason, pupil })}
          />
        )}
        <Radio.Group
          label={p.pupil}
          value={pupil ?? ''}
          onChange={(value) => {
            const next = value as PupilParticipationValue;
            setPupil(next);
            store({ parents, reason, pupil: next });
          }}
        >
          <Stack gap={6} mt={4}>
            {PUPIL.map((value) => (
              <Radio key={value} value={value} label={p.pupilOptions[value]} />
            ))}
          </Stack>
        </Radio.Group>
        <Group gap={4} h={18} aria-live="polite">
          {save.error && (
            <Text size="xs" c="red.9" role="alert">
              {save.error.message}
            </Text>
          )}
          {saved && !save.error && (
            <>
              <IconCheck size={14} color="var(--mantine-color-teal-7)" />
              <Text size="xs" c="teal.9" data-testid="saved-participation">
                {p.saved}
              </Text>
            </>
          )}
        </Group>
      </Stack>
    </Section>
  );
}
