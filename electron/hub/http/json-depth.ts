/**
 * How deeply a JSON text nests, found without parsing it. Runs in: the hub.
 *
 * No method's input nests more than a few levels; a body of ten thousand `[` is an attack on the
 * parser and on every recursive walk after it (validation, logging). It is refused before
 * JSON.parse and zod ever see it, in one pass over the text that stops at the first level too deep.
 */

/** Deeper than any input of the contract needs (the deepest nest four or five levels). */
export const maxJsonDepth = 20;

/** True when the JSON text opens more than `limit` objects or arrays inside each other. */
export function nestsDeeperThan(text: string, limit: number = maxJsonDepth): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++; // the escaped character cannot end the string
      else if (c === 0x22 /* " */) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > limit) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}
