/*!
 * factsheet-chat — embeddable Q&A widget for the HKSAR fact sheet 「創新及科技」
 * (Innovation and Technology, updated 2023-06-30).
 *
 * One self-contained classic script: no framework, no external fetches other than the API it is
 * pointed at. Built from widget/ by `npm run build:widget`; do not edit public/widget.js by hand.
 *
 *   <script src="https://host/widget.js" data-endpoint="https://host" data-lang="zh-Hant" defer></script>
 *
 * Script attributes (all optional):
 *   data-endpoint   Base URL of the API; POSTs go to {endpoint}/api/chat (and /api/feedback). Default: the script's own origin.
 *   data-lang       "zh-Hant" | "zh-Hans" | "en" (or any tag: zh-CN, zh-SG → zh-Hans; zh-HK, zh-TW → zh-Hant; en-* → en).
 *                   Default: follows <html lang> of the host page (and keeps following it).
 *   data-position   "right" (default) | "left": which bottom corner the launcher sits in.
 *   data-open       "true" to start with the panel open (without moving focus).
 *
 * Or place the element yourself (the script then does not add another one):
 *   <factsheet-chat endpoint="https://host" lang="en" position="left"></factsheet-chat>
 *
 * Visitors can switch language inside the widget (繁 / 简 / EN); the pick is kept in sessionStorage for the
 * browser tab's session and wins until the page itself changes language (its <html lang> or the element's lang).
 *
 * Element API: el.open(), el.close(), el.toggle(), el.ask(question), el.reset().
 * Events (bubble, composed) on the element:
 *   factsheet-chat:open, factsheet-chat:close,
 *   factsheet-chat:delta  detail { text }            (one per streamed chunk)
 *   factsheet-chat:answer detail <the done payload>  (answer, answerable, citations, uncovered, mode, language, answerId)
 *   factsheet-chat:error  detail { kind, status, code, message }
 *   factsheet-chat:lang   detail { lang }             (the visitor picked a language in the widget)
 *   factsheet-chat:feedback detail { answerId, rating } (feedback was accepted by the service)
 *
 * An answer whose reply lists `uncovered` parts is labelled as a partial answer. An answer whose reply
 * carries an `answerId` offers 👍 / 👎 and an optional reason, POSTed once to {endpoint}/api/feedback.
 *
 * When the panel first opens it reads {endpoint}/api/meta (fact sheet title, date, message limit);
 * until then, or if that fails, built-in defaults apply.
 *
 * Theming from the host page: custom properties --factsheet-chat-accent, -accent-hover, -on-accent,
 * -text, -muted, -background, -border, -focus, -font (set on factsheet-chat or any ancestor), and
 * parts: factsheet-chat::part(launcher | panel | header | title | lang-switch | note | messages | partial-label |
 * feedback | input | send).
 *
 * Server text is only ever inserted with textContent / text nodes, never as HTML.
 */
import { FactsheetChat, TAG } from './element.js';
import { normLang } from './strings.js';

function findOwnScript(): HTMLScriptElement | null {
  const scripts = document.getElementsByTagName('script');
  for (let i = scripts.length - 1; i >= 0; i--) {
    if (/\/widget\.js(?:[?#].*)?$/.test(scripts[i]!.src || '')) return scripts[i]!;
  }
  return null;
}

function main(): void {
  if (typeof window === 'undefined' || !window.customElements) return;
  const script = (document.currentScript as HTMLScriptElement | null) || findOwnScript();
  FactsheetChat.script = script;
  if (!customElements.get(TAG)) customElements.define(TAG, FactsheetChat);

  const mount = () => {
    if (document.querySelector(TAG)) return;
    const el = document.createElement(TAG);
    if (script) {
      const ep = script.getAttribute('data-endpoint');
      const lang = script.getAttribute('data-lang');
      const pos = script.getAttribute('data-position');
      if (ep) el.setAttribute('endpoint', ep);
      else if (script.src) {
        try {
          el.setAttribute('endpoint', new URL(script.src, location.href).origin);
        } catch {
          /* ignore */
        }
      }
      if (lang) el.setAttribute('lang', normLang(lang) || lang);
      if (pos) el.setAttribute('position', pos);
      if (script.getAttribute('data-open') === 'true') el.setAttribute('data-open', 'true');
    }
    document.body.appendChild(el);
  };
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
}

main();
