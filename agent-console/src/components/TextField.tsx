import type { InputHTMLAttributes } from 'preact';

type Props = Omit<InputHTMLAttributes, 'value' | 'onInput'> & {
  label: string;
  value: string;
  onValue: (value: string) => void;
};

/** A labelled input of the console's forms: the label names the field for people and for screen readers. */
export function TextField({ label, value, onValue, ...input }: Props) {
  return (
    <label class="field">
      <span>{label}</span>
      <input {...input} value={value} onInput={(e) => onValue(e.currentTarget.value)} />
    </label>
  );
}
