/** Small DOM helpers. Text is only ever set as textContent / text nodes, never as HTML. */

type AttrValue = string | number | boolean | null | undefined | ((ev: Event) => void);
type Child = Node | string | null | undefined | false;

/**
 * Creates an element. `text` sets textContent, `class` the class name, `on<event>` adds a listener,
 * anything else is an attribute (true → present and empty; null, undefined, false → absent).
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Record<string, AttrValue> | null,
  children?: Child | Child[],
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    for (const k of Object.keys(attrs)) {
      const v = attrs[k];
      if (v === null || v === undefined || v === false) continue;
      if (k === 'text') el.textContent = String(v);
      else if (k === 'class') el.className = String(v);
      else if (k.slice(0, 2) === 'on' && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  appendAll(el, children);
  return el;
}

export function appendAll(el: Node, children?: Child | Child[]): void {
  if (children === null || children === undefined) return;
  const list = Array.isArray(children) ? children : [children];
  for (const c of list) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

export function removeNode(node: Node | null | undefined): void {
  if (node && node.parentNode) node.parentNode.removeChild(node);
}

const SVGNS = 'http://www.w3.org/2000/svg';

/** A decorative 24×24 SVG icon from one path. */
export function icon(d: string): SVGSVGElement {
  const svg = document.createElementNS(SVGNS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const p = document.createElementNS(SVGNS, 'path');
  p.setAttribute('d', d);
  svg.appendChild(p);
  return svg;
}

export const ICON_CHAT =
  'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01z';
export const ICON_CLOSE =
  'M18.3 5.7a1 1 0 0 0-1.4 0L12 10.6 7.1 5.7a1 1 0 1 0-1.4 1.4l4.9 4.9-4.9 4.9a1 1 0 1 0 1.4 1.4l4.9-4.9 4.9 4.9a1 1 0 0 0 1.4-1.4L13.4 12l4.9-4.9a1 1 0 0 0 0-1.4z';

let sharedSheet: CSSStyleSheet | null = null;

/** Puts `css` into a shadow root: a shared constructable stylesheet (not blocked by a host page's strict `style-src` CSP), else a <style>. */
export function applyStyles(shadow: ShadowRoot, css: string): void {
  try {
    if ('adoptedStyleSheets' in Document.prototype && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
      if (!sharedSheet) {
        sharedSheet = new CSSStyleSheet();
        sharedSheet.replaceSync(css);
      }
      shadow.adoptedStyleSheets = [sharedSheet];
      return;
    }
  } catch {
    /* fall back to a <style> element */
  }
  const style = document.createElement('style');
  style.textContent = css;
  shadow.appendChild(style);
}
