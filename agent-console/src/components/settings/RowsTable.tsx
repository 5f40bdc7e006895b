import type { ComponentChildren } from 'preact';
import { useT } from '../../i18n/context.ts';

interface Props {
  /** The id of the heading that names the list. */
  labelledBy: string;
  columns: string[];
  /** What an empty list says, once it has loaded. */
  empty: string;
  loaded: boolean;
  count: number;
  /** One `<tr>` a row, its last cell the row's actions. */
  children: ComponentChildren;
}

/** A settings list: its empty text until it has rows, then a table whose last column holds each row's actions. */
export function RowsTable({ labelledBy, columns, empty, loaded, count, children }: Props) {
  const t = useT();
  if (count === 0) return loaded ? <p class="empty">{empty}</p> : null;
  return (
    <table class="table compact" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
          <th scope="col">
            <span class="visually-hidden">{t.t('agents.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
