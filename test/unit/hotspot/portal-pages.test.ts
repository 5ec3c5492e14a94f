import { describe, expect, it } from 'vitest';
import { escapeHtml, portalPages, type PortalPageInput } from '../../../src-main/core/hotspot-portal/pages';

const base: PortalPageInput = {
  title: 'Mama Mboga WiFi', colour: '#2b8a3e', supportPhone: '0712 000 111', logoDataUrl: null,
  plans: [{ id: '01900000-0000-7000-8000-000000000001', name: '1 hour', price: 'Ksh 20.00' }],
  buyUrl: 'http://192.168.88.10:4681/portal/01900000-0000-7000-8000-0000000000aa',
};

/** Every `<script …>` opening tag of a page. */
const scripts = (html: string) => html.match(/<script\b[^>]*>/gi) ?? [];
/** Every RouterOS `$(…)` the router would replace, in order. */
const variables = (html: string) => html.match(/\$\([^)]*\)/g) ?? [];

describe('captive portal pages', () => {
  it('makes the RouterOS pages with the router variables they need', () => {
    const pages = portalPages(base);
    expect(Object.keys(pages)).toEqual(['login.html', 'alogin.html', 'status.html', 'logout.html', 'error.html']);
    const login = pages['login.html'];
    expect(login).toContain('action="$(link-login-only)"');
    expect(login).toContain('name="dst" value="$(link-orig)"');
    expect(login).toContain('$(if chap-id)');
    expect(login).toContain('data-mac="$(mac)" data-ip="$(ip)"');
    expect(login).toContain(`data-url="${base.buyUrl!}"`);
    expect(login).toContain('1 hour &#8212; Ksh 20.00');
    // With the app off (or the LAN path broken) the page says so in plain words; voucher login still works.
    expect(login).toContain('The payment service is not reachable right now. You can still log in with a voucher.');
    expect(pages['alogin.html']).toContain('url=$(link-redirect)');
    expect(pages['status.html']).toContain('$(link-logout)');
    expect(pages['error.html']).toContain('$(error)');
  });

  it('leaves the M-Pesa form out without plans or without the app address, keeping the voucher form', () => {
    for (const input of [{ ...base, plans: [] }, { ...base, buyUrl: null }]) {
      const login = portalPages(input)['login.html'];
      expect(login).not.toContain('id="buy"');
      expect(login).toContain('name="login"');
    }
  });

  it('escapes a hostile tenant name, plan name and phone: no markup, no script, no RouterOS variable', () => {
    const evil = '</title><script>alert(1)</script><img src=x onerror=alert(2)>$(link-login)"\'';
    const pages = portalPages({
      ...base, title: evil, supportPhone: evil,
      plans: [{ id: '"><script>x()</script>', name: evil, price: evil }],
    });
    const benign = portalPages(base);
    for (const [name, html] of Object.entries(pages) as [keyof typeof pages, string][]) {
      // The router sees exactly the variables our own page has, whatever the names held.
      expect(variables(html)).toEqual(variables(benign[name]));
      // Only our own two script tags (md5.js and the login script) on the login page, none elsewhere.
      expect(scripts(html).every((s) => s === '<script>' || s === '<script src="/md5.js">')).toBe(true);
      expect(html).not.toContain('<img src=x');
      expect(html).toContain('&#60;/title&#62;&#60;script&#62;alert(1)&#60;/script&#62;');
      expect(html).toContain('&#36;(link-login)&#34;&#39;');
    }
    expect(scripts(pages['login.html'])).toHaveLength(2);
    expect(scripts(pages['status.html'])).toHaveLength(0);
  });

  it('escapes every character that could end an attribute or start markup or a variable, and keeps files ASCII', () => {
    expect(escapeHtml(`<>&"'$\``)).toBe('&#60;&#62;&#38;&#34;&#39;&#36;&#96;');
    expect(escapeHtml('Ksh\u00a020 Caf\u00e9 \u{1F4F6}')).toBe('Ksh&#160;20 Caf&#233; &#128246;');
    const pages = portalPages({ ...base, title: 'Caf\u00e9 \u{1F4F6}', plans: [{ ...base.plans[0]!, price: 'Ksh\u00a020.00' }] });
    for (const html of Object.values(pages)) expect(/^[\x09\x0a\x0d\x20-\x7e]*$/.test(html)).toBe(true);
  });

  it('keeps only an image data URL as the logo and a #rrggbb colour', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    expect(portalPages({ ...base, logoDataUrl: png })['login.html']).toContain(`<img class="logo" alt="" src="${png}">`);
    const svg = portalPages({ ...base, logoDataUrl: 'data:image/svg+xml;base64,PHN2Zz4=' })['login.html'];
    expect(svg).not.toContain('class="logo"');
    const js = portalPages({ ...base, logoDataUrl: 'javascript:alert(1)', colour: 'red;}</style><script>x()</script>' })['login.html'];
    expect(js).not.toContain('javascript:');
    expect(js).not.toContain('x()');
    expect(js).toContain('color:#1c7ed6');
  });
});
