/** Errors and warnings, each with a stable code, a Swedish message and the cell it is about. */

export interface Issue {
  code: string;
  message: string;
  /** `Blad!A1`, or empty when the problem is not about one cell. */
  cell: string;
}

export class IssueList {
  readonly items: Issue[] = [];
  add(code: string, message: string, cell = ""): void {
    this.items.push({ code, message, cell });
  }
  get length(): number {
    return this.items.length;
  }
}

/** Thrown by the use cases when inputs have errors; carries all of them. */
export class InputErrors extends Error {
  constructor(readonly errors: Issue[]) {
    super(errors.map(formatIssue).join("\n"));
  }
}

export function formatIssue(issue: Issue): string {
  return issue.cell ? `${issue.cell}: ${issue.message}` : issue.message;
}
