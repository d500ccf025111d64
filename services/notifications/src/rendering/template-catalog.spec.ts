import { readdirSync } from 'node:fs';
import path from 'node:path';
import {
  LANGUAGES,
  LAYOUT_VARIABLES,
  MESSAGE_KINDS,
  MESSAGE_VARIABLES,
  resolveLanguage,
  type SecurityReportVariables,
} from './message-kinds';
import { roleList } from '@onramp/authz';
import { sampleVariables } from './sample-variables';
import { checkTemplate } from './template-check';
import { TEMPLATES_DIR, TemplateCatalog } from './template-catalog';
import { readFileSync } from 'node:fs';

const common = { brandName: 'Volt & Co', supportEmail: 'help@volt.example', name: 'Ann' };
const report: SecurityReportVariables = {
  ...common,
  generatedAt: '1 May 2026',
  logins: [{ at: '1 May', ip: '203.0.113.9', userAgent: 'Firefox', succeeded: false }],
  sessions: [{ createdAt: '1 May', lastUsedAt: '2 May', ip: '203.0.113.9', userAgent: 'Firefox' }],
};

describe('templates', () => {
  const catalog = new TemplateCatalog();

  it('has subject, HTML and text for every message kind in every language, and nothing else', () => {
    for (const kind of MESSAGE_KINDS) {
      const expected = LANGUAGES.flatMap((language) =>
        ['subject', 'html', 'txt'].map((part) => `${language}.${part}.hbs`),
      ).sort();
      expect(readdirSync(path.join(TEMPLATES_DIR, kind)).sort()).toEqual(expected);
    }
  });

  it('every template compiles and uses only the variables its message kind provides', () => {
    const files: [string, string[]][] = [
      ['layout.html.hbs', checkTemplate(read('layout.html.hbs'), LAYOUT_VARIABLES, ['body'])],
      ['layout.txt.hbs', checkTemplate(read('layout.txt.hbs'), LAYOUT_VARIABLES)],
    ];
    for (const kind of MESSAGE_KINDS)
      for (const language of LANGUAGES)
        for (const part of ['subject', 'html', 'txt']) {
          const file = path.join(kind, `${language}.${part}.hbs`);
          files.push([file, checkTemplate(read(file), MESSAGE_VARIABLES[kind])]);
        }
    expect(files.filter(([, problems]) => problems.length > 0)).toEqual([]);
  });

  it('renders every kind in every language (strict: a missing variable would throw)', () => {
    for (const language of LANGUAGES) {
      const reset = catalog.render('password-reset', language, {
        ...common,
        resetUrl: 'http://x.example/reset-password?token=t',
        expiresAt: 'soon',
      });
      expect(reset.language).toBe(language);
      expect(reset.subject).toContain('Volt & Co');
      expect(reset.html).toContain('Volt &amp; Co');
      expect(reset.text).toContain('http://x.example/reset-password?token=t');
      const rendered = catalog.render('security-report', language, report);
      expect(rendered.text).toContain('203.0.113.9');
      expect(rendered.html).toContain('help@volt.example');
    }
  });

  it('renders every kind in every language with its sample data, escaped in HTML', () => {
    const brand = { ...common, publicUrl: 'https://volt.example' };
    for (const kind of MESSAGE_KINDS)
      for (const language of LANGUAGES) {
        const rendered = catalog.render(kind, language, sampleVariables(kind, language, brand));
        expect(rendered.subject).toContain('Volt & Co');
        expect(rendered.html).not.toContain('<script>');
        expect(rendered.html).toContain('&lt;script&gt;');
      }
  });

  it('invites with the acceptance link, the roles in words and the message as written', () => {
    const brand = { ...common, publicUrl: 'https://volt.example' };
    const rendered = catalog.render('invitation', 'nl', sampleVariables('invitation', 'nl', brand));
    expect(rendered.text).toContain('https://volt.example/invite/sample-token');
    expect(rendered.text).toContain('accounteigenaar en bestuurder');
    expect(rendered.text).toContain('Welcome aboard!\nYour charging card is on its way.');
    expect(rendered.html).toContain('&lt;b&gt;Not bold&lt;/b&gt;');
  });

  it('names roles in the recipient language, joined as the language joins a list', () => {
    expect(roleList(['account_owner'], 'en')).toBe('account owner');
    expect(roleList(['platform_admin', 'support', 'billing'], 'en')).toBe(
      'platform administrator, support staff, and billing staff',
    );
    expect(roleList(['driver', 'billing_admin'], 'de')).toBe(
      'Fahrer und Abrechnungs-Administrator',
    );
    expect(roleList(['fleet_manager'], 'fr')).toBe('fleet manager');
  });

  it('falls back to English for a language without templates, and reads regional codes', () => {
    expect(resolveLanguage('pt')).toBe('en');
    expect(resolveLanguage('')).toBe('en');
    expect(resolveLanguage('nl-BE')).toBe('nl');
    expect(resolveLanguage('DE')).toBe('de');
    expect(catalog.render('security-report', 'pt-BR', report).language).toBe('en');
  });

  it("shows the operator's logo and accent colour when configured, the name otherwise", () => {
    const variables = {
      ...common,
      resetUrl: 'https://ev.example/reset-password?token=t',
      expiresAt: '1 May 2026 10:30',
    };
    const plain = catalog.render('password-reset', 'en', variables).html;
    expect(plain).not.toContain('<img');
    expect(plain).toContain('Volt &amp; Co');
    const branded = new TemplateCatalog({
      BRAND_LOGO_URL: 'https://cdn.volt.example/logo.png?v=2&s=1',
      BRAND_ACCENT_COLOUR: '#00a86b',
    }).render('password-reset', 'en', variables).html;
    expect(branded).toContain('<img src="https://cdn.volt.example/logo.png?v&#x3D;2&amp;s&#x3D;1"');
    expect(branded).toContain('alt="Volt &amp; Co"');
    expect(branded).toContain('border-bottom:3px solid #00a86b');
  });

  it('escapes user data in HTML and keeps it readable in plain text', () => {
    const rendered = catalog.render('security-report', 'en', {
      ...report,
      name: '<script>alert(1)</script>',
    });
    expect(rendered.html).not.toContain('<script>');
    expect(rendered.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(rendered.text).toContain('<script>alert(1)</script>');
  });

  it('refuses unknown variables, unescaped insertion, helpers and partials', () => {
    const variables = MESSAGE_VARIABLES['security-report'];
    expect(checkTemplate('{{nmae}}', variables)).toEqual(['unknown variable "nmae"']);
    expect(checkTemplate('{{#each logins}}{{at}}{{resetUrl}}{{/each}}', variables)).toEqual([
      'unknown variable "resetUrl"',
    ]);
    expect(checkTemplate('{{#each logins}}{{../name}}{{/each}}', variables)).toEqual([]);
    expect(checkTemplate('{{{name}}}', variables)[0]).toMatch(/unescaped/);
    expect(checkTemplate('{{lookup name 1}}', variables)[0]).toMatch(/helpers/);
    expect(checkTemplate('{{> footer}}', variables)[0]).toMatch(/PartialStatement/);
    expect(checkTemplate('{{#if name}}', variables)[0]).toMatch(/does not compile/);
  });
});

function read(file: string): string {
  return readFileSync(path.join(TEMPLATES_DIR, file), 'utf8');
}
