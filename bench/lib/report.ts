// What every bench prints: figures on stdout, kept for the docs when the bench is run with --write,
// and progress on stderr (left out of the figures).

/** A bench's report: `say` prints a line of figures and keeps it in `lines`; `progress` only prints. */
export function benchReport(): { lines: string[]; say: (text: string) => void; progress: (text: string) => void } {
  const lines: string[] = [];
  return {
    lines,
    say: (text) => {
      console.log(text);
      lines.push(text);
    },
    progress: (text) => console.error(`  … ${text}`),
  };
}
