/** Text as XML 1.0 can hold it: the writers of sitemaps and feeds pass every string from the library through here. */

// eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids are what this removes
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

/**
 * The text without the characters XML 1.0 cannot hold (C0 controls but tab and line ends, lone surrogates,
 * U+FFFE and U+FFFF), which would make a document no parser reads. Escaping is the serializer's job.
 */
export function xmlCharacters(text: string): string {
  return text.replace(NOT_XML, "");
}
