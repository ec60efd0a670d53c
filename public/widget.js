/*!
 * factsheet-chat — embeddable Q&A widget for the HKSAR fact sheet 「創新及科技」
 * (Innovation and Technology, updated 2023-06-30).
 *
 * One self-contained classic script: no build step, no framework, no external fetches
 * other than the API it is pointed at.
 *
 *   <script src="https://host/widget.js" data-endpoint="https://host" data-lang="zh-Hant" defer></script>
 *
 * Script attributes (all optional):
 *   data-endpoint   Base URL of the API; POSTs go to {endpoint}/api/chat. Default: the script's own origin.
 *   data-lang       "zh-Hant" | "en". Default: follows <html lang> of the host page (and keeps following it).
 *   data-position   "right" (default) | "left": which bottom corner the launcher sits in.
 *   data-open       "true" to start with the panel open (without moving focus).
 *
 * Or place the element yourself (the script then does not add another one):
 *   <factsheet-chat endpoint="https://host" lang="en" position="left"></factsheet-chat>
 *
 * Element API: el.open(), el.close(), el.toggle(), el.ask(question), el.reset().
 * Events (bubble, composed) on the element:
 *   factsheet-chat:open, factsheet-chat:close,
 *   factsheet-chat:delta  detail { text }            (one per streamed chunk)
 *   factsheet-chat:answer detail <the done payload>  (answer, answerable, citations, mode, language)
 *   factsheet-chat:error  detail { kind, status, code, message }
 *
 * Server text is only ever inserted with textContent / text nodes, never as HTML.
 */
(function () {
  'use strict';

  var TAG = 'factsheet-chat';
  if (typeof window === 'undefined' || !window.customElements) return;

  var SCRIPT = document.currentScript || findOwnScript();
  var MAX_MESSAGE = 1000;
  var MAX_HISTORY = 20;          // history entries sent with a question
  var MAX_HISTORY_CHARS = 4000;  // per entry (the server accepts up to 8000)
  var REQUEST_TIMEOUT_MS = 60000;

  function findOwnScript() {
    var scripts = document.getElementsByTagName('script');
    for (var i = scripts.length - 1; i >= 0; i--) {
      if (/\/widget\.js(?:[?#].*)?$/.test(scripts[i].src || '')) return scripts[i];
    }
    return null;
  }

  /* ------------------------------------------------------------------ strings */

  var STRINGS = {
    'zh-Hant': {
      launcher: '有問題？問我',
      title: '創新及科技便覽問答',
      close: '關閉問答視窗',
      newChat: '新對話',
      note: '答案只根據香港特區政府《創新及科技》便覽（更新日期：2023 年 6 月 30 日）的內容提供。',
      inputLabel: '輸入你的問題',
      placeholder: '例如：香港有多少間初創企業？',
      hint: '按 Enter 傳送，Shift + Enter 換行',
      send: '傳送',
      you: '你的問題：',
      answer: '答案：',
      source: function (n) { return '來源 ' + n; },
      sources: '來源：',
      sourceOf: function (n) { return '來源 ' + n + '・《創新及科技》便覽'; },
      sectionLabel: '章節：',
      highlightedSome: '已標示答案所引用的句子。',
      highlightedAll: '整段內容為答案的依據。',
      backToChat: '返回對話',
      copy: '複製答案',
      copied: '已複製',
      copiedAnnounce: '已把答案複製到剪貼簿。',
      copyFailed: '未能複製，請手動選取文字。',
      suggestionsTitle: '你可以問：',
      suggestions: [
        '數碼港匯集多少家初創企業和科技公司？',
        '香港現時有多少間初創企業？',
        '「產學研 1+計劃」是甚麼？',
        '「智方便」提供多少項網上服務？'
      ],
      declineTitle: '未能回答這個問題',
      decline: '《創新及科技》便覽沒有這方面的資料，所以未能回答。請嘗試詢問與香港創新及科技有關的問題。',
      thinking: '正在查閱便覽…',
      answering: '正在回答你的問題，請稍候。',
      answered: '答案：',
      declinedAnnounce: '未能回答：便覽沒有這方面的資料。',
      errNetwork: '未能連接問答服務。請檢查網絡連線，然後重試。你輸入的問題已保留。',
      errTimeout: '問答服務回應時間過長。請重試。你輸入的問題已保留。',
      errRate: '提問次數太多，請稍候片刻再重試。你輸入的問題已保留。',
      errRateSeconds: function (s) { return '提問次數太多，請在約 ' + s + ' 秒後重試。你輸入的問題已保留。'; },
      errServer: '問答服務暫時未能使用，請稍後重試。你輸入的問題已保留。',
      errBad: '未能處理這個問題，請修改後再試。',
      errEmpty: '請先輸入問題。',
      errTooLong: '問題最多 1000 字，請縮短後再試。',
      retry: '重試',
      dismiss: '關閉訊息',
      newChatDone: '已開始新對話。',
      charCount: function (n) { return n + ' / 1000 字'; },
      conversation: '對話內容'
    },
    en: {
      launcher: 'Ask a question',
      title: 'Innovation & Technology Q&A',
      close: 'Close the Q&A panel',
      newChat: 'New conversation',
      note: 'Answers come only from the HKSAR Government fact sheet “Innovation and Technology” (updated 30 June 2023).',
      inputLabel: 'Type your question',
      placeholder: 'Ask about the fact sheet…',
      hint: 'Enter to send, Shift + Enter for a new line',
      send: 'Send',
      you: 'Your question:',
      answer: 'Answer:',
      source: function (n) { return 'Source ' + n; },
      sources: 'Sources:',
      sourceOf: function (n) { return 'Source ' + n + ' · “Innovation and Technology” fact sheet'; },
      sectionLabel: 'Section: ',
      highlightedSome: 'The sentences the answer relies on are highlighted.',
      highlightedAll: 'The whole passage supports the answer.',
      backToChat: 'Back to conversation',
      copy: 'Copy answer',
      copied: 'Copied',
      copiedAnnounce: 'The answer has been copied to the clipboard.',
      copyFailed: 'Could not copy. Please select the text instead.',
      suggestionsTitle: 'You could ask:',
      suggestions: [
        'How many start-ups and technology companies does Cyberport house?',
        'How many start-ups are there in Hong Kong?',
        'How many online services does iAM Smart offer?',
        'How many Wi-Fi.HK hotspots are there?'
      ],
      declineTitle: 'This question cannot be answered',
      decline: 'The “Innovation and Technology” fact sheet has no information on this, so it cannot be answered. Please ask about innovation and technology in Hong Kong.',
      thinking: 'Checking the fact sheet…',
      answering: 'Answering your question, please wait.',
      answered: 'Answer: ',
      declinedAnnounce: 'Cannot answer: the fact sheet has no information on this.',
      errNetwork: 'Could not reach the Q&A service. Please check your connection and try again. Your question has been kept.',
      errTimeout: 'The Q&A service took too long to reply. Please try again. Your question has been kept.',
      errRate: 'Too many questions in a short time. Please wait a moment and try again. Your question has been kept.',
      errRateSeconds: function (s) { return 'Too many questions in a short time. Please try again in about ' + s + ' seconds. Your question has been kept.'; },
      errServer: 'The Q&A service is temporarily unavailable. Please try again later. Your question has been kept.',
      errBad: 'This question could not be processed. Please change it and try again.',
      errEmpty: 'Please type a question first.',
      errTooLong: 'Questions can be at most 1000 characters. Please shorten it.',
      retry: 'Retry',
      dismiss: 'Dismiss message',
      newChatDone: 'A new conversation has started.',
      charCount: function (n) { return n + ' / 1000 characters'; },
      conversation: 'Conversation'
    }
  };

  function normLang(v) {
    v = String(v || '').toLowerCase();
    if (!v) return '';
    if (v.indexOf('en') === 0) return 'en';
    if (v.indexOf('zh') === 0) return 'zh-Hant';
    return '';
  }

  /* ------------------------------------------------------------------ styles */

  var CSS = [
    ':host{all:initial !important;display:contents !important;}',
    '*,*::before,*::after{box-sizing:border-box;}',
    '[hidden]{display:none !important;}',
    '.root{--fsc-blue:#0b4f8a;--fsc-blue-dark:#083a66;--fsc-text:#1a1a1a;--fsc-muted:#4b5563;--fsc-border:#8a939c;',
    '  font-family:"Noto Sans TC","Noto Sans CJK TC","PingFang TC","Microsoft JhengHei","Heiti TC",system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;',
    '  font-size:15px;line-height:1.55;color:var(--fsc-text);font-weight:400;font-style:normal;letter-spacing:normal;',
    '  text-align:left;text-transform:none;text-decoration:none;white-space:normal;word-break:normal;overflow-wrap:anywhere;}',
    /* English UI: Latin fonts first (CJK fonts render curly quotes full-width), CJK text falls back. */
    '.root:lang(en){font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans TC","Noto Sans CJK TC","PingFang TC","Microsoft JhengHei",sans-serif;}',
    '.root:lang(en) :lang(zh){font-family:"Noto Sans TC","Noto Sans CJK TC","PingFang TC","Microsoft JhengHei",system-ui,sans-serif;}',
    'button,textarea{font:inherit;color:inherit;letter-spacing:inherit;text-transform:none;margin:0;}',
    'button{cursor:pointer;}',
    ':focus{outline:none;}',
    ':focus-visible{outline:3px solid #ffbf47;outline-offset:0;box-shadow:0 0 0 6px #0b0c0c;}',
    'textarea:focus-visible,textarea:focus{outline:3px solid #ffbf47;outline-offset:0;box-shadow:0 0 0 6px #0b0c0c;}',
    '.sr-only{position:absolute !important;width:1px !important;height:1px !important;padding:0 !important;margin:-1px !important;',
    '  overflow:hidden !important;clip:rect(0 0 0 0) !important;clip-path:inset(50%) !important;white-space:nowrap !important;border:0 !important;}',

    /* launcher */
    '.launcher{position:fixed;z-index:2147483000;bottom:20px;right:20px;display:inline-flex;align-items:center;gap:8px;',
    '  min-height:48px;min-width:48px;padding:10px 18px;border:2px solid #ffffff;border-radius:999px;background:var(--fsc-blue);color:#ffffff;',
    '  font-size:16px;font-weight:700;line-height:1.2;box-shadow:0 2px 10px rgba(0,0,0,.35);}',
    '.launcher:hover{background:var(--fsc-blue-dark);}',
    '.launcher svg{width:22px;height:22px;flex:none;fill:currentColor;}',
    '.root.left .launcher{right:auto;left:20px;}',

    /* panel */
    '.panel{position:fixed;z-index:2147483001;right:20px;bottom:84px;width:400px;max-width:calc(100vw - 40px);',
    '  height:620px;max-height:calc(100vh - 104px);max-height:calc(100dvh - 104px);display:flex;flex-direction:column;',
    '  background:#ffffff;color:var(--fsc-text);border:1px solid var(--fsc-border);border-top:4px solid var(--fsc-blue);border-radius:8px;',
    '  box-shadow:0 8px 28px rgba(0,0,0,.3);overflow:hidden;}',
    '.root.left .panel{right:auto;left:20px;}',
    '.panel.animate{animation:fsc-in .18s ease-out;}',
    '@keyframes fsc-in{from{opacity:0;transform:translateY(12px);}to{opacity:1;transform:none;}}',
    '@media (max-width:480px),(max-height:520px){',
    '  .panel,.root.left .panel{top:0;left:0;right:0;bottom:0;width:100%;max-width:100%;height:100%;max-height:none;border-radius:0;border-left:0;border-right:0;border-bottom:0;}',
    '  .launcher{bottom:12px;right:12px;}',
    '  .root.left .launcher{left:12px;}',
    '}',
    '@media (prefers-reduced-motion:reduce){.panel.animate{animation:none;}.dots span{animation:none !important;opacity:1 !important;}.messages{scroll-behavior:auto !important;}}',

    '.header{display:flex;align-items:center;gap:8px;padding:10px 12px 8px 16px;border-bottom:1px solid #d5d9dd;flex:none;}',
    '.title{flex:1;margin:0;font-size:16px;font-weight:700;line-height:1.3;color:var(--fsc-text);}',
    '.hbtn{display:inline-flex;align-items:center;justify-content:center;min-height:40px;min-width:40px;padding:6px 10px;',
    '  border:1px solid var(--fsc-border);border-radius:6px;background:#ffffff;color:var(--fsc-text);font-size:14px;line-height:1.2;}',
    '.hbtn:hover{background:#eef2f6;}',
    '.hbtn svg{width:18px;height:18px;fill:currentColor;}',
    '.note{flex:none;margin:0;padding:8px 16px;font-size:13px;line-height:1.45;color:var(--fsc-muted);background:#f5f7f9;border-bottom:1px solid #d5d9dd;}',

    '.body{position:relative;flex:1;min-height:0;display:flex;flex-direction:column;}',
    '.messages{flex:1;min-height:0;overflow-y:auto;padding:12px 16px;scroll-behavior:smooth;}',
    '.msg{margin:0 0 12px;padding:10px 12px;border-radius:8px;max-width:100%;}',
    '.msg.user{margin-left:32px;background:#e6eef7;border:1px solid #b9cde3;white-space:pre-wrap;}',
    '.msg.assistant{margin-right:16px;background:#f6f6f4;border:1px solid #d5d9dd;}',
    '.msg.assistant .text{white-space:pre-wrap;}',
    '.msg.decline{background:#fff8e6;border:1px solid #c98a00;border-left:6px solid #a35f00;}',
    '.msg.decline h3{margin:0 0 4px;font-size:15px;font-weight:700;}',
    '.msg.decline p{margin:0;}',
    '.dots{display:inline-flex;gap:4px;align-items:center;color:var(--fsc-muted);}',
    '.dots span{width:6px;height:6px;border-radius:50%;background:currentColor;animation:fsc-blink 1.2s infinite ease-in-out;}',
    '.dots span:nth-child(2){animation-delay:.2s;}.dots span:nth-child(3){animation-delay:.4s;}',
    '@keyframes fsc-blink{0%,80%,100%{opacity:.25;}40%{opacity:1;}}',
    '.thinking{display:flex;align-items:center;gap:8px;color:var(--fsc-muted);font-size:14px;}',
    /* citation markers: at least 24×24 px (WCAG 2.2 target size) */
    '.cite{display:inline-block;vertical-align:baseline;position:relative;top:-2px;min-width:24px;min-height:24px;margin:0 2px;padding:0 6px;border:1px solid var(--fsc-blue);',
    '  border-radius:4px;background:#ffffff;color:var(--fsc-blue);font-size:13px;font-weight:700;line-height:22px;text-align:center;text-decoration:underline;}',
    '.cite:hover{background:var(--fsc-blue);color:#ffffff;}',
    '.srcline{margin:8px 0 0;font-size:13px;color:var(--fsc-muted);}',
    '.actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:8px;}',
    '.abtn{min-height:32px;padding:4px 10px;border:1px solid var(--fsc-border);border-radius:6px;background:#ffffff;color:var(--fsc-text);font-size:13px;line-height:1.3;}',
    '.abtn:hover{background:#eef2f6;}',
    '.suggest{margin:0 0 12px;}',
    '.suggest h3{margin:4px 0 8px;font-size:14px;font-weight:700;color:var(--fsc-text);}',
    '.suggest ul{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:6px;}',
    '.sbtn{width:100%;min-height:40px;padding:8px 12px;text-align:left;border:1px solid var(--fsc-blue);border-radius:6px;background:#ffffff;color:var(--fsc-blue);font-size:14px;line-height:1.4;}',
    '.sbtn:hover{background:#e6eef7;}',

    /* cited-passage view: overlays the conversation, composer stays usable */
    '.source{position:absolute;inset:0;display:flex;flex-direction:column;background:#ffffff;overflow:hidden;}',
    '.source-head{display:flex;align-items:flex-start;gap:8px;padding:12px 16px 8px;border-bottom:1px solid #d5d9dd;flex:none;}',
    '.source-head div{flex:1;min-width:0;}',
    '.source-kicker{margin:0;font-size:13px;color:var(--fsc-muted);}',
    '.source-title{margin:2px 0 0;font-size:17px;font-weight:700;line-height:1.35;}',
    '.source-body{flex:1;overflow-y:auto;padding:12px 16px;}',
    '.source-text{margin:0;padding:10px 12px;border-left:4px solid var(--fsc-blue);background:#f6f6f4;white-space:pre-wrap;font-size:15px;}',
    '.source-text mark{background:#fff0a3;color:#1a1a1a;padding:0 1px;box-shadow:inset 0 -2px 0 #a35f00;}',
    '.source-hint{margin:8px 0 0;font-size:13px;color:var(--fsc-muted);}',

    /* composer */
    '.composer{flex:none;border-top:1px solid #d5d9dd;padding:10px 12px 12px;background:#ffffff;}',
    '.error{display:flex;flex-wrap:wrap;align-items:center;gap:8px;margin:0 0 10px;padding:8px 10px;border:1px solid #b10e1e;border-left:6px solid #b10e1e;border-radius:6px;background:#fdf0f0;color:#1a1a1a;font-size:14px;}',
    '.error p{flex:1 1 200px;margin:0;}',
    '.error .abtn{font-weight:700;}',
    '.row{display:flex;gap:8px;align-items:flex-end;}',
    'textarea{flex:1;min-width:0;min-height:44px;max-height:140px;resize:none;padding:10px 12px;border:2px solid #5f6b76;border-radius:6px;background:#ffffff;color:#1a1a1a;font-size:15px;line-height:1.45;}',
    'textarea::placeholder{color:#5f6670;opacity:1;}',
    '.send{min-height:44px;min-width:64px;padding:8px 14px;border:2px solid var(--fsc-blue);border-radius:6px;background:var(--fsc-blue);color:#ffffff;font-weight:700;}',
    '.send:hover{background:var(--fsc-blue-dark);}',
    '.send[aria-disabled="true"]{background:#e6e8ea;border-color:#8a939c;color:#4b5563;cursor:not-allowed;}',
    '.hintrow{display:flex;justify-content:space-between;gap:8px;margin-top:4px;font-size:12.5px;color:var(--fsc-muted);}',
    '.count.over{color:#b10e1e;font-weight:700;}',
    '@media (forced-colors:active){.launcher,.send,.cite,.sbtn,.abtn,.hbtn{border:2px solid ButtonText;}.source-text mark{forced-color-adjust:none;background:Mark;color:MarkText;}}'
  ].join('\n');

  var sharedSheet = null;
  function applyStyles(shadow) {
    // Constructable stylesheets are not blocked by a host page's strict `style-src` CSP.
    try {
      if ('adoptedStyleSheets' in Document.prototype && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
        if (!sharedSheet) { sharedSheet = new CSSStyleSheet(); sharedSheet.replaceSync(CSS); }
        shadow.adoptedStyleSheets = [sharedSheet];
        return;
      }
    } catch (e) { /* fall back to a <style> element */ }
    var style = document.createElement('style');
    style.textContent = CSS;
    shadow.appendChild(style);
  }

  /* ------------------------------------------------------------------ DOM helpers */

  function h(tag, attrs, children) {
    var el = document.createElement(tag);
    if (attrs) {
      for (var k in attrs) {
        if (!Object.prototype.hasOwnProperty.call(attrs, k)) continue;
        var v = attrs[k];
        if (v === null || v === undefined || v === false) continue;
        if (k === 'text') el.textContent = v;
        else if (k === 'class') el.className = v;
        else if (k.slice(0, 2) === 'on' && typeof v === 'function') el.addEventListener(k.slice(2), v);
        else el.setAttribute(k, v === true ? '' : String(v));
      }
    }
    appendAll(el, children);
    return el;
  }
  function appendAll(el, children) {
    if (children === null || children === undefined) return;
    if (!Array.isArray(children)) children = [children];
    for (var i = 0; i < children.length; i++) {
      var c = children[i];
      if (c === null || c === undefined || c === false) continue;
      el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
  }
  var SVGNS = 'http://www.w3.org/2000/svg';
  function icon(d) {
    var svg = document.createElementNS(SVGNS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var p = document.createElementNS(SVGNS, 'path');
    p.setAttribute('d', d);
    svg.appendChild(p);
    return svg;
  }
  var ICON_CHAT = 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01z';
  var ICON_CLOSE = 'M18.3 5.7a1 1 0 0 0-1.4 0L12 10.6 7.1 5.7a1 1 0 1 0-1.4 1.4l4.9 4.9-4.9 4.9a1 1 0 1 0 1.4 1.4l4.9-4.9 4.9 4.9a1 1 0 0 0 1.4-1.4L13.4 12l4.9-4.9a1 1 0 0 0 0-1.4z';

  var uid = 0;

  /* ------------------------------------------------------------------ text helpers */

  var MARKER_RE = /\[(\d{1,3})\]/g;

  /** For display only: drop private-use glyphs (PDF bullet characters such as U+F0B7) and odd leading space. */
  function forDisplay(s) {
    return String(s || '').replace(/[\uE000-\uF8FF]/g, '').replace(/^[ \t\u3000]+/, '');
  }
  /** Rough language of a text (Han characters vs Latin words), so screen readers pick the right voice. */
  function textLang(s) {
    var han = (String(s).match(/[\u3400-\u9fff]/g) || []).length;
    var latin = (String(s).match(/[A-Za-z]+/g) || []).length;
    return han > latin ? 'zh-Hant' : 'en';
  }
  function stripMarkers(s) {
    return String(s || '').replace(/\s*\[\d{1,3}\]/g, '');
  }
  function squash(s) {
    // Compare text ignoring whitespace, punctuation and case (PDF line breaks, full/half width spacing).
    try { return String(s || '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''); }
    catch (e) { return String(s || '').toLowerCase().replace(/[\s.,;:!?'"()\[\]{}。，、；：！？「」『』（）《》〈〉…—\-·・]+/g, ''); }
  }
  /** Split into sentences, keeping every character (so the pieces re-join into the original text). */
  function splitSentences(text) {
    var out = [];
    var re = /[^。！？!?；;\n]*(?:[。！？!?；;]+[」』）)"”’]*|\n+|$)/g;
    var m;
    while ((m = re.exec(text)) !== null) {
      if (m[0] === '') { if (re.lastIndex >= text.length) break; re.lastIndex++; continue; }
      out.push(m[0]);
    }
    // English full stops: split "… word. Next" as well.
    var fine = [];
    for (var i = 0; i < out.length; i++) {
      var parts = out[i].split(/(?<=[a-z0-9)][.])(?=\s+[A-Z“"(])/);
      for (var j = 0; j < parts.length; j++) fine.push(parts[j]);
    }
    return fine;
  }
  function bigrams(s) {
    var set = {};
    for (var i = 0; i + 1 < s.length; i++) set[s.substr(i, 2)] = true;
    return set;
  }
  /**
   * Which sentences of `passage` appear in `answer`? Returns an array of booleans, one per sentence of
   * splitSentences(passage). Exact (normalised) containment first; otherwise sentences whose character
   * bigrams are mostly present in the answer; an empty result means "highlight the whole passage".
   */
  function sentencesInAnswer(passage, answer) {
    var sents = splitSentences(passage);
    var ans = squash(stripMarkers(answer));
    var flags = sents.map(function (s) { var q = squash(s); return q.length >= 4 && ans.indexOf(q) !== -1; });
    if (flags.some(Boolean)) return { sentences: sents, flags: flags, any: true };
    var abg = bigrams(ans);
    flags = sents.map(function (s) {
      var q = squash(s);
      if (q.length < 6) return false;
      var b = bigrams(q), total = 0, hit = 0;
      for (var k in b) { total++; if (abg[k]) hit++; }
      return total > 0 && hit / total >= 0.6;
    });
    return { sentences: sents, flags: flags, any: flags.some(Boolean) };
  }

  /* ------------------------------------------------------------------ SSE over fetch */

  function SSEParser(onEvent) {
    this.buf = '';
    this.onEvent = onEvent;
    this.event = '';
    this.data = [];
  }
  SSEParser.prototype.push = function (chunk) {
    this.buf += chunk;
    var idx;
    while ((idx = this.buf.search(/\r\n|\r|\n/)) !== -1) {
      var line = this.buf.slice(0, idx);
      var nl = this.buf[idx] === '\r' && this.buf[idx + 1] === '\n' ? 2 : 1;
      if (this.buf[idx] === '\r' && idx + 1 >= this.buf.length) break; // wait: could be \r\n split across chunks
      this.buf = this.buf.slice(idx + nl);
      this.line(line);
    }
  };
  SSEParser.prototype.end = function () {
    if (this.buf) { this.line(this.buf.replace(/\r$/, '')); this.buf = ''; }
    this.line('');
  };
  SSEParser.prototype.line = function (line) {
    if (line === '') {
      if (this.data.length) this.onEvent(this.event || 'message', this.data.join('\n'));
      this.event = ''; this.data = [];
      return;
    }
    if (line[0] === ':') return;
    var c = line.indexOf(':');
    var field = c === -1 ? line : line.slice(0, c);
    var value = c === -1 ? '' : line.slice(c + 1);
    if (value[0] === ' ') value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
  };

  function ChatError(kind, info) {
    this.kind = kind; // network | timeout | rate | server | bad | aborted
    this.status = info && info.status || 0;
    this.code = info && info.code || '';
    this.message = info && info.message || kind;
    this.retryAfter = info && info.retryAfter || 0;
  }

  function readErrorBody(res) {
    return res.text().then(function (t) {
      try { var j = JSON.parse(t); return j && j.error ? j.error : {}; } catch (e) { return {}; }
    }, function () { return {}; });
  }

  /* ------------------------------------------------------------------ the element */

  function FactsheetChat() {
    return Reflect.construct(HTMLElement, [], FactsheetChat);
  }
  FactsheetChat.prototype = Object.create(HTMLElement.prototype);
  FactsheetChat.prototype.constructor = FactsheetChat;
  Object.setPrototypeOf(FactsheetChat, HTMLElement);
  Object.defineProperty(FactsheetChat, 'observedAttributes', { get: function () { return ['lang', 'endpoint', 'position']; } });

  var P = FactsheetChat.prototype;

  P.connectedCallback = function () {
    if (this._built) { this._watchPageLang(); return; }
    this._built = true;
    this._id = 'fsc' + (++uid);
    this._history = [];       // [{role, content}] of completed turns, sent as `history`
    this._busy = false;
    this._controller = null;
    this._failed = null;      // text of the question whose send failed (for Retry)
    this._sourceOpener = null;
    this._isOpen = false;
    this._build();
    this._watchPageLang();
    this._applyLang();
    if (this.getAttribute('data-open') === 'true' || this.getAttribute('open') !== null) this.open({ focus: false });
  };

  P.disconnectedCallback = function () {
    if (this._langObserver) { this._langObserver.disconnect(); this._langObserver = null; }
    if (this._controller) { try { this._controller.abort(); } catch (e) { /* ignore */ } }
  };

  P.attributeChangedCallback = function (name) {
    if (!this._built) return;
    if (name === 'lang') { this._watchPageLang(); this._applyLang(); }
    if (name === 'position') this._root.className = 'root' + (this.getAttribute('position') === 'left' ? ' left' : '');
  };

  P._lang = function () {
    return normLang(this.getAttribute('lang')) || normLang(document.documentElement.getAttribute('lang')) || 'zh-Hant';
  };
  P._t = function () { return STRINGS[this._lang()]; };

  P._watchPageLang = function () {
    // Without an explicit lang, follow the host page's <html lang> (e.g. a language toggle).
    var self = this;
    if (this.getAttribute('lang')) {
      if (this._langObserver) { this._langObserver.disconnect(); this._langObserver = null; }
      return;
    }
    if (this._langObserver || typeof MutationObserver !== 'function') return;
    this._langObserver = new MutationObserver(function () { self._applyLang(); });
    this._langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  };

  P._endpoint = function () {
    var ep = this.getAttribute('endpoint');
    if (!ep) {
      try { ep = SCRIPT && SCRIPT.src ? new URL(SCRIPT.src, location.href).origin : location.origin; }
      catch (e) { ep = location.origin; }
    }
    return String(ep).replace(/\/+$/, '');
  };

  P._build = function () {
    var self = this, id = this._id;
    var shadow = this.attachShadow({ mode: 'open' });
    applyStyles(shadow);

    this._launcherLabel = h('span', { class: 'label' });
    this._launcher = h('button', {
      type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': id + '-panel',
      onclick: function () { self.toggle(); }
    }, [icon(ICON_CHAT), this._launcherLabel]);

    this._title = h('h2', { class: 'title', id: id + '-title' });
    this._newBtn = h('button', { type: 'button', class: 'hbtn new', onclick: function () { self.reset(); } });
    this._closeBtn = h('button', { type: 'button', class: 'hbtn close', onclick: function () { self.close(); } }, icon(ICON_CLOSE));
    this._note = h('p', { class: 'note', id: id + '-note' });

    this._messages = h('div', { class: 'messages', role: 'region', id: id + '-messages' });

    this._srcKicker = h('p', { class: 'source-kicker' });
    this._srcTitle = h('h3', { class: 'source-title', id: id + '-srctitle', tabindex: '-1' });
    this._srcBack = h('button', { type: 'button', class: 'hbtn back', onclick: function () { self._closeSource(true); } });
    this._srcText = h('blockquote', { class: 'source-text' });
    this._srcHint = h('p', { class: 'source-hint' });
    this._source = h('section', { class: 'source', hidden: true, 'aria-labelledby': id + '-srctitle' }, [
      h('div', { class: 'source-head' }, [h('div', null, [this._srcKicker, this._srcTitle]), this._srcBack]),
      h('div', { class: 'source-body' }, [this._srcText, this._srcHint])
    ]);

    this._errorText = h('p', { id: id + '-errtext' });
    this._retryBtn = h('button', { type: 'button', class: 'abtn retry', onclick: function () { self._retry(); } });
    this._errorBox = h('div', { class: 'error', role: 'alert', hidden: true }, [this._errorText, this._retryBtn]);

    this._inputLabel = h('label', { class: 'sr-only', for: id + '-input' });
    this._input = h('textarea', {
      id: id + '-input', rows: '1', maxlength: String(MAX_MESSAGE), autocomplete: 'off', spellcheck: 'true',
      'aria-describedby': id + '-hint ' + id + '-note', enterkeyhint: 'send'
    });
    this._sendBtn = h('button', { type: 'submit', class: 'send' });
    this._hint = h('span', { id: id + '-hint' });
    this._count = h('span', { class: 'count', 'aria-hidden': 'true' });
    this._form = h('form', { class: 'composer', novalidate: true }, [
      this._errorBox,
      this._inputLabel,
      h('div', { class: 'row' }, [this._input, this._sendBtn]),
      h('div', { class: 'hintrow' }, [this._hint, this._count])
    ]);

    this._live = h('div', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' });

    this._panel = h('section', {
      class: 'panel', id: id + '-panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': id + '-title', hidden: true
    }, [
      h('div', { class: 'header' }, [this._title, this._newBtn, this._closeBtn]),
      this._note,
      h('div', { class: 'body' }, [this._messages, this._source]),
      this._form
    ]);

    this._root = h('div', { class: 'root' + (this.getAttribute('position') === 'left' ? ' left' : '') }, [this._launcher, this._panel, this._live]);
    shadow.appendChild(this._root);

    this._form.addEventListener('submit', function (ev) { ev.preventDefault(); self._submit(); });
    this._input.addEventListener('keydown', function (ev) {
      if (ev.key !== 'Enter' || ev.shiftKey || ev.altKey || ev.ctrlKey || ev.metaKey) return;
      if (ev.isComposing || ev.keyCode === 229) return; // IME (Cangjie, Pinyin…) is confirming a candidate
      ev.preventDefault();
      self._submit();
    });
    this._input.addEventListener('input', function () { self._autosize(); self._updateCount(); });
    shadow.addEventListener('keydown', function (ev) {
      if (ev.key !== 'Escape' && ev.key !== 'Esc') return;
      if (ev.isComposing) return;
      if (!self._isOpen) return;
      ev.preventDefault();
      ev.stopPropagation();
      if (!self._source.hidden) self._closeSource(true);
      else self.close();
    });

    this._renderEmpty();
  };

  P._applyLang = function () {
    var t = this._t(), lang = this._lang();
    this._root.setAttribute('lang', lang);
    this._launcherLabel.textContent = t.launcher;
    this._title.textContent = t.title;
    this._newBtn.textContent = t.newChat;
    this._closeBtn.setAttribute('aria-label', t.close);
    this._note.textContent = t.note;
    this._messages.setAttribute('aria-label', t.conversation);
    this._srcBack.textContent = t.backToChat;
    this._inputLabel.textContent = t.inputLabel;
    this._input.setAttribute('placeholder', t.placeholder);
    this._sendBtn.textContent = t.send;
    this._hint.textContent = t.hint;
    this._retryBtn.textContent = t.retry;
    if (this._errorKind) this._errorText.textContent = this._errorMessage(this._errorKind);
    var sug = this._messages.querySelectorAll('.suggest');
    for (var i = 0; i < sug.length; i++) sug[i].parentNode.replaceChild(this._suggestions(), sug[i]);
    var copies = this._messages.querySelectorAll('.copy');
    for (var j = 0; j < copies.length; j++) copies[j].textContent = t.copy;
    var cites = this._messages.querySelectorAll('.cite');
    for (var k = 0; k < cites.length; k++) cites[k].setAttribute('aria-label', t.source(cites[k].getAttribute('data-marker')));
    var srs = this._messages.querySelectorAll('[data-sr]');
    for (var m = 0; m < srs.length; m++) srs[m].textContent = t[srs[m].getAttribute('data-sr')];
    var dec = this._messages.querySelectorAll('.msg.decline');
    for (var n = 0; n < dec.length; n++) {
      dec[n].querySelector('h3').textContent = t.declineTitle;
      dec[n].querySelector('p').textContent = t.decline;
    }
    if (!this._source.hidden && this._sourceState) this._renderSource(this._sourceState.citation, this._sourceState.answer);
    this._updateCount();
  };

  /* ---------------------------------------------------------------- open / close */

  P.open = function (opts) {
    var focus = !opts || opts.focus !== false;
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
  };
  P.close = function () {
    if (!this._isOpen) return;
    this._isOpen = false;
    this._panel.hidden = true;
    this._launcher.setAttribute('aria-expanded', 'false');
    this._launcher.focus();
    this._emit('close', {});
  };
  P.toggle = function () { if (this._isOpen) this.close(); else this.open(); };

  /** Open the panel and ask `question` (as if typed and sent). */
  P.ask = function (question) {
    this.open();
    this._input.value = String(question || '');
    this._autosize(); this._updateCount();
    this._submit();
  };

  /** Start a new conversation: forget history, clear messages, abort a pending answer. */
  P.reset = function () {
    if (this._controller) { try { this._controller.abort(); } catch (e) { /* ignore */ } this._controller = null; }
    this._busy = false;
    this._setBusy(false);
    this._history = [];
    this._failed = null;
    this._hideError();
    this._closeSource(false);
    this._messages.textContent = '';
    this._renderEmpty();
    this._announce(this._t().newChatDone);
    if (this._isOpen) this._input.focus();
  };

  P._emit = function (name, detail) {
    try { this.dispatchEvent(new CustomEvent('factsheet-chat:' + name, { detail: detail, bubbles: true, composed: true })); }
    catch (e) { /* ignore */ }
  };

  /* ---------------------------------------------------------------- rendering */

  P._renderEmpty = function () {
    this._messages.appendChild(this._suggestions());
  };

  P._suggestions = function () {
    var self = this, t = this._t(), hid = this._id + '-sug' + (++uid);
    return h('div', { class: 'suggest', role: 'group', 'aria-labelledby': hid }, [
      h('h3', { id: hid, text: t.suggestionsTitle }),
      h('ul', null, t.suggestions.map(function (q) {
        return h('li', null, h('button', {
          type: 'button', class: 'sbtn', text: q,
          onclick: function () { if (!self._busy) self.ask(q); }
        }));
      }))
    ]);
  };

  P._autosize = function () {
    var el = this._input;
    el.style.height = 'auto';
    el.style.height = Math.min(el.scrollHeight + 4, 140) + 'px';
  };
  P._updateCount = function () {
    var n = this._input.value.length, t = this._t();
    this._count.textContent = n >= MAX_MESSAGE * 0.8 ? t.charCount(n) : '';
    this._count.classList.toggle('over', n >= MAX_MESSAGE);
  };

  P._nearBottom = function () {
    var m = this._messages;
    return m.scrollHeight - m.scrollTop - m.clientHeight < 80;
  };
  P._scrollToEnd = function (force) {
    var m = this._messages;
    if (force || this._stick) m.scrollTop = m.scrollHeight;
  };
  /** Follow the growing answer, but never scroll its first line (and the question above it) out of view. */
  P._scrollToAnswer = function (userMsg) {
    var m = this._messages;
    var bottom = m.scrollHeight - m.clientHeight;
    var top = userMsg && userMsg.parentNode === m ? userMsg.offsetTop - m.offsetTop - 8 : bottom;
    m.scrollTop = Math.max(0, Math.min(bottom, top));
  };

  P._announce = function (text) {
    var live = this._live;
    live.textContent = '';
    clearTimeout(this._announceTimer);
    this._announceTimer = setTimeout(function () { live.textContent = text; }, 60);
  };

  /** Render answer text into `container`, turning [n] markers that match a citation into buttons. */
  P._renderAnswerText = function (container, text, citations, msgState) {
    var self = this, t = this._t();
    var byMarker = {};
    (citations || []).forEach(function (c) { if (c && c.marker !== undefined) byMarker[String(c.marker)] = c; });
    container.textContent = '';
    text = forDisplay(text);
    var last = 0, m, used = {};
    MARKER_RE.lastIndex = 0;
    while ((m = MARKER_RE.exec(text)) !== null) {
      var c = byMarker[m[1]];
      if (!c) continue;
      if (m.index > last) container.appendChild(document.createTextNode(text.slice(last, m.index)));
      container.appendChild(this._citeButton(c, msgState));
      used[m[1]] = true;
      last = m.index + m[0].length;
    }
    if (last < text.length) container.appendChild(document.createTextNode(text.slice(last)));
    return used;
  };

  P._citeButton = function (c, msgState) {
    var self = this, t = this._t();
    var btn = h('button', {
      type: 'button', class: 'cite', 'data-marker': String(c.marker), 'aria-label': t.source(c.marker),
      title: c.section || null, text: String(c.marker)
    });
    btn.addEventListener('click', function () { self._openSource(c, msgState.answer, btn); });
    return btn;
  };

  /* ---------------------------------------------------------------- cited passage */

  P._openSource = function (citation, answer, opener) {
    this._sourceOpener = opener || null;
    this._sourceState = { citation: citation, answer: answer };
    this._renderSource(citation, answer);
    this._source.hidden = false;
    this._messages.setAttribute('inert', '');
    this._messages.setAttribute('aria-hidden', 'true');
    this._source.querySelector('.source-body').scrollTop = 0;
    this._srcTitle.focus();
    var mark = this._srcText.querySelector('mark');
    if (mark && mark.scrollIntoView) { try { mark.scrollIntoView({ block: 'nearest' }); } catch (e) { /* ignore */ } }
  };

  P._renderSource = function (citation, answer) {
    var t = this._t();
    this._srcKicker.textContent = t.sourceOf(citation.marker);
    this._srcTitle.textContent = '';
    this._srcTitle.appendChild(h('span', { class: 'sr-only', text: t.sectionLabel }));
    this._srcTitle.appendChild(document.createTextNode(citation.section || '—'));
    var text = forDisplay(citation.text);
    var res = sentencesInAnswer(text, answer || '');
    this._srcText.textContent = '';
    this._srcText.setAttribute('lang', 'zh-Hant');
    if (!res.any) {
      this._srcText.appendChild(h('mark', { text: text }));
      this._srcHint.textContent = t.highlightedAll;
    } else {
      var frag = document.createDocumentFragment();
      for (var i = 0; i < res.sentences.length; i++) {
        var s = res.sentences[i];
        if (res.flags[i]) {
          // keep leading whitespace/newlines outside the highlight
          var lead = /^\s*/.exec(s)[0];
          if (lead) frag.appendChild(document.createTextNode(lead));
          frag.appendChild(h('mark', { text: s.slice(lead.length) }));
        } else frag.appendChild(document.createTextNode(s));
      }
      this._srcText.appendChild(frag);
      this._srcHint.textContent = t.highlightedSome;
    }
  };

  P._closeSource = function (restoreFocus) {
    if (this._source.hidden) return;
    this._source.hidden = true;
    this._sourceState = null;
    this._messages.removeAttribute('inert');
    this._messages.removeAttribute('aria-hidden');
    if (restoreFocus) {
      var opener = this._sourceOpener;
      if (opener && opener.isConnected) opener.focus();
      else this._input.focus();
    }
    this._sourceOpener = null;
  };

  /* ---------------------------------------------------------------- errors */

  P._errorMessage = function (kind) {
    var t = this._t();
    if (kind === 'rate') return this._errorRetryAfter ? t.errRateSeconds(this._errorRetryAfter) : t.errRate;
    if (kind === 'timeout') return t.errTimeout;
    if (kind === 'server') return t.errServer;
    if (kind === 'bad') return t.errBad;
    if (kind === 'empty') return t.errEmpty;
    if (kind === 'toolong') return t.errTooLong;
    return t.errNetwork;
  };
  P._showError = function (kind, retryable, retryAfter) {
    this._errorKind = kind;
    this._errorRetryAfter = retryAfter || 0;
    this._errorText.textContent = this._errorMessage(kind);
    this._retryBtn.hidden = !retryable;
    this._errorBox.hidden = false;
    this._errorBox.setAttribute('data-kind', kind);
  };
  P._hideError = function () {
    this._errorKind = null;
    this._errorBox.hidden = true;
    this._errorText.textContent = '';
  };

  P._retry = function () {
    if (this._busy) return;
    if (!this._input.value.trim() && this._failed) this._input.value = this._failed;
    // The Retry button disappears while sending: keep keyboard focus somewhere sensible.
    this._input.focus();
    this._submit();
  };

  P._setBusy = function (busy) {
    this._busy = busy;
    this._sendBtn.setAttribute('aria-disabled', busy ? 'true' : 'false');
    this._messages.setAttribute('aria-busy', busy ? 'true' : 'false');
  };

  /* ---------------------------------------------------------------- sending */

  P._submit = function () {
    if (this._busy) return;
    var text = this._input.value.replace(/^\s+|\s+$/g, '');
    if (!text) { this._showError('empty', false); this._input.focus(); return; }
    if (text.length > MAX_MESSAGE) { this._showError('toolong', false); this._input.focus(); return; }
    this._hideError();
    this._closeSource(false);
    this._send(text);
  };

  P._send = function (question) {
    var self = this, t = this._t();
    var stick = true;
    this._stick = stick;

    // Drop the empty-state suggestions once the conversation starts.
    var sug = this._messages.querySelectorAll('.suggest');
    for (var i = 0; i < sug.length; i++) sug[i].parentNode.removeChild(sug[i]);

    var userMsg = h('div', { class: 'msg user', lang: textLang(question) }, [h('span', { class: 'sr-only', 'data-sr': 'you', text: t.you }), question]);
    var textEl = h('div', { class: 'text' });
    var thinking = h('div', { class: 'thinking' }, [
      h('span', { class: 'dots', 'aria-hidden': 'true' }, [h('span'), h('span'), h('span')]),
      h('span', { text: t.thinking })
    ]);
    var botMsg = h('div', { class: 'msg assistant', 'data-state': 'pending' }, [
      h('span', { class: 'sr-only', 'data-sr': 'answer', text: t.answer }), thinking, textEl
    ]);
    this._messages.appendChild(userMsg);
    this._messages.appendChild(botMsg);
    this._scrollToEnd(true);

    // Clear the input only now; restore it if the request fails.
    var typed = this._input.value;
    this._input.value = '';
    this._autosize(); this._updateCount();
    this._setBusy(true);
    this._announce(t.answering);

    var state = { answer: '', citations: [], done: null, raf: 0, sawDelta: false };
    var history = this._history.slice(-MAX_HISTORY).map(function (m) {
      return { role: m.role, content: m.content.length > MAX_HISTORY_CHARS ? m.content.slice(0, MAX_HISTORY_CHARS) : m.content };
    });
    var body = { message: question, stream: true };
    if (history.length) body.history = history;

    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    this._controller = controller;
    var timedOut = false;
    var timer = setTimeout(function () { timedOut = true; if (controller) controller.abort(); }, REQUEST_TIMEOUT_MS);

    function paint() {
      state.raf = 0;
      if (self._controller !== controller) return;
      var wasNear = self._nearBottom();
      if (thinking.parentNode && state.answer) thinking.parentNode.removeChild(thinking);
      self._renderAnswerText(textEl, state.answer, state.citations, state);
      botMsg.setAttribute('data-state', 'streaming');
      if (wasNear) self._scrollToAnswer(userMsg);
    }
    function schedulePaint() {
      if (state.raf) return;
      state.raf = (window.requestAnimationFrame || setTimeout)(paint);
    }

    function onEvent(name, data) {
      if (self._controller !== controller) return;
      var payload;
      try { payload = JSON.parse(data); } catch (e) { payload = null; }
      if (name === 'citations') {
        if (Array.isArray(payload)) state.citations = payload;
      } else if (name === 'delta') {
        if (payload && typeof payload.text === 'string') {
          state.answer += payload.text;
          state.sawDelta = true;
          self._emit('delta', { text: payload.text });
          schedulePaint();
        }
      } else if (name === 'done') {
        if (payload && typeof payload === 'object') state.done = payload;
      } else if (name === 'error') {
        var err = payload && payload.error || {};
        throw new ChatError(/rate/i.test(err.code || '') ? 'rate' : 'server', { code: err.code, message: err.message });
      }
    }

    var url = this._endpoint() + '/api/chat';
    var req;
    try {
      req = fetch(url, {
        method: 'POST',
        mode: 'cors',
        credentials: 'omit',
        cache: 'no-store',
        headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream, application/json' },
        body: JSON.stringify(body),
        signal: controller ? controller.signal : undefined
      });
    } catch (e) {
      req = Promise.reject(e);
    }

    req.then(function (res) {
      if (!res.ok) {
        return readErrorBody(res).then(function (err) {
          var kind = res.status === 429 ? 'rate' : res.status >= 500 ? 'server' : 'bad';
          var ra = parseInt(res.headers.get('Retry-After') || '', 10);
          throw new ChatError(kind, { status: res.status, code: err.code, message: err.message, retryAfter: ra > 0 && ra < 3600 ? ra : 0 });
        });
      }
      var ctype = (res.headers.get('Content-Type') || '').toLowerCase();
      if (ctype.indexOf('text/event-stream') === -1 || !res.body || !res.body.getReader) {
        // Server (or a proxy) answered without streaming: accept the plain JSON answer.
        return res.json().then(function (j) {
          state.done = j;
          state.citations = j && j.citations || [];
        });
      }
      var reader = res.body.getReader();
      var decoder = new TextDecoder('utf-8');
      var parser = new SSEParser(onEvent);
      function pump() {
        return reader.read().then(function (r) {
          if (r.done) { parser.push(decoder.decode()); parser.end(); return; }
          parser.push(decoder.decode(r.value, { stream: true }));
          if (state.done) { try { reader.cancel(); } catch (e) { /* ignore */ } return; }
          return pump();
        });
      }
      return pump();
    }).then(function () {
      if (self._controller !== controller) return;
      if (!state.done) throw new ChatError('network', { message: 'stream ended early' });
      finish(state.done);
    }).catch(function (err) {
      if (self._controller !== controller) return; // superseded (new conversation)
      var kind;
      if (err instanceof ChatError) kind = err.kind;
      else if (timedOut) kind = 'timeout';
      else kind = 'network';
      fail(kind, err);
    }).then(function () {
      clearTimeout(timer);
    });

    function finish(done) {
      if (state.raf) { (window.cancelAnimationFrame || clearTimeout)(state.raf); state.raf = 0; }
      self._controller = null;
      self._setBusy(false);
      var answer = typeof done.answer === 'string' ? done.answer : state.answer;
      var citations = Array.isArray(done.citations) ? done.citations : state.citations;
      state.answer = answer;
      state.citations = citations;
      if (thinking.parentNode) thinking.parentNode.removeChild(thinking);
      // Language of the text itself (an English answer may quote the Chinese fact sheet), for screen readers.
      var tl = textLang(answer);
      botMsg.setAttribute('lang', tl === 'en' ? 'en' : done.language === 'zh-Hans' ? 'zh-Hans' : 'zh-Hant');
      botMsg.setAttribute('data-state', 'done');
      botMsg.setAttribute('data-answerable', done.answerable === false ? 'false' : 'true');

      if (done.answerable === false) {
        var t2 = self._t();
        botMsg.classList.add('decline');
        botMsg.removeAttribute('lang');
        botMsg.textContent = '';
        botMsg.appendChild(h('h3', { text: t2.declineTitle }));
        botMsg.appendChild(h('p', { text: t2.decline }));
        self._messages.appendChild(self._suggestions());
        self._announce(t2.declinedAnnounce);
      } else {
        var used = self._renderAnswerText(textEl, answer, citations, state);
        var extra = citations.filter(function (c) { return c && !used[String(c.marker)]; });
        if (extra.length) {
          var line = h('p', { class: 'srcline' }, [h('span', { 'data-sr': 'sources', text: self._t().sources + ' ' })]);
          extra.forEach(function (c) { line.appendChild(self._citeButton(c, state)); });
          botMsg.appendChild(line);
        }
        botMsg.appendChild(h('div', { class: 'actions' }, [self._copyButton(answer, citations)]));
        self._announce(self._t().answered + stripMarkers(forDisplay(answer)));
      }
      self._history.push({ role: 'user', content: question });
      self._history.push({ role: 'assistant', content: answer });
      if (self._history.length > MAX_HISTORY) self._history = self._history.slice(-MAX_HISTORY);
      self._failed = null;
      self._scrollToAnswer(userMsg);
      self._emit('answer', done);
    }

    function fail(kind, err) {
      if (state.raf) { (window.cancelAnimationFrame || clearTimeout)(state.raf); state.raf = 0; }
      self._controller = null;
      self._setBusy(false);
      // Take the unanswered turn back out of the conversation and give the text back.
      if (botMsg.parentNode) botMsg.parentNode.removeChild(botMsg);
      if (userMsg.parentNode) userMsg.parentNode.removeChild(userMsg);
      if (!self._messages.querySelector('.msg')) self._renderEmpty();
      self._failed = question;
      if (!self._input.value) self._input.value = typed;
      self._autosize(); self._updateCount();
      var retryable = kind !== 'bad';
      self._showError(kind, retryable, err && err.retryAfter);
      self._emit('error', { kind: kind, status: err && err.status || 0, code: err && err.code || '', message: err && err.message || String(err) });
      if (self._isOpen && (!self.shadowRoot.activeElement || self.shadowRoot.activeElement === self._sendBtn)) self._input.focus();
    }
  };

  P._copyButton = function (answer, citations) {
    var self = this;
    var btn = h('button', { type: 'button', class: 'abtn copy', text: this._t().copy });
    btn.addEventListener('click', function () {
      var t = self._t();
      var lines = [answer];
      if (citations && citations.length) {
        lines.push('');
        citations.forEach(function (c) { lines.push('[' + c.marker + '] ' + (c.section || '')); });
      }
      lines.push('', t.note);
      var text = lines.join('\n');
      copyText(text).then(function () {
        btn.textContent = t.copied;
        self._announce(t.copiedAnnounce);
        setTimeout(function () { btn.textContent = self._t().copy; }, 2000);
      }, function () {
        self._announce(t.copyFailed);
      });
    });
    return btn;
  };

  function copyText(text) {
    if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return legacyCopy(text); });
    }
    return legacyCopy(text);
  }
  function legacyCopy(text) {
    return new Promise(function (resolve, reject) {
      var ta = document.createElement('textarea');
      ta.value = text;
      ta.setAttribute('readonly', '');
      ta.style.position = 'fixed';
      ta.style.top = '-1000px';
      ta.style.opacity = '0';
      document.body.appendChild(ta);
      ta.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      document.body.removeChild(ta);
      if (ok) resolve(); else reject(new Error('copy failed'));
    });
  }

  /* ------------------------------------------------------------------ registration */

  if (!customElements.get(TAG)) customElements.define(TAG, FactsheetChat);

  // Expose internals for unit tests of the pure helpers (no effect on the page).
  FactsheetChat._helpers = { splitSentences: splitSentences, sentencesInAnswer: sentencesInAnswer, SSEParser: SSEParser };

  function mount() {
    if (document.querySelector(TAG)) return;
    var el = document.createElement(TAG);
    if (SCRIPT) {
      var ep = SCRIPT.getAttribute('data-endpoint');
      var lang = SCRIPT.getAttribute('data-lang');
      var pos = SCRIPT.getAttribute('data-position');
      if (ep) el.setAttribute('endpoint', ep);
      else if (SCRIPT.src) { try { el.setAttribute('endpoint', new URL(SCRIPT.src, location.href).origin); } catch (e) { /* ignore */ } }
      if (lang) el.setAttribute('lang', normLang(lang) || lang);
      if (pos) el.setAttribute('position', pos);
      if (SCRIPT.getAttribute('data-open') === 'true') el.setAttribute('data-open', 'true');
    }
    document.body.appendChild(el);
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
