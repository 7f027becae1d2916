/** Names from the file system shown on a terminal: a control character in a file or zip entry name (an escape
 *  sequence, say) must not reach the user's screen as one. @example printable("a\u001b[2Jb") // "a?[2Jb" */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- replacing control characters is the point here
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/gu, "?");
}
