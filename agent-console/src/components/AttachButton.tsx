import { useT } from '../i18n/context.ts';

/** "Attach files": a picker for several files, cleared after each pick so the same file can be picked again. */
export function AttachButton({ onFiles }: { onFiles: (files: File[]) => void }) {
  const t = useT();
  return (
    <label class="button quiet small attach">
      <input
        type="file"
        class="visually-hidden"
        multiple
        onChange={(e) => {
          onFiles([...(e.currentTarget.files ?? [])]);
          e.currentTarget.value = '';
        }}
      />
      {t.t('composer.attach')}
    </label>
  );
}
