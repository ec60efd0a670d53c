/** The <factsheet-chat> custom element: launcher, panel, conversation, cited-passage view, composer. */
import { marker, splitMarkers, stripMarkers } from '../src/contract/markers.js';
import { copyText } from './clipboard.js';
import { applyStyles, h, icon, ICON_CHAT, ICON_CLOSE, removeNode } from './dom.js';
import { renderHighlighted, sentencesInAnswer, splitSentences } from './highlight.js';
import { answerIdOf, feedbackBox } from './feedback.js';
import { DEFAULT_META, documentTitle, fetchMeta, sheetOf, type Meta } from './meta.js';
import { ChatError, SSEParser, streamChat, type Citation, type Done, type ErrorKind } from './sse-client.js';
import { isLang, LANG_NAMES, LANGS, normLang, STRINGS, type Lang, type Strings, type TextKey } from './strings.js';
import { forDisplay, textLang } from './text.js';
import CSS from './styles.css';

export const TAG = 'factsheet-chat';

const MAX_HISTORY_CHARS = 4000; // per entry (the server accepts up to 8000)
const REQUEST_TIMEOUT_MS = 60000;
/** sessionStorage key of the language the visitor picked in the widget (kept for the browser tab's session). */
const LANG_KEY = 'factsheet-chat:lang';

function readPickedLang(): Lang | '' {
  try {
    const v = window.sessionStorage.getItem(LANG_KEY);
    return isLang(v) ? v : '';
  } catch {
    return ''; // storage blocked (privacy settings, sandboxed frame)
  }
}
function storePickedLang(lang: Lang | ''): void {
  try {
    if (lang) window.sessionStorage.setItem(LANG_KEY, lang);
    else window.sessionStorage.removeItem(LANG_KEY);
  } catch {
    /* not remembered, still applied */
  }
}

/** The parts of the question the reply says the documents do not cover (none: a complete answer). */
function uncoveredOf(done: Done): string[] {
  return Array.isArray(done.uncovered) ? done.uncovered.filter((u): u is string => typeof u === 'string' && u.trim() !== '') : [];
}

let uid = 0;

type Turn = { role: 'user' | 'assistant'; content: string };
/** Per answer: what a citation button needs to open the passage. */
type MsgState = { answer: string; citations: Citation[] };

/** The last n items (none for n = 0). */
const lastN = <T,>(list: T[], n: number): T[] => (n > 0 ? list.slice(-n) : []);

// Defining the class must not throw where there is no DOM (the script then does nothing, see index.ts).
const Base: typeof HTMLElement = typeof HTMLElement === 'function' ? HTMLElement : (class {} as unknown as typeof HTMLElement);

export class FactsheetChat extends Base {
  /** The <script> that loaded the widget: its origin is the default endpoint. */
  static script: HTMLScriptElement | null = null;
  /** Pure helpers, exposed for the in-browser tests (no effect on the page). */
  static _helpers = { splitSentences, sentencesInAnswer, SSEParser };

  static get observedAttributes(): string[] {
    return ['lang', 'endpoint', 'position'];
  }

  private _built = false;
  private _id = '';
  private _history: Turn[] = []; // completed turns, sent as `history`
  private _busy = false;
  private _controller: AbortController | null = null;
  private _failed: string | null = null; // text of the question whose send failed (for Retry)
  private _sourceOpener: HTMLElement | null = null;
  private _sourceState: { citation: Citation; answer: string } | null = null;
  private _isOpen = false;
  private _stick = true;
  private _errorKind: ErrorKind | null = null;
  private _errorRetryAfter = 0;
  private _announceTimer: ReturnType<typeof setTimeout> | undefined;
  private _langObserver: MutationObserver | null = null;
  private _meta: Meta = DEFAULT_META;
  private _metaLoad: Promise<void> | null = null;
  /** The language picked with the in-widget switch; wins over the page's until the page changes language. */
  private _picked: Lang | '' = '';

  private _root!: HTMLDivElement;
  private _launcher!: HTMLButtonElement;
  private _launcherLabel!: HTMLSpanElement;
  private _panel!: HTMLElement;
  private _title!: HTMLHeadingElement;
  private _newBtn!: HTMLButtonElement;
  private _closeBtn!: HTMLButtonElement;
  private _langGroup!: HTMLDivElement;
  private _langBtns!: HTMLButtonElement[];
  private _note!: HTMLParagraphElement;
  private _messages!: HTMLDivElement;
  private _source!: HTMLElement;
  private _srcKicker!: HTMLParagraphElement;
  private _srcTitle!: HTMLHeadingElement;
  private _srcBack!: HTMLButtonElement;
  private _srcText!: HTMLQuoteElement;
  private _srcHint!: HTMLParagraphElement;
  private _errorBox!: HTMLDivElement;
  private _errorText!: HTMLParagraphElement;
  private _retryBtn!: HTMLButtonElement;
  private _form!: HTMLFormElement;
  private _inputLabel!: HTMLLabelElement;
  private _input!: HTMLTextAreaElement;
  private _sendBtn!: HTMLButtonElement;
  private _hint!: HTMLSpanElement;
  private _count!: HTMLSpanElement;
  private _live!: HTMLDivElement;

  connectedCallback(): void {
    if (this._built) {
      this._watchPageLang();
      return;
    }
    this._built = true;
    this._id = 'fsc' + ++uid;
    this._picked = readPickedLang();
    this._build();
    this._watchPageLang();
    this._applyLang();
    if (this.getAttribute('data-open') === 'true' || this.getAttribute('open') !== null) this.open({ focus: false });
  }

  disconnectedCallback(): void {
    if (this._langObserver) {
      this._langObserver.disconnect();
      this._langObserver = null;
    }
    if (this._controller) this._controller.abort();
  }

  attributeChangedCallback(name: string): void {
    if (!this._built) return;
    if (name === 'lang') {
      // The embedding page set the language (its own language toggle): that is now the latest choice.
      this._forgetPickedLang();
      this._watchPageLang();
      this._applyLang();
    }
    if (name === 'position') this._root.className = 'root' + (this.getAttribute('position') === 'left' ? ' left' : '');
    if (name === 'endpoint') {
      // Another service: forget what the old one said about itself.
      this._metaLoad = null;
      this._meta = DEFAULT_META;
      this._applyMeta();
      if (this._isOpen) this._loadMeta();
    }
  }

  private _lang(): Lang {
    return this._picked || normLang(this.getAttribute('lang')) || normLang(document.documentElement.getAttribute('lang')) || 'zh-Hant';
  }

  /** The visitor picked a language in the widget: apply it and remember it for the session. */
  private _pickLang(lang: Lang): void {
    if (this._picked === lang) return;
    this._picked = lang;
    storePickedLang(lang);
    this._applyLang();
    this._emit('lang', { lang });
  }

  private _forgetPickedLang(): void {
    if (!this._picked) return;
    this._picked = '';
    storePickedLang('');
  }
  private _t(): Strings {
    return STRINGS[this._lang()];
  }
  /** The Chinese script the visitor reads (for tagging their Chinese text). */
  private _chinese(): 'zh-Hant' | 'zh-Hans' {
    return this._lang() === 'zh-Hans' ? 'zh-Hans' : 'zh-Hant';
  }
  private _sheet() {
    return sheetOf(this._meta);
  }
  private _maxMessage(): number {
    return this._meta.limits.maxMessageChars;
  }

  private _watchPageLang(): void {
    // Without an explicit lang, follow the host page's <html lang> (e.g. a language toggle).
    if (this.getAttribute('lang')) {
      if (this._langObserver) {
        this._langObserver.disconnect();
        this._langObserver = null;
      }
      return;
    }
    if (this._langObserver || typeof MutationObserver !== 'function') return;
    this._langObserver = new MutationObserver((records) => {
      // Pages often re-set the same lang on load: only a real change overrides the visitor's pick.
      const now = normLang(document.documentElement.getAttribute('lang'));
      if (records.some((r) => normLang(r.oldValue) !== now)) this._forgetPickedLang();
      this._applyLang();
    });
    this._langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], attributeOldValue: true });
  }

  private _endpoint(): string {
    let ep = this.getAttribute('endpoint');
    if (!ep) {
      const script = FactsheetChat.script;
      try {
        ep = script && script.src ? new URL(script.src, location.href).origin : location.origin;
      } catch {
        ep = location.origin;
      }
    }
    return String(ep).replace(/\/+$/, '');
  }

  /** Asks the service once for its documents, date and limits; until then (or if it fails) the defaults apply. */
  private _loadMeta(): void {
    if (this._metaLoad) return;
    const load: Promise<void> = fetchMeta(this._endpoint()).then(
      (meta) => {
        if (this._metaLoad !== load) return; // the endpoint changed meanwhile
        this._meta = meta;
        this._applyMeta();
      },
      () => {
        if (this._metaLoad === load) this._metaLoad = null; // not ready or unreachable: try again on the next open
      },
    );
    this._metaLoad = load;
  }

  private _build(): void {
    const id = this._id;
    const shadow = this.attachShadow({ mode: 'open' });
    applyStyles(shadow, CSS);

    this._launcherLabel = h('span', { class: 'label' });
    this._launcher = h(
      'button',
      { type: 'button', class: 'launcher', part: 'launcher', 'aria-expanded': 'false', 'aria-controls': id + '-panel', onclick: () => this.toggle() },
      [icon(ICON_CHAT), this._launcherLabel],
    );

    this._title = h('h2', { class: 'title', part: 'title', id: id + '-title' });
    this._newBtn = h('button', { type: 'button', class: 'hbtn new', onclick: () => this.reset() });
    this._closeBtn = h('button', { type: 'button', class: 'hbtn close', onclick: () => this.close() }, icon(ICON_CLOSE));
    // 繁 / 简 / EN: each button named in its own language (and spoken in it), the current one pressed.
    this._langBtns = LANGS.map((l) =>
      h('button', { type: 'button', class: 'lbtn', lang: l, 'aria-label': LANG_NAMES[l].name, 'aria-pressed': 'false', text: LANG_NAMES[l].short, onclick: () => this._pickLang(l) }),
    );
    this._langGroup = h('div', { class: 'langs', role: 'group', part: 'lang-switch' }, this._langBtns);
    this._note = h('p', { class: 'note', part: 'note', id: id + '-note' });

    this._messages = h('div', { class: 'messages', part: 'messages', role: 'region', id: id + '-messages' });

    this._srcKicker = h('p', { class: 'source-kicker' });
    this._srcTitle = h('h3', { class: 'source-title', id: id + '-srctitle', tabindex: '-1' });
    this._srcBack = h('button', { type: 'button', class: 'hbtn back', onclick: () => this._closeSource(true) });
    this._srcText = h('blockquote', { class: 'source-text' });
    this._srcHint = h('p', { class: 'source-hint' });
    this._source = h('section', { class: 'source', hidden: true, 'aria-labelledby': id + '-srctitle' }, [
      h('div', { class: 'source-head' }, [h('div', null, [this._srcKicker, this._srcTitle]), this._srcBack]),
      h('div', { class: 'source-body' }, [this._srcText, this._srcHint]),
    ]);

    this._errorText = h('p', { id: id + '-errtext' });
    this._retryBtn = h('button', { type: 'button', class: 'abtn retry', onclick: () => this._retry() });
    this._errorBox = h('div', { class: 'error', role: 'alert', hidden: true }, [this._errorText, this._retryBtn]);

    this._inputLabel = h('label', { class: 'sr-only', for: id + '-input' });
    this._input = h('textarea', {
      id: id + '-input', part: 'input', rows: '1', maxlength: String(this._maxMessage()), autocomplete: 'off', spellcheck: 'true',
      'aria-describedby': id + '-hint ' + id + '-note', enterkeyhint: 'send',
    });
    this._sendBtn = h('button', { type: 'submit', class: 'send', part: 'send' });
    this._hint = h('span', { id: id + '-hint' });
    this._count = h('span', { class: 'count', 'aria-hidden': 'true' });
    this._form = h('form', { class: 'composer', novalidate: true }, [
      this._errorBox,
      this._inputLabel,
      h('div', { class: 'row' }, [this._input, this._sendBtn]),
      h('div', { class: 'hintrow' }, [this._hint, this._count]),
    ]);

    this._live = h('div', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' });

    this._panel = h(
      'section',
      { class: 'panel', part: 'panel', id: id + '-panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': id + '-title', hidden: true },
      [
        h('div', { class: 'header', part: 'header' }, [this._title, h('div', { class: 'hctl' }, [this._langGroup, this._newBtn, this._closeBtn])]),
        this._note,
        h('div', { class: 'body' }, [this._messages, this._source]),
        this._form,
      ],
    );

    this._root = h('div', { class: 'root' + (this.getAttribute('position') === 'left' ? ' left' : '') }, [this._launcher, this._panel, this._live]);
    shadow.appendChild(this._root);

    this._form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      this._submit();
    });
    this._input.addEventListener('keydown', (ev) => {
      if (ev.key !== 'Enter' || ev.shiftKey || ev.altKey || ev.ctrlKey || ev.metaKey) return;
      if (ev.isComposing || ev.keyCode === 229) return; // IME (Cangjie, Pinyin…) is confirming a candidate
      ev.preventDefault();
      this._submit();
    });
    this._input.addEventListener('input', () => {
      this._autosize();
      this._updateCount();
    });
    shadow.addEventListener('keydown', (ev) => {
      const e = ev as KeyboardEvent;
      if (e.key !== 'Escape' && e.key !== 'Esc') return;
      if (e.isComposing) return;
      if (!this._isOpen) return;
      e.preventDefault();
      e.stopPropagation();
      if (!this._source.hidden) this._closeSource(true);
      else this.close();
    });

    this._renderEmpty();
  }

  private _applyLang(): void {
    const t = this._t(), lang = this._lang();
    this._root.setAttribute('lang', lang);
    this._langGroup.setAttribute('aria-label', t.language);
    this._langBtns.forEach((b, i) => b.setAttribute('aria-pressed', String(LANGS[i] === lang)));
    this._launcherLabel.textContent = t.launcher;
    this._newBtn.textContent = t.newChat;
    this._closeBtn.setAttribute('aria-label', t.close);
    this._messages.setAttribute('aria-label', t.conversation);
    this._srcBack.textContent = t.backToChat;
    this._inputLabel.textContent = t.inputLabel;
    this._input.setAttribute('placeholder', t.placeholder);
    this._sendBtn.textContent = t.send;
    this._hint.textContent = t.hint;
    this._retryBtn.textContent = t.retry;
    this._messages.querySelectorAll('.suggest').forEach((sug) => sug.parentNode!.replaceChild(this._suggestions(), sug));
    this._messages.querySelectorAll('.copy').forEach((b) => (b.textContent = t.copy));
    this._messages.querySelectorAll('.cite').forEach((b) => b.setAttribute('aria-label', t.source(b.getAttribute('data-marker') || '')));
    this._messages.querySelectorAll('[data-t]').forEach((el) => (el.textContent = t[el.getAttribute('data-t') as TextKey]));
    this._messages.querySelectorAll('[data-t-label]').forEach((el) => el.setAttribute('aria-label', t[el.getAttribute('data-t-label') as TextKey]));
    this._applyMeta();
  }

  /** Texts that name the fact sheet, its date or the message limit (language or meta changed). */
  private _applyMeta(): void {
    const t = this._t(), sheet = this._sheet();
    this._title.textContent = t.title(sheet);
    this._note.textContent = t.note(sheet);
    this._input.setAttribute('maxlength', String(this._maxMessage()));
    if (this._errorKind) this._errorText.textContent = this._errorMessage(this._errorKind);
    this._messages.querySelectorAll('.msg.decline').forEach((dec) => {
      dec.querySelector('.decline-title')!.textContent = t.declineTitle;
      dec.querySelector('.decline-text')!.textContent = t.decline(sheet);
    });
    if (!this._source.hidden && this._sourceState) this._renderSource(this._sourceState.citation, this._sourceState.answer);
    this._updateCount();
  }

  /* ---------------------------------------------------------------- open / close */

  open(opts?: { focus?: boolean }): void {
    const focus = !opts || opts.focus !== false;
    this._loadMeta();
    if (!this._isOpen) {
      this._isOpen = true;
      this._panel.hidden = false;
      this._panel.classList.remove('animate');
      void this._panel.offsetWidth;
      this._panel.classList.add('animate');
      this._launcher.setAttribute('aria-expanded', 'true');
      this._emit('open', {});
    }
    if (focus) this._input.focus();
    this._scrollToEnd(true);
  }

  close(): void {
    if (!this._isOpen) return;
    this._isOpen = false;
    this._panel.hidden = true;
    this._launcher.setAttribute('aria-expanded', 'false');
    this._launcher.focus();
    this._emit('close', {});
  }

  toggle(): void {
    if (this._isOpen) this.close();
    else this.open();
  }

  /** Open the panel and ask `question` (as if typed and sent). */
  ask(question: string): void {
    this.open();
    this._input.value = String(question || '');
    this._autosize();
    this._updateCount();
    this._submit();
  }

  /** Start a new conversation: forget history, clear messages, abort a pending answer. */
  reset(): void {
    if (this._controller) {
      this._controller.abort();
      this._controller = null;
    }
    this._setBusy(false);
    this._history = [];
    this._failed = null;
    this._hideError();
    this._closeSource(false);
    this._messages.textContent = '';
    this._renderEmpty();
    this._announce(this._t().newChatDone);
    if (this._isOpen) this._input.focus();
  }

  private _emit(name: string, detail: unknown): void {
    try {
      this.dispatchEvent(new CustomEvent('factsheet-chat:' + name, { detail, bubbles: true, composed: true }));
    } catch {
      /* ignore */
    }
  }

  /* ---------------------------------------------------------------- rendering */

  private _renderEmpty(): void {
    this._messages.appendChild(this._suggestions());
  }

  private _suggestions(): HTMLDivElement {
    const t = this._t(), hid = this._id + '-sug' + ++uid;
    return h('div', { class: 'suggest', role: 'group', 'aria-labelledby': hid }, [
      h('h3', { id: hid, text: t.suggestionsTitle }),
      h(
        'ul',
        null,
        t.suggestions.map((q) =>
          h('li', null, h('button', { type: 'button', class: 'sbtn', text: q, onclick: () => { if (!this._busy) this.ask(q); } })),
        ),
      ),
    ]);
  }

  private _autosize(): void {
    const el = this._input;
    el.style.height = 'auto';
    el.style.height = Math.min(el.scrollHeight + 4, 140) + 'px';
  }

  private _updateCount(): void {
    const n = this._input.value.length, max = this._maxMessage();
    this._count.textContent = n >= max * 0.8 ? this._t().charCount(n, this._sheet()) : '';
    this._count.classList.toggle('over', n >= max);
  }

  private _nearBottom(): boolean {
    const m = this._messages;
    return m.scrollHeight - m.scrollTop - m.clientHeight < 80;
  }
  private _scrollToEnd(force: boolean): void {
    const m = this._messages;
    if (force || this._stick) m.scrollTop = m.scrollHeight;
  }
  /** Follow the growing answer, but never scroll its first line (and the question above it) out of view. */
  private _scrollToAnswer(userMsg: HTMLElement): void {
    const m = this._messages;
    const bottom = m.scrollHeight - m.clientHeight;
    const top = userMsg && userMsg.parentNode === m ? userMsg.offsetTop - m.offsetTop - 8 : bottom;
    m.scrollTop = Math.max(0, Math.min(bottom, top));
  }

  private _announce(text: string): void {
    const live = this._live;
    live.textContent = '';
    clearTimeout(this._announceTimer);
    this._announceTimer = setTimeout(() => {
      live.textContent = text;
    }, 60);
  }

  /** Render answer text into `container`, turning [n] markers that match a citation into buttons. Returns the markers used. */
  private _renderAnswerText(container: HTMLElement, text: string, citations: Citation[], msgState: MsgState): Set<number> {
    const byMarker = new Map<number, Citation>();
    (citations || []).forEach((c) => {
      if (c && c.marker !== undefined) byMarker.set(Number(c.marker), c);
    });
    container.textContent = '';
    const used = new Set<number>();
    let run = '';
    const flush = () => {
      if (run) container.appendChild(document.createTextNode(run));
      run = '';
    };
    for (const part of splitMarkers(forDisplay(text))) {
      const c = 'marker' in part ? byMarker.get(part.marker) : undefined;
      if ('text' in part) run += part.text;
      else if (!c) run += marker(part.marker); // no such citation: leave the marker as text
      else {
        flush();
        container.appendChild(this._citeButton(c, msgState));
        used.add(part.marker);
      }
    }
    flush();
    return used;
  }

  private _citeButton(c: Citation, msgState: MsgState): HTMLButtonElement {
    const t = this._t();
    const btn = h('button', {
      type: 'button', class: 'cite', 'data-marker': String(c.marker), 'aria-label': t.source(c.marker),
      title: c.section || null, text: String(c.marker),
    });
    btn.addEventListener('click', () => this._openSource(c, msgState.answer, btn));
    return btn;
  }

  /* ---------------------------------------------------------------- cited passage */

  private _openSource(citation: Citation, answer: string, opener: HTMLElement): void {
    this._sourceOpener = opener || null;
    this._sourceState = { citation, answer };
    this._renderSource(citation, answer);
    this._source.hidden = false;
    this._messages.setAttribute('inert', '');
    this._messages.setAttribute('aria-hidden', 'true');
    this._source.querySelector('.source-body')!.scrollTop = 0;
    this._srcTitle.focus();
    const mark = this._srcText.querySelector('mark');
    if (mark && mark.scrollIntoView) {
      try {
        mark.scrollIntoView({ block: 'nearest' });
      } catch {
        /* ignore */
      }
    }
  }

  private _renderSource(citation: Citation, answer: string): void {
    const t = this._t();
    this._srcKicker.textContent = t.sourceOf(citation.marker, documentTitle(this._meta, citation.document));
    this._srcTitle.textContent = '';
    this._srcTitle.appendChild(h('span', { class: 'sr-only', text: t.sectionLabel }));
    this._srcTitle.appendChild(document.createTextNode(citation.section || '—'));
    this._srcText.setAttribute('lang', 'zh-Hant');
    const some = renderHighlighted(this._srcText, forDisplay(citation.text), answer || '');
    this._srcHint.textContent = some ? t.highlightedSome : t.highlightedAll;
  }

  private _closeSource(restoreFocus: boolean): void {
    if (this._source.hidden) return;
    this._source.hidden = true;
    this._sourceState = null;
    this._messages.removeAttribute('inert');
    this._messages.removeAttribute('aria-hidden');
    if (restoreFocus) {
      const opener = this._sourceOpener;
      if (opener && opener.isConnected) opener.focus();
      else this._input.focus();
    }
    this._sourceOpener = null;
  }

  /* ---------------------------------------------------------------- errors */

  private _errorMessage(kind: ErrorKind): string {
    const t = this._t();
    if (kind === 'rate') return this._errorRetryAfter ? t.errRateSeconds(this._errorRetryAfter) : t.errRate;
    if (kind === 'timeout') return t.errTimeout;
    if (kind === 'server') return t.errServer;
    if (kind === 'bad') return t.errBad;
    if (kind === 'empty') return t.errEmpty;
    if (kind === 'toolong') return t.errTooLong(this._sheet());
    return t.errNetwork;
  }

  private _showError(kind: ErrorKind, retryable: boolean, retryAfter?: number): void {
    this._errorKind = kind;
    this._errorRetryAfter = retryAfter || 0;
    this._errorText.textContent = this._errorMessage(kind);
    this._retryBtn.hidden = !retryable;
    this._errorBox.hidden = false;
    this._errorBox.setAttribute('data-kind', kind);
  }

  private _hideError(): void {
    this._errorKind = null;
    this._errorBox.hidden = true;
    this._errorText.textContent = '';
  }

  private _retry(): void {
    if (this._busy) return;
    if (!this._input.value.trim() && this._failed) this._input.value = this._failed;
    // The Retry button disappears while sending: keep keyboard focus somewhere sensible.
    this._input.focus();
    this._submit();
  }

  private _setBusy(busy: boolean): void {
    this._busy = busy;
    this._sendBtn.setAttribute('aria-disabled', busy ? 'true' : 'false');
    this._messages.setAttribute('aria-busy', busy ? 'true' : 'false');
  }

  /* ---------------------------------------------------------------- sending */

  private _submit(): void {
    if (this._busy) return;
    const text = this._input.value.replace(/^\s+|\s+$/g, '');
    if (!text) {
      this._showError('empty', false);
      this._input.focus();
      return;
    }
    if (text.length > this._maxMessage()) {
      this._showError('toolong', false);
      this._input.focus();
      return;
    }
    this._hideError();
    this._closeSource(false);
    this._send(text);
  }

  private _send(question: string): void {
    const t = this._t();
    this._stick = true;

    // Drop the empty-state suggestions once the conversation starts.
    this._messages.querySelectorAll('.suggest').forEach(removeNode);

    const userMsg = h('div', { class: 'msg user', lang: textLang(question, this._chinese()) }, [h('span', { class: 'sr-only', 'data-t': 'you', text: t.you }), question]);
    const textEl = h('div', { class: 'text' });
    const thinking = h('div', { class: 'thinking' }, [
      h('span', { class: 'dots', 'aria-hidden': 'true' }, [h('span'), h('span'), h('span')]),
      h('span', { 'data-t': 'thinking', text: t.thinking }),
    ]);
    const botMsg = h('div', { class: 'msg assistant', 'data-state': 'pending' }, [
      h('span', { class: 'sr-only', 'data-t': 'answer', text: t.answer }),
      thinking,
      textEl,
    ]);
    this._messages.appendChild(userMsg);
    this._messages.appendChild(botMsg);
    this._scrollToEnd(true);

    // Clear the input only now; restore it if the request fails.
    const typed = this._input.value;
    this._input.value = '';
    this._autosize();
    this._updateCount();
    this._setBusy(true);
    this._announce(t.answering);

    const state: MsgState & { raf: number } = { answer: '', citations: [], raf: 0 };
    const history = lastN(this._history, this._meta.limits.maxHistoryTurns).map((m) => ({
      role: m.role,
      content: m.content.length > MAX_HISTORY_CHARS ? m.content.slice(0, MAX_HISTORY_CHARS) : m.content,
    }));
    const body: { message: string; stream: boolean; history?: Turn[] } = { message: question, stream: true };
    if (history.length) body.history = history;

    const controller = typeof AbortController === 'function' ? new AbortController() : null;
    this._controller = controller;
    const current = () => this._controller === controller;

    const requestFrame = (cb: () => void): number =>
      window.requestAnimationFrame ? window.requestAnimationFrame(cb) : (setTimeout(cb) as unknown as number);
    const cancelFrame = (id: number): void => (window.cancelAnimationFrame ? window.cancelAnimationFrame(id) : clearTimeout(id));

    const paint = () => {
      state.raf = 0;
      if (!current()) return;
      const wasNear = this._nearBottom();
      if (thinking.parentNode && state.answer) removeNode(thinking);
      this._renderAnswerText(textEl, state.answer, state.citations, state);
      botMsg.setAttribute('data-state', 'streaming');
      if (wasNear) this._scrollToAnswer(userMsg);
    };

    const finish = (done: Done) => {
      if (state.raf) {
        cancelFrame(state.raf);
        state.raf = 0;
      }
      this._controller = null;
      this._setBusy(false);
      const answer = typeof done.answer === 'string' ? done.answer : state.answer;
      const citations = Array.isArray(done.citations) ? done.citations : state.citations;
      state.answer = answer;
      state.citations = citations;
      removeNode(thinking);
      // Language of the answer text itself (an English answer may quote the Chinese fact sheet), for screen
      // readers and fonts; the labels and buttons around it stay in the UI's language.
      textEl.setAttribute('lang', textLang(answer) === 'en' ? 'en' : done.language === 'zh-Hans' ? 'zh-Hans' : 'zh-Hant');
      botMsg.setAttribute('data-state', 'done');
      botMsg.setAttribute('data-answerable', done.answerable === false ? 'false' : 'true');

      const t2 = this._t();
      if (done.answerable === false) {
        botMsg.classList.add('decline');
        botMsg.textContent = '';
        botMsg.appendChild(h('h3', { class: 'decline-title', text: t2.declineTitle }));
        botMsg.appendChild(h('p', { class: 'decline-text', text: t2.decline(this._sheet()) }));
        // Feedback on a decline too: "this should have been answered" is what the content owners need to hear.
        this._addFeedback(botMsg, done);
        this._messages.appendChild(this._suggestions());
        this._announce(t2.declinedAnnounce);
      } else {
        const partial = uncoveredOf(done).length > 0;
        if (partial) {
          // The answer text says which part is not covered; the label makes the kind of answer visible at a glance.
          botMsg.classList.add('partial');
          botMsg.setAttribute('data-partial', 'true');
          botMsg.insertBefore(h('p', { class: 'partial-label', part: 'partial-label', 'data-t': 'partial', text: t2.partial }), textEl);
        }
        const used = this._renderAnswerText(textEl, answer, citations, state);
        const extra = citations.filter((c) => c && !used.has(Number(c.marker)));
        if (extra.length) {
          const line = h('p', { class: 'srcline' }, [h('span', { 'data-t': 'sources', text: t2.sources }), ' ']);
          extra.forEach((c) => line.appendChild(this._citeButton(c, state)));
          botMsg.appendChild(line);
        }
        botMsg.appendChild(h('div', { class: 'actions' }, [this._copyButton(answer, citations)]));
        this._addFeedback(botMsg, done);
        this._announce((partial ? t2.partialAnnounce : t2.answered) + stripMarkers(forDisplay(answer)));
      }
      this._history.push({ role: 'user', content: question }, { role: 'assistant', content: answer });
      this._history = lastN(this._history, this._meta.limits.maxHistoryTurns);
      this._failed = null;
      this._scrollToAnswer(userMsg);
      this._emit('answer', done);
    };

    const fail = (kind: ErrorKind, err: unknown) => {
      if (state.raf) {
        cancelFrame(state.raf);
        state.raf = 0;
      }
      this._controller = null;
      this._setBusy(false);
      // Take the unanswered turn back out of the conversation and give the text back.
      removeNode(botMsg);
      removeNode(userMsg);
      if (!this._messages.querySelector('.msg')) this._renderEmpty();
      this._failed = question;
      if (!this._input.value) this._input.value = typed;
      this._autosize();
      this._updateCount();
      const e = (err && typeof err === 'object' ? err : {}) as Partial<ChatError>;
      this._showError(kind, kind !== 'bad', e.retryAfter);
      this._emit('error', { kind, status: e.status || 0, code: e.code || '', message: e.message || String(err) });
      const active = this.shadowRoot!.activeElement;
      if (this._isOpen && (!active || active === this._sendBtn)) this._input.focus();
    };

    streamChat({
      url: this._endpoint() + '/api/chat',
      body,
      controller,
      timeoutMs: REQUEST_TIMEOUT_MS,
      handlers: {
        citations: (list) => {
          if (current()) state.citations = list;
        },
        delta: (text) => {
          if (!current()) return;
          state.answer += text;
          this._emit('delta', { text });
          if (!state.raf) state.raf = requestFrame(paint);
        },
      },
    }).then(
      (done) => {
        if (!current()) return;
        if (!done) throw new ChatError('network', { message: 'stream ended early' });
        finish(done);
      },
    ).catch((err: unknown) => {
      if (!current()) return; // superseded (new conversation)
      fail(err instanceof ChatError ? err.kind : 'network', err);
    });
  }

  /** Thumbs up / down under an answer whose reply carries an answer id (none without one). */
  private _addFeedback(msg: HTMLElement, done: Done): void {
    const answerId = answerIdOf(done);
    if (!answerId) return;
    msg.appendChild(
      feedbackBox({
        answerId,
        idPrefix: this._id + '-fb' + ++uid,
        t: () => this._t(),
        endpoint: () => this._endpoint(),
        announce: (text) => this._announce(text),
        onSent: (body) => this._emit('feedback', { answerId: body.answerId, rating: body.rating }),
      }),
    );
  }

  private _copyButton(answer: string, citations: Citation[]): HTMLButtonElement {
    const btn = h('button', { type: 'button', class: 'abtn copy', text: this._t().copy });
    btn.addEventListener('click', () => {
      const t = this._t();
      const lines = [answer];
      if (citations && citations.length) {
        lines.push('');
        citations.forEach((c) => lines.push(marker(c.marker) + ' ' + (c.section || '')));
      }
      lines.push('', t.note(this._sheet()));
      copyText(lines.join('\n')).then(
        () => {
          btn.textContent = t.copied;
          this._announce(t.copiedAnnounce);
          setTimeout(() => {
            btn.textContent = this._t().copy;
          }, 2000);
        },
        () => this._announce(t.copyFailed),
      );
    });
    return btn;
  }
}
