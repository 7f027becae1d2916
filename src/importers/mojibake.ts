/**
 * Repairs UTF-8 text that was once decoded as Windows-1252 and saved again ("cafÃ©", "donâ€™t"), a common
 * scar on files that passed through old archives. No maintained JavaScript library does this (Python's ftfy is
 * the reference), so this is a narrow version of its core step: a run that reads as Windows-1252 spellings of
 * UTF-8 lead and continuation bytes is mapped back to bytes and decoded, and kept only if it is valid UTF-8.
 */

// The characters Windows-1252 gives the bytes 0x80-0xBF (UTF-8 continuation bytes). 0x81, 0x8D, 0x8F, 0x90
// and 0x9D are undefined there and survive as the C1 controls U+0081 and so on.
const CONTINUATIONS = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ\u00A0¡¢£¤¥¦§¨©ª«¬\u00AD®¯°±²³´µ¶·¸¹º»¼½¾¿";
const LEADS = "ÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóô";
const escape = (chars: string) => chars.replace(/[\]\\^-]/gu, "\\$&");
const CANDIDATE = new RegExp(`[${escape(LEADS)}][${escape(CONTINUATIONS)}]{1,3}`, "gu");

const byteOf = new Map<string, number>();
for (let i = 0; i < CONTINUATIONS.length; i += 1) byteOf.set(CONTINUATIONS.charAt(i), 0x80 + i);
for (let i = 0; i < LEADS.length; i += 1) byteOf.set(LEADS.charAt(i), 0xc2 + i);

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Returns the text with every double-encoded sequence repaired; text without any comes back unchanged. */
export function repairMojibake(text: string): string {
  CANDIDATE.lastIndex = 0;
  if (!CANDIDATE.test(text)) return text;
  return text.replace(CANDIDATE, (run) => {
    const bytes = Uint8Array.from(run, (c) => byteOf.get(c) ?? 0);
    const length = expectedLength(bytes[0] ?? 0);
    if (length === 0 || length > bytes.length) return run;
    try {
      const decoded = strictUtf8.decode(bytes.subarray(0, length));
      return isPlausible(decoded) ? decoded + run.slice(length) : run;
    } catch {
      return run;
    }
  });
}

// Real text sometimes spells a valid sequence by accident ("là\u00A0»" would decode to a Samaritan letter);
// mojibake comes from Latin, Greek, Cyrillic, punctuation, symbols and East Asian text.
function isPlausible(decoded: string): boolean {
  const code = decoded.codePointAt(0) ?? 0;
  return !(code >= 0x0800 && code < 0x2000) && !(code >= 0xe000 && code < 0xf900);
}

function expectedLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}
