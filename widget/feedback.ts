/**
 * Feedback on one answer: thumbs up / down and an optional short reason, sent once to POST {endpoint}/api/feedback
 * as { answerId, rating, reason? }. A failure keeps what was typed and says to try again.
 */
import { h, icon } from './dom.js';
import { MAX_REASON_CHARS, type Strings, type TextKey } from './strings.js';

export type Rating = 'up' | 'down';

export interface FeedbackBody {
  answerId: string;
  rating: Rating;
  /** Omitted when the visitor typed none. */
  reason?: string;
}

const FEEDBACK_TIMEOUT_MS = 15000;
const MAX_ANSWER_ID_CHARS = 200;

/** Thumb (Material Design icon "thumb_up", Apache-2.0); turned half a circle it is the thumb down. */
const ICON_THUMB =
  'M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z';

/** The answer's id when the reply carries a usable one; no id → no feedback buttons. */
export function answerIdOf(done: { answerId?: unknown }): string | null {
  const id = done.answerId;
  return typeof id === 'string' && id.length > 0 && id.length <= MAX_ANSWER_ID_CHARS ? id : null;
}

/**
 * Sends the feedback. Resolves on 2xx, and on 409 (the service already has this answer's feedback: an
 * earlier send arrived though its reply was lost); rejects on any other status, a network error or timeout.
 */
export function postFeedback(endpoint: string, body: FeedbackBody): Promise<void> {
  const controller = typeof AbortController === 'function' ? new AbortController() : null;
  const timer = setTimeout(() => controller?.abort(), FEEDBACK_TIMEOUT_MS);
  let request: Promise<Response>;
  try {
    request = fetch(endpoint + '/api/feedback', {
      method: 'POST',
      mode: 'cors',
      credentials: 'omit',
      cache: 'no-store',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      signal: controller ? controller.signal : undefined,
    });
  } catch (e) {
    request = Promise.reject(e);
  }
  return request
    .then((res) => {
      if (!res.ok && res.status !== 409) throw new Error(`POST /api/feedback: HTTP ${res.status}`);
    })
    .finally(() => clearTimeout(timer));
}

export interface FeedbackOptions {
  answerId: string;
  /** Unique prefix for element ids. */
  idPrefix: string;
  /** The UI strings now (the language can change while the box is shown). */
  t(): Strings;
  endpoint(): string;
  announce(text: string): void;
  onSent(body: FeedbackBody): void;
}

/**
 * The feedback box under an answer. Texts carry `data-t` / `data-t-label`, so the element re-translates
 * them when the language changes. Choosing a thumb opens the reason field; "send" posts once.
 */
export function feedbackBox(o: FeedbackOptions): HTMLDivElement {
  const t = o.t();
  const askId = o.idPrefix + '-ask', reasonId = o.idPrefix + '-reason';
  let rating: Rating | null = null;
  let sending = false;

  const thumb = (r: Rating, key: TextKey): HTMLButtonElement => {
    const svg = icon(ICON_THUMB);
    if (r === 'down') svg.firstElementChild!.setAttribute('transform', 'rotate(180 12 12)');
    return h('button', { type: 'button', class: 'fbtn ' + r, 'aria-pressed': 'false', 'data-t-label': key, 'aria-label': t[key], onclick: () => choose(r) }, svg);
  };
  const up = thumb('up', 'feedbackUp');
  const down = thumb('down', 'feedbackDown');
  const reason = h('textarea', { id: reasonId, class: 'reason', rows: '2', maxlength: String(MAX_REASON_CHARS), autocomplete: 'off' });
  const send = h('button', { type: 'submit', class: 'abtn fsend', 'aria-disabled': 'false', 'data-t': 'feedbackSend', text: t.feedbackSend });
  let error: HTMLParagraphElement | null = null;
  const form = h('form', { class: 'fbform', hidden: true, novalidate: true }, [
    h('label', { for: reasonId, 'data-t': 'feedbackReason', text: t.feedbackReason }),
    reason,
    h('div', { class: 'fbrow' }, send),
  ]);
  const box = h('div', { class: 'feedback', part: 'feedback', role: 'group', 'aria-labelledby': askId }, [
    h('div', { class: 'fbhead' }, [h('span', { id: askId, 'data-t': 'feedbackAsk', text: t.feedbackAsk }), up, down]),
    form,
  ]);

  function choose(r: Rating): void {
    if (sending) return;
    rating = r;
    up.setAttribute('aria-pressed', String(r === 'up'));
    down.setAttribute('aria-pressed', String(r === 'down'));
    form.hidden = false;
    reason.focus();
    // The whole form in view, its send button included (focus alone only reveals the field).
    if (form.scrollIntoView) form.scrollIntoView({ block: 'nearest' });
  }

  function showError(): void {
    // A new alert element each time, so a repeated failure is announced again.
    if (error && error.parentNode) error.parentNode.removeChild(error);
    error = h('p', { class: 'fberr', role: 'alert', 'data-t': 'feedbackError', text: o.t().feedbackError });
    form.insertBefore(error, form.lastChild);
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (!rating || sending) return;
    sending = true;
    send.setAttribute('aria-disabled', 'true');
    box.setAttribute('aria-busy', 'true');
    const body: FeedbackBody = { answerId: o.answerId, rating };
    const why = reason.value.trim().slice(0, MAX_REASON_CHARS);
    if (why) body.reason = why;
    postFeedback(o.endpoint(), body).then(
      () => {
        const root = box.getRootNode() as Document | ShadowRoot;
        const hadFocus = !!root.activeElement && box.contains(root.activeElement);
        const thanks = h('p', { class: 'fbthanks', tabindex: '-1', 'data-t': 'feedbackThanks', text: o.t().feedbackThanks });
        // One feedback per answer: the controls go, the thanks stays.
        box.textContent = '';
        box.removeAttribute('role');
        box.removeAttribute('aria-labelledby');
        box.removeAttribute('aria-busy');
        box.setAttribute('data-state', 'sent');
        box.appendChild(thanks);
        if (hadFocus) thanks.focus(); // read out as it takes the focus the removed button had
        else o.announce(thanks.textContent || '');
        o.onSent(body);
      },
      () => {
        sending = false;
        send.setAttribute('aria-disabled', 'false');
        box.removeAttribute('aria-busy');
        showError();
      },
    );
  });

  return box;
}
