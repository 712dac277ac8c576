/** The command line's two kinds of refusal: a wrong command (exit 2, with the usage) and a catalogue message (exit 1). */
import type { Message } from "../core/messages";

export class UsageError extends Error {}

/** A message of the catalogue for the user, with exit status 1 (a file we cannot read). */
export class MessageError extends Error {
  constructor(readonly m: Message) {
    super(m.code);
  }
}
