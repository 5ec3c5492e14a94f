/**
 * Editable voucher templates (issue 11 §3): one voucher card written as HTML with inline CSS and named
 * variables (`{{code}}`, `{{qr}}`…). Pure rules shared by core (sanitiser, PDF) and the renderer (help
 * text): which variables exist and what a problem found in a template is called. The sanitiser itself
 * lives in core, on a maintained HTML parser.
 */

/** Text variables: replaced by the voucher's value, HTML-escaped. */
export const TEXT_VARIABLES = ['code', 'password', 'plan', 'price', 'validity', 'serial', 'batch', 'business', 'dns_name', 'login_url'] as const;
/** Image variables: stand alone in an element's text and become a picture as wide as that element. */
export const IMAGE_VARIABLES = ['qr', 'logo'] as const;
export type TextVariable = (typeof TEXT_VARIABLES)[number];
export type ImageVariable = (typeof IMAGE_VARIABLES)[number];
export type TemplateVariable = TextVariable | ImageVariable;
export const TEMPLATE_VARIABLES: readonly TemplateVariable[] = [...TEXT_VARIABLES, ...IMAGE_VARIABLES];

/** `{{ name }}`; anything else with braces is plain text. */
export const VARIABLE_PATTERN = /\{\{\s*([A-Za-z0-9_.-]*)\s*\}\}/g;

export function isTemplateVariable(name: string): name is TemplateVariable {
  return (TEMPLATE_VARIABLES as readonly string[]).includes(name);
}

export function isTextVariable(name: string): name is TextVariable {
  return (TEXT_VARIABLES as readonly string[]).includes(name);
}

export function isImageVariable(name: string): name is ImageVariable {
  return (IMAGE_VARIABLES as readonly string[]).includes(name);
}

/**
 * What is wrong with a template, one code per kind: a template with any of these is refused on save with a
 * field error (never silently cleaned), `detail` naming the element, attribute, property or variable.
 */
export const TEMPLATE_PROBLEMS = [
  'script', 'event-handler', 'unsafe-url', 'external-url', 'element', 'attribute', 'css-property', 'css-value', 'unknown-variable',
  'variable-in-attribute', 'empty',
] as const;
export type TemplateProblem = (typeof TEMPLATE_PROBLEMS)[number];

export interface TemplateIssue {
  problem: TemplateProblem;
  detail: string;
}

/** Elements a template may use; the PDF draws each (README "Voucher templates" lists how). */
export const TEMPLATE_BLOCK_ELEMENTS = ['div', 'p', 'h1', 'h2', 'h3', 'h4', 'center', 'hr'] as const;
export const TEMPLATE_INLINE_ELEMENTS = ['span', 'b', 'strong', 'i', 'em', 'small', 'br'] as const;
export const TEMPLATE_ELEMENTS: readonly string[] = [...TEMPLATE_BLOCK_ELEMENTS, ...TEMPLATE_INLINE_ELEMENTS];

const LENGTH = /^(?:0|\d{1,4}(?:\.\d{1,3})?(?:px|pt|mm|em|%))$/;
const COLOR = /^(?:#[0-9a-f]{3}|#[0-9a-f]{6}|[a-z]{3,20}|rgb\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*\))$/i;
const BORDER_STYLE = /^(?:none|solid|dashed|dotted)$/;
const lengths = (max: number) => (v: string) => {
  const parts = v.split(/\s+/);
  return parts.length >= 1 && parts.length <= max && parts.every((p) => LENGTH.test(p));
};
const border = (v: string) => {
  const parts = v.split(/\s+/);
  return parts.length <= 3 && parts.every((p) => LENGTH.test(p) || BORDER_STYLE.test(p) || COLOR.test(p));
};

/**
 * The CSS a template may use, property → accepted values. An allow-list: anything else (positioning,
 * `url(…)`, `expression(…)`, imports) is refused, so a template can neither fetch nor hide anything.
 */
export const TEMPLATE_CSS: Readonly<Record<string, (value: string) => boolean>> = {
  color: (v) => COLOR.test(v),
  'background-color': (v) => COLOR.test(v),
  'font-size': (v) => LENGTH.test(v),
  'font-weight': (v) => /^(?:normal|bold|[1-9]00)$/.test(v),
  'font-style': (v) => /^(?:normal|italic)$/.test(v),
  'text-align': (v) => /^(?:left|center|right)$/.test(v),
  'text-transform': (v) => /^(?:none|uppercase)$/.test(v),
  'line-height': (v) => /^\d(?:\.\d{1,2})?$/.test(v) || LENGTH.test(v),
  border,
  'border-top': border,
  'border-right': border,
  'border-bottom': border,
  'border-left': border,
  padding: lengths(4),
  'padding-top': lengths(1),
  'padding-right': lengths(1),
  'padding-bottom': lengths(1),
  'padding-left': lengths(1),
  'margin-top': lengths(1),
  'margin-bottom': lengths(1),
  width: lengths(1),
  height: lengths(1),
  /** Only `right`: a QR code or logo beside the text (the PDF narrows what follows it). */
  float: (v) => /^(?:right|none)$/.test(v),
};

/** Splits an inline style into declarations; null when it is not plain `prop: value;` pairs. */
export function parseInlineStyle(style: string): { property: string; value: string }[] | null {
  const out: { property: string; value: string }[] = [];
  for (const part of style.split(';')) {
    if (part.trim() === '') continue;
    const colon = part.indexOf(':');
    if (colon < 1) return null;
    out.push({ property: part.slice(0, colon).trim().toLowerCase(), value: part.slice(colon + 1).trim().toLowerCase() });
  }
  return out;
}

/** The problems of one inline style: properties off the list, or values the property does not accept. */
export function styleIssues(style: string): TemplateIssue[] {
  const decls = parseInlineStyle(style);
  if (!decls) return [{ problem: 'css-value', detail: style.trim().slice(0, 60) }];
  const issues: TemplateIssue[] = [];
  for (const { property, value } of decls) {
    const accepts = Object.hasOwn(TEMPLATE_CSS, property) ? TEMPLATE_CSS[property] : undefined;
    if (!accepts) issues.push({ problem: 'css-property', detail: property });
    else if (/url\s*\(|expression\s*\(|\\|@import/i.test(value)) issues.push({ problem: 'external-url', detail: `${property}: ${value}`.slice(0, 60) });
    else if (!accepts(value)) issues.push({ problem: 'css-value', detail: `${property}: ${value}`.slice(0, 60) });
  }
  return issues;
}

/** Unknown `{{names}}` in a text, each once. */
export function unknownVariables(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(VARIABLE_PATTERN)) if (!isTemplateVariable(m[1]!)) names.add(m[1]!);
  return [...names];
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The text values of one voucher, already in words (price formatted, validity in words). */
export type VoucherTemplateValues = Record<TextVariable, string>;

/**
 * Pieces of a text node: plain text with text variables replaced (kept as written when `values` is null,
 * to be filled per voucher later), and image variables kept apart so the HTML preview and the PDF each
 * draw them their own way.
 */
export function splitVariables(text: string, values: VoucherTemplateValues | null): ({ kind: 'text'; text: string } | { kind: 'image'; name: ImageVariable })[] {
  const out: ({ kind: 'text'; text: string } | { kind: 'image'; name: ImageVariable })[] = [];
  let last = 0;
  let pending = '';
  for (const m of text.matchAll(VARIABLE_PATTERN)) {
    pending += text.slice(last, m.index);
    last = m.index + m[0].length;
    const name = m[1]!;
    if (isImageVariable(name)) {
      if (pending) out.push({ kind: 'text', text: pending });
      pending = '';
      out.push({ kind: 'image', name });
    } else pending += values && isTextVariable(name) ? values[name] : m[0];
  }
  pending += text.slice(last);
  if (pending) out.push({ kind: 'text', text: pending });
  return out;
}

/** The starting template of a new one: a card much like the built-in A4 card. */
export const DEFAULT_VOUCHER_TEMPLATE = `<div style="border: 1pt solid #333333; padding: 4pt; height: 100%">
  <div style="float: right; width: 62pt">{{qr}}</div>
  <div style="font-size: 8pt; font-weight: bold">{{business}}</div>
  <div style="font-size: 7pt">{{plan}} · {{validity}}</div>
  <div style="font-size: 10pt; font-weight: bold; color: #1a7f37">{{price}}</div>
  <div style="font-size: 12pt; font-weight: bold; margin-top: 2pt">{{code}}</div>
  <div style="font-size: 6pt; color: #555555">No. {{serial}} · {{batch}}</div>
</div>`;
