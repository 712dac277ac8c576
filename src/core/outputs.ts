/** The three results a run can compute, by their command-line names (`--only`). Its own module: compute and validate both use it. */
export type Output = "medlemsandelar" | "tertial" | "eget-kapital";
export const OUTPUTS: readonly Output[] = ["medlemsandelar", "tertial", "eget-kapital"];
