/**
 * Checking and sanitising an editable voucher template (issue 11 §3, §6 "a template with a script").
 * Two steps on maintained libraries: `htmlparser2` parses the template and every problem is REPORTED
 * (a template with a script is refused on save, not silently cleaned, so its author sees why); then
 * `sanitize-html` rebuilds it from the same allow-list as defence in depth, and only that output is ever
 * shown (preview iframe) or drawn (PDF).
 */
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import sanitizeHtml from 'sanitize-html';
import {
  styleIssues, TEMPLATE_CSS, TEMPLATE_ELEMENTS, unknownVariables, VARIABLE_PATTERN, type TemplateIssue,
} from '@shared/domain/voucher-template';

/** Elements whose content is code or another document: named as a script, whatever the spelling. */
const SCRIPTING = new Set(['script', 'noscript', 'template']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'data', 'cite']);

function urlIssue(value: string): TemplateIssue['problem'] {
  // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
  const compact = value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
  if (/^(?:javascript|vbscript|data):/.test(compact)) return 'unsafe-url';
  if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/.test(compact)) return 'external-url';
  return 'attribute';
}

function elementIssues(el: Element, out: TemplateIssue[]): void {
  const tag = el.name.toLowerCase();
  if (SCRIPTING.has(tag)) {
    out.push({ problem: 'script', detail: `<${tag}>` });
    return;
  }
  if (!TEMPLATE_ELEMENTS.includes(tag)) out.push({ problem: 'element', detail: `<${tag}>` });
  for (const [rawName, value] of Object.entries(el.attribs)) {
    const name = rawName.toLowerCase();
    if (name.startsWith('on')) out.push({ problem: 'event-handler', detail: name });
    else if (URL_ATTRIBUTES.has(name)) out.push({ problem: urlIssue(value), detail: `${name}="${value.slice(0, 40)}"` });
    else if (name !== 'style') out.push({ problem: 'attribute', detail: name });
    else {
      if (new RegExp(VARIABLE_PATTERN.source).test(value)) out.push({ problem: 'variable-in-attribute', detail: name });
      out.push(...styleIssues(value));
    }
  }
}

function walk(nodes: readonly ChildNode[], out: TemplateIssue[]): void {
  for (const node of nodes) {
    if (node.type === 'script' || node.type === 'style' || node.type === 'tag') {
      elementIssues(node as Element, out);
      walk((node as Element).children, out);
    } else if (node.type === 'text') {
      for (const name of unknownVariables(node.data)) out.push({ problem: 'unknown-variable', detail: name });
    } else if (node.type === 'cdata' || node.type === 'directive') {
      out.push({ problem: 'element', detail: node.type === 'cdata' ? 'CDATA' : '<!…>' });
    }
  }
}

/** Every problem of a template, each once, in document order; empty when it may be saved. */
export function templateIssues(html: string): TemplateIssue[] {
  if (html.trim() === '') return [{ problem: 'empty', detail: '' }];
  const out: TemplateIssue[] = [];
  walk(parseDocument(html, { lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false }).children, out);
  const seen = new Set<string>();
  return out.filter((i) => {
    const key = `${i.problem}|${i.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const CSS_ANY = [/^[\s\S]*$/];

/**
 * The template rebuilt by sanitize-html from the allow-list: tags and `style` only, each style property
 * kept only when the shared rules accept its value (sanitize-html checks each property's value against the
 * regexes; the value checks themselves are ours, applied in `templateIssues` and filtered here again).
 */
export function sanitiseTemplate(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [...TEMPLATE_ELEMENTS],
    allowedAttributes: { '*': ['style'] },
    allowedStyles: { '*': Object.fromEntries(Object.keys(TEMPLATE_CSS).map((p) => [p, CSS_ANY])) },
    allowedSchemes: [],
    allowedSchemesAppliedToAttributes: [],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'title'],
    parseStyleAttributes: true,
    transformTags: {
      '*': (tagName, attribs) => {
        const style = attribs.style;
        if (style === undefined || styleIssues(style).length === 0) return { tagName, attribs };
        // A style with any refused declaration is dropped whole (saving refuses it anyway).
        return { tagName, attribs: Object.fromEntries(Object.entries(attribs).filter(([k]) => k !== 'style')) };
      },
    },
  });
}
