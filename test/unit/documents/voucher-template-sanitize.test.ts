import { describe, expect, it } from 'vitest';
import { sanitiseTemplate, templateIssues } from '../../../src-main/core/documents/voucher-template-sanitize';
import { cardHtml, previewDocument } from '../../../src-main/core/documents/voucher-template-html';
import { DEFAULT_VOUCHER_TEMPLATE } from '../../../src-shared/domain/voucher-template';
import { sampleVoucher } from './voucher-samples';

const problems = (html: string) => templateIssues(html).map((i) => `${i.problem}:${i.detail}`);

describe('voucher template check', () => {
  it('accepts the default template and the allowed CSS', () => {
    expect(templateIssues(DEFAULT_VOUCHER_TEMPLATE)).toEqual([]);
    expect(templateIssues('<p style="color: #123456; font-size: 10pt; text-align: center; border-bottom: 1px dashed red">{{ code }}<br><b>{{password}}</b></p>')).toEqual([]);
  });

  it('rejects scripts, whatever their case, with the script named', () => {
    expect(problems('<div>{{code}}</div><script>alert(1)</script>')).toEqual(['script:<script>']);
    expect(problems('<SCRIPT src="x.js"></SCRIPT>')).toContain('script:<script>');
    expect(problems('<noscript><b>x</b></noscript>')).toContain('script:<noscript>');
  });

  it('rejects event handlers such as onerror and onclick', () => {
    expect(problems('<img src=x onerror="alert(1)">')).toEqual(expect.arrayContaining(['event-handler:onerror', 'element:<img>']));
    expect(problems('<div onClick="steal()">{{code}}</div>')).toEqual(['event-handler:onclick']);
  });

  it('rejects javascript: URLs, also with characters hidden inside the scheme', () => {
    expect(problems('<a href="javascript:alert(1)">x</a>')).toContain('unsafe-url:href="javascript:alert(1)"');
    expect(problems('<a href=" java\tscript:alert(1)">x</a>').some((p) => p.startsWith('unsafe-url:'))).toBe(true);
  });

  it('rejects external URLs in attributes and in CSS, and iframes', () => {
    expect(problems('<img src="https://tracker.example/p.gif">')).toContain('external-url:src="https://tracker.example/p.gif"');
    expect(problems('<img src="//cdn.example/p.gif">').some((p) => p.startsWith('external-url:'))).toBe(true);
    expect(problems('<div style="background-color: url(https://x.example/a.png)">a</div>').some((p) => p.startsWith('external-url:'))).toBe(true);
    expect(problems('<iframe src="https://evil.example"></iframe>')).toEqual(['element:<iframe>', 'external-url:src="https://evil.example"']);
  });

  it('rejects CSS off the allow-list and style blocks', () => {
    expect(problems('<div style="position: fixed; color: red">x</div>')).toEqual(['css-property:position']);
    expect(problems('<div style="font-size: 9000vw">x</div>')).toEqual(['css-value:font-size: 9000vw']);
    expect(problems('<style>body { color: red }</style>')).toEqual(['element:<style>']);
  });

  it('names an unknown variable, and refuses variables inside attributes', () => {
    expect(problems('<b>{{code}}</b> {{pasword}} {{ pasword }}')).toEqual(['unknown-variable:pasword']);
    expect(problems('<div style="color: {{code}}">x</div>')).toContain('variable-in-attribute:style');
    expect(problems('   ')).toEqual(['empty:']);
  });

  it('sanitises to the allow-list even what the check would report (defence in depth)', () => {
    expect(sanitiseTemplate('<div style="color:red">{{code}}</div><script>alert(1)</script><img src=x onerror=alert(1)>')).toBe('<div style="color:red">{{code}}</div>');
    expect(sanitiseTemplate('<span style="position:absolute;color:#fff" onmouseover="x()">a</span>')).toBe('<span>a</span>');
  });
});

describe('voucher template filled with a voucher', () => {
  const business = { name: 'Kilimani <WiFi> & "Co"', logoPng: null };

  it('substitutes every text variable HTML-escaped', async () => {
    const card = sampleVoucher(1, { code: 'AB<C>', password: 'p&"1', planName: '1 <Day>' });
    const html = await cardHtml(sanitiseTemplate('<div>{{business}}|{{code}}|{{password}}|{{plan}}|{{price}}|{{serial}}|{{batch}}|{{dns_name}}|{{validity}}</div>'), card, business, 'en-KE');
    // Money is formatted with a no-break space after the currency.
    expect(html.replace(/\u00a0/g, ' ')).toBe('<div>Kilimani &lt;WiFi&gt; &amp; &quot;Co&quot;|AB&lt;C&gt;|p&amp;&quot;1|1 &lt;Day&gt;|Ksh 50.00|000001|vc-417-12.03.26|wifi.kilimani.net|24 hours from first login</div>');
  });

  it('uses the code as the password when there is none, and the QR as an inline picture', async () => {
    const card = sampleVoucher(2, { code: 'K7M9PQ', password: null });
    const html = await cardHtml(sanitiseTemplate('<p>{{password}}</p><div style="width: 40pt">{{qr}}</div>{{logo}}'), card, business, 'en-KE');
    expect(html).toContain('<p>K7M9PQ</p>');
    expect(html).toMatch(/<div style="width:40pt"><img alt="QR" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+"/);
    // No logo in the settings: the variable prints nothing.
    expect(html).not.toContain('Logo');
  });

  it('wraps cards in a document with no script and the layout’s card size', () => {
    const doc = previewDocument(['<b>A</b>', '<b>B</b>'], 'a4-3x8');
    expect(doc.match(/class="card"/g)).toHaveLength(2);
    expect(doc).not.toMatch(/<script/i);
    expect(doc).toMatch(/\.card\{[^}]*width:183\.\dpt;height:99\.\dpt/);
  });
});
