/** The product version shown in every header and in Körlogg; equals package.json's (a test checks). */
export const VERSION = "0.2.0";

const OUTPUT_LABELS: Record<string, string> = {
  medlemsandelar: "Medlemsandelar",
  tertial: "Tertialrapport",
  "eget-kapital": "Eget kapital",
};

/** The action's name in Körlogg: what was computed and from where. */
export function actionLabel(outputs: readonly string[], all: boolean, shell: "kommandorad" | "Excel"): string {
  const what = all ? "Beräkna allt" : `Beräkna ${outputs.map((o) => OUTPUT_LABELS[o] ?? o).join(", ")}`;
  return `${what} (${shell})`;
}
