/**
 * The rendered HTML of an email as the console can show it. The sandboxed frame it goes into
 * inherits the console's Content Security Policy, which refuses inline styles and images from
 * elsewhere: left in, each would be refused (and reported) one by one. They are taken out here,
 * so the preview shows the email's content and structure without its styling.
 *
 * This is not what keeps the console safe (the frame's sandbox and the policy are); markup this
 * misses is still refused by the policy.
 */

// A start tag and its attributes, values quoted or not, as HTML writes them.
const START_TAG =
  /<([a-zA-Z][^\s/>]*)((?:\s+[^\s/>"'=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)(\s*\/?)>/g;
const ATTRIBUTE = /\s+([^\s/>"'=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
const STYLE_ELEMENT = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;
const LINK_ELEMENT = /<link\b[^>]*>/gi;

function unquoted(value: string | undefined): string {
  if (value === undefined) return '';
  return /^["']/.test(value) ? value.slice(1, -1) : value;
}

/** Whether an attribute would ask the policy for something it refuses. */
function refused(tag: string, name: string, value: string): boolean {
  if (name === 'style' || name === 'background') return true;
  return tag === 'img' && (name === 'src' || name === 'srcset') && !value.startsWith('data:');
}

export function previewDocument(html: string): string {
  return html
    .replace(STYLE_ELEMENT, '')
    .replace(LINK_ELEMENT, '')
    .replace(START_TAG, (_tag, name: string, attributes: string, end: string) => {
      const tag = name.toLowerCase();
      const kept = attributes.replace(
        ATTRIBUTE,
        (attribute, attributeName: string, value?: string) =>
          refused(tag, attributeName.toLowerCase(), unquoted(value).trim()) ? '' : attribute,
      );
      return `<${name}${kept}${end}>`;
    });
}
