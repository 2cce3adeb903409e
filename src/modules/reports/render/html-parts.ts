import type { Change, NotAvailable } from '../../../shared/reports.ts';
import { changeClass, changeText, esc, t, type Lang } from './format.ts';

/* Small pieces of the report page: tables, paragraphs, figures. */

export type Cell = string | number | { html: string; className?: string };

/** A table; `numeric` columns align right. Cells are escaped unless given as { html }. */
export function table(head: string[], rows: Cell[][], numeric: number[] = [], className = ''): string {
  const cell = (value: Cell, i: number, tag: 'td' | 'th') => {
    const classes = [numeric.includes(i) ? 'num' : '', typeof value === 'object' ? (value.className ?? '') : ''].filter(Boolean).join(' ');
    const content = typeof value === 'object' ? value.html : esc(value);
    return `<${tag}${classes ? ` class="${classes}"` : ''}>${content}</${tag}>`;
  };
  return `<table${className ? ` class="${className}"` : ''}><thead><tr>${head.map((h, i) => cell(h, i, 'th')).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((v, i) => cell(v, i, 'td')).join('')}</tr>`).join('')}</tbody></table>`;
}

export function para(text: string, className = ''): string {
  return `<p${className ? ` class="${className}"` : ''}>${esc(text)}</p>`;
}

export function figure(content: string, caption: string): string {
  return `<figure>${content}<figcaption>${esc(caption)}</figcaption></figure>`;
}

export function sectionHtml(id: string, title: string, body: string): string {
  return `<section id="${id}"><h2>${esc(title)}</h2>${body}</section>`;
}

export function notAvailable(lang: Lang, section: NotAvailable): string {
  return `<p class="not-available"><strong>${esc(t('notAvailable', lang))}.</strong> ${esc(section.reason)}</p>`;
}

/** A change as a cell: "+7 (+17.9 %)" coloured up or down. */
export function changeCell(change: Change, lang: Lang, money = false): Cell {
  return { html: esc(changeText(change, lang, money)), className: `change ${changeClass(change)}` };
}
