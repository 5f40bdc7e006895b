import { useSkillName } from '../i18n/skill-names.ts';

interface Props {
  label: string;
  /** The first choice, which filters on no skill. */
  anyLabel: string;
  value: string;
  skills: readonly string[];
  /** The site whose names to show; without one, the first of the agent's sites that names the skill. */
  siteId?: string | undefined;
  onChange: (skill: string) => void;
}

/** A skill filter chosen by its name in the agent's language, never typed as an id. */
export function SkillSelect({ label, anyLabel, value, skills, siteId, onChange }: Props) {
  const skillName = useSkillName();
  // A value from a link or an older filter still shows, even when no list offers it.
  const choices = value && !skills.includes(value) ? [...skills, value] : skills;
  return (
    <label class="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{anyLabel}</option>
        {choices.map((s) => (
          <option key={s} value={s}>
            {skillName(s, siteId)}
          </option>
        ))}
      </select>
    </label>
  );
}
