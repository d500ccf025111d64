import { describe, expect, it } from 'vitest';
import { previewDocument } from './preview-document';

describe('the email preview document', () => {
  it('leaves out inline styles, style sheets and images from elsewhere', () => {
    const email = [
      '<html><head><style>p { color: red }</style><link rel="stylesheet" href="https://x.example/a.css"></head>',
      '<body style="margin:0"><td align="center" STYLE=\'padding:24px\' background="bg.png">',
      '<img src="https://x.example/logo.png" alt="Volt" height="40" style="display:block" />',
      '<img src="data:image/png;base64,AAAA" alt="inline">',
      '<a href="https://x.example/invite/abc" style=color:red>Accept</a></td></body></html>',
    ].join('');
    expect(previewDocument(email)).toBe(
      [
        '<html><head></head>',
        '<body><td align="center">',
        '<img alt="Volt" height="40" />',
        '<img src="data:image/png;base64,AAAA" alt="inline">',
        '<a href="https://x.example/invite/abc">Accept</a></td></body></html>',
      ].join(''),
    );
  });

  it('keeps text that only speaks of styles, and attributes that merely contain the word', () => {
    const email = '<p data-style="x" title="style=bold">Use style="bold" &lt;b style="x"&gt;</p>';
    expect(previewDocument(email)).toBe(email);
  });
});
