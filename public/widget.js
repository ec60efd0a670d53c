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
"use strict";
(() => {
  // src/contract/markers.ts
  var MARKER = /\[(\d{1,3})\]/g;
  var MARKER_WITH_SPACE = /\s*\[\d{1,3}\]/g;
  function marker(n) {
    return `[${n}]`;
  }
  function stripMarkers(text) {
    return text.replace(MARKER_WITH_SPACE, "");
  }
  function splitMarkers(text) {
    const out = [];
    let last = 0;
    for (const m of text.matchAll(MARKER)) {
      if (m.index > last) out.push({ text: text.slice(last, m.index) });
      out.push({ marker: Number(m[1]) });
      last = m.index + m[0].length;
    }
    if (last < text.length) out.push({ text: text.slice(last) });
    return out;
  }

  // widget/clipboard.ts
  function copyText(text) {
    if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(() => legacyCopy(text));
    }
    return legacyCopy(text);
  }
  function legacyCopy(text) {
    return new Promise((resolve, reject) => {
      const ta = document.createElement("textarea");
      ta.value = text;
      ta.setAttribute("readonly", "");
      ta.style.position = "fixed";
      ta.style.top = "-1000px";
      ta.style.opacity = "0";
      document.body.appendChild(ta);
      ta.select();
      let ok = false;
      try {
        ok = document.execCommand("copy");
      } catch {
        ok = false;
      }
      document.body.removeChild(ta);
      if (ok) resolve();
      else reject(new Error("copy failed"));
    });
  }

  // widget/dom.ts
  function h(tag, attrs, children) {
    const el = document.createElement(tag);
    if (attrs) {
      for (const k of Object.keys(attrs)) {
        const v = attrs[k];
        if (v === null || v === void 0 || v === false) continue;
        if (k === "text") el.textContent = String(v);
        else if (k === "class") el.className = String(v);
        else if (k.slice(0, 2) === "on" && typeof v === "function") el.addEventListener(k.slice(2), v);
        else el.setAttribute(k, v === true ? "" : String(v));
      }
    }
    appendAll(el, children);
    return el;
  }
  function appendAll(el, children) {
    if (children === null || children === void 0) return;
    const list = Array.isArray(children) ? children : [children];
    for (const c of list) {
      if (c === null || c === void 0 || c === false) continue;
      el.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
  }
  function removeNode(node) {
    if (node && node.parentNode) node.parentNode.removeChild(node);
  }
  var SVGNS = "http://www.w3.org/2000/svg";
  function icon(d) {
    const svg = document.createElementNS(SVGNS, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    const p = document.createElementNS(SVGNS, "path");
    p.setAttribute("d", d);
    svg.appendChild(p);
    return svg;
  }
  var ICON_CHAT = "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01z";
  var ICON_CLOSE = "M18.3 5.7a1 1 0 0 0-1.4 0L12 10.6 7.1 5.7a1 1 0 1 0-1.4 1.4l4.9 4.9-4.9 4.9a1 1 0 1 0 1.4 1.4l4.9-4.9 4.9 4.9a1 1 0 0 0 1.4-1.4L13.4 12l4.9-4.9a1 1 0 0 0 0-1.4z";
  var sharedSheet = null;
  function applyStyles(shadow, css) {
    try {
      if ("adoptedStyleSheets" in Document.prototype && typeof CSSStyleSheet === "function" && "replaceSync" in CSSStyleSheet.prototype) {
        if (!sharedSheet) {
          sharedSheet = new CSSStyleSheet();
          sharedSheet.replaceSync(css);
        }
        shadow.adoptedStyleSheets = [sharedSheet];
        return;
      }
    } catch {
    }
    const style = document.createElement("style");
    style.textContent = css;
    shadow.appendChild(style);
  }

  // widget/highlight.ts
  function squash(s) {
    return String(s || "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  }
  function splitSentences(text) {
    const out = [];
    const re = /[^\u3002\uFF01\uFF1F!?\uFF1B;\n]*(?:[\u3002\uFF01\uFF1F!?\uFF1B;]+[\u300D\u300F\uFF09)"\u201D\u2019]*|\n+|$)/g;
    let m;
    while ((m = re.exec(text)) !== null) {
      if (m[0] === "") {
        if (re.lastIndex >= text.length) break;
        re.lastIndex++;
        continue;
      }
      out.push(m[0]);
    }
    const fine = [];
    for (const s of out) fine.push(...s.split(/(?<=[a-z0-9)][.])(?=\s+[A-Z\u201C"(])/));
    return fine;
  }
  function bigrams(s) {
    const set = /* @__PURE__ */ new Set();
    for (let i = 0; i + 1 < s.length; i++) set.add(s.substr(i, 2));
    return set;
  }
  function sentencesInAnswer(passage, answer) {
    const sents = splitSentences(passage);
    const ans = squash(stripMarkers(String(answer || "")));
    let flags = sents.map((s) => {
      const q = squash(s);
      return q.length >= 4 && ans.indexOf(q) !== -1;
    });
    if (flags.some(Boolean)) return { sentences: sents, flags, any: true };
    const abg = bigrams(ans);
    flags = sents.map((s) => {
      const q = squash(s);
      if (q.length < 6) return false;
      const b = bigrams(q);
      let hit = 0;
      for (const k of b) if (abg.has(k)) hit++;
      return b.size > 0 && hit / b.size >= 0.6;
    });
    return { sentences: sents, flags, any: flags.some(Boolean) };
  }
  function renderHighlighted(container, text, answer) {
    const res = sentencesInAnswer(text, answer || "");
    container.textContent = "";
    if (!res.any) {
      container.appendChild(h("mark", { text }));
      return false;
    }
    const frag = document.createDocumentFragment();
    res.sentences.forEach((s, i) => {
      if (res.flags[i]) {
        const lead = /^\s*/.exec(s)[0];
        if (lead) frag.appendChild(document.createTextNode(lead));
        frag.appendChild(h("mark", { text: s.slice(lead.length) }));
      } else frag.appendChild(document.createTextNode(s));
    });
    container.appendChild(frag);
    return true;
  }

  // widget/strings.ts
  var LANGS = ["zh-Hant", "zh-Hans", "en"];
  var LANG_NAMES = {
    "zh-Hant": { short: "\u7E41", name: "\u7E41\u9AD4\u4E2D\u6587" },
    "zh-Hans": { short: "\u7B80", name: "\u7B80\u4F53\u4E2D\u6587" },
    en: { short: "EN", name: "English" }
  };
  var isLang = (v) => typeof v === "string" && LANGS.indexOf(v) !== -1;
  var MAX_REASON_CHARS = 500;
  var EN_TITLES = {
    "\u5275\u65B0\u53CA\u79D1\u6280": { name: "Innovation and Technology", short: "Innovation & Technology" }
  };
  var enName = (title) => EN_TITLES[title]?.name ?? title;
  var HANS_TITLES = { "\u5275\u65B0\u53CA\u79D1\u6280": "\u521B\u65B0\u53CA\u79D1\u6280" };
  var hansName = (title) => HANS_TITLES[title] ?? title;
  var EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  function dateParts(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (!m) return null;
    const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
    return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 ? [y, mo, d] : null;
  }
  function zhDate(iso) {
    const p = dateParts(iso);
    return p ? `${p[0]} \u5E74 ${p[1]} \u6708 ${p[2]} \u65E5` : iso;
  }
  function enDate(iso) {
    const p = dateParts(iso);
    return p ? `${p[2]} ${EN_MONTHS[p[1] - 1]} ${p[0]}` : iso;
  }
  var zhBooks = (s) => s.titles.map((t) => `\u300A${t}\u300B`).join("\u3001");
  var hansBooks = (s) => s.titles.map((t) => `\u300A${hansName(t)}\u300B`).join("\u3001");
  var enBooks = (s) => s.titles.map((t) => `\u201C${enName(t)}\u201D`).join(", ");
  var STRINGS = {
    "zh-Hant": {
      launcher: "\u6709\u554F\u984C\uFF1F\u554F\u6211",
      title: (s) => s.titles.length === 1 ? `${s.titles[0]}\u4FBF\u89BD\u554F\u7B54` : "\u4FBF\u89BD\u554F\u7B54",
      close: "\u95DC\u9589\u554F\u7B54\u8996\u7A97",
      newChat: "\u65B0\u5C0D\u8A71",
      note: (s) => `\u7B54\u6848\u53EA\u6839\u64DA\u9999\u6E2F\u7279\u5340\u653F\u5E9C${zhBooks(s)}\u4FBF\u89BD${s.updated ? `\uFF08\u66F4\u65B0\u65E5\u671F\uFF1A${zhDate(s.updated)}\uFF09` : ""}\u7684\u5167\u5BB9\u63D0\u4F9B\u3002`,
      inputLabel: "\u8F38\u5165\u4F60\u7684\u554F\u984C",
      placeholder: "\u4F8B\u5982\uFF1A\u9999\u6E2F\u6709\u591A\u5C11\u9593\u521D\u5275\u4F01\u696D\uFF1F",
      hint: "\u6309 Enter \u50B3\u9001\uFF0CShift + Enter \u63DB\u884C",
      send: "\u50B3\u9001",
      you: "\u4F60\u7684\u554F\u984C\uFF1A",
      answer: "\u7B54\u6848\uFF1A",
      source: (n) => `\u4F86\u6E90 ${n}`,
      sources: "\u4F86\u6E90\uFF1A",
      sourceOf: (n, title) => `\u4F86\u6E90 ${n}\u30FB\u300A${title}\u300B\u4FBF\u89BD`,
      sectionLabel: "\u7AE0\u7BC0\uFF1A",
      highlightedSome: "\u5DF2\u6A19\u793A\u7B54\u6848\u6240\u5F15\u7528\u7684\u53E5\u5B50\u3002",
      highlightedAll: "\u6574\u6BB5\u5167\u5BB9\u70BA\u7B54\u6848\u7684\u4F9D\u64DA\u3002",
      backToChat: "\u8FD4\u56DE\u5C0D\u8A71",
      copy: "\u8907\u88FD\u7B54\u6848",
      copied: "\u5DF2\u8907\u88FD",
      copiedAnnounce: "\u5DF2\u628A\u7B54\u6848\u8907\u88FD\u5230\u526A\u8CBC\u7C3F\u3002",
      copyFailed: "\u672A\u80FD\u8907\u88FD\uFF0C\u8ACB\u624B\u52D5\u9078\u53D6\u6587\u5B57\u3002",
      suggestionsTitle: "\u4F60\u53EF\u4EE5\u554F\uFF1A",
      suggestions: [
        "\u6578\u78BC\u6E2F\u532F\u96C6\u591A\u5C11\u5BB6\u521D\u5275\u4F01\u696D\u548C\u79D1\u6280\u516C\u53F8\uFF1F",
        "\u9999\u6E2F\u73FE\u6642\u6709\u591A\u5C11\u9593\u521D\u5275\u4F01\u696D\uFF1F",
        "\u300C\u7522\u5B78\u7814 1+\u8A08\u5283\u300D\u662F\u751A\u9EBC\uFF1F",
        "\u300C\u667A\u65B9\u4FBF\u300D\u63D0\u4F9B\u591A\u5C11\u9805\u7DB2\u4E0A\u670D\u52D9\uFF1F"
      ],
      declineTitle: "\u672A\u80FD\u56DE\u7B54\u9019\u500B\u554F\u984C",
      decline: (s) => `${zhBooks(s)}\u4FBF\u89BD\u6C92\u6709\u9019\u65B9\u9762\u7684\u8CC7\u6599\uFF0C\u6240\u4EE5\u672A\u80FD\u56DE\u7B54\u3002\u8ACB\u5617\u8A66\u8A62\u554F\u8207${s.titles.length === 1 ? `\u9999\u6E2F${s.titles[0]}` : "\u4FBF\u89BD\u5167\u5BB9"}\u6709\u95DC\u7684\u554F\u984C\u3002`,
      thinking: "\u6B63\u5728\u67E5\u95B1\u4FBF\u89BD\u2026",
      answering: "\u6B63\u5728\u56DE\u7B54\u4F60\u7684\u554F\u984C\uFF0C\u8ACB\u7A0D\u5019\u3002",
      answered: "\u7B54\u6848\uFF1A",
      declinedAnnounce: "\u672A\u80FD\u56DE\u7B54\uFF1A\u4FBF\u89BD\u6C92\u6709\u9019\u65B9\u9762\u7684\u8CC7\u6599\u3002",
      errNetwork: "\u672A\u80FD\u9023\u63A5\u554F\u7B54\u670D\u52D9\u3002\u8ACB\u6AA2\u67E5\u7DB2\u7D61\u9023\u7DDA\uFF0C\u7136\u5F8C\u91CD\u8A66\u3002\u4F60\u8F38\u5165\u7684\u554F\u984C\u5DF2\u4FDD\u7559\u3002",
      errTimeout: "\u554F\u7B54\u670D\u52D9\u56DE\u61C9\u6642\u9593\u904E\u9577\u3002\u8ACB\u91CD\u8A66\u3002\u4F60\u8F38\u5165\u7684\u554F\u984C\u5DF2\u4FDD\u7559\u3002",
      errRate: "\u63D0\u554F\u6B21\u6578\u592A\u591A\uFF0C\u8ACB\u7A0D\u5019\u7247\u523B\u518D\u91CD\u8A66\u3002\u4F60\u8F38\u5165\u7684\u554F\u984C\u5DF2\u4FDD\u7559\u3002",
      errRateSeconds: (n) => `\u63D0\u554F\u6B21\u6578\u592A\u591A\uFF0C\u8ACB\u5728\u7D04 ${n} \u79D2\u5F8C\u91CD\u8A66\u3002\u4F60\u8F38\u5165\u7684\u554F\u984C\u5DF2\u4FDD\u7559\u3002`,
      errServer: "\u554F\u7B54\u670D\u52D9\u66AB\u6642\u672A\u80FD\u4F7F\u7528\uFF0C\u8ACB\u7A0D\u5F8C\u91CD\u8A66\u3002\u4F60\u8F38\u5165\u7684\u554F\u984C\u5DF2\u4FDD\u7559\u3002",
      errBad: "\u672A\u80FD\u8655\u7406\u9019\u500B\u554F\u984C\uFF0C\u8ACB\u4FEE\u6539\u5F8C\u518D\u8A66\u3002",
      errEmpty: "\u8ACB\u5148\u8F38\u5165\u554F\u984C\u3002",
      errTooLong: (s) => `\u554F\u984C\u6700\u591A ${s.maxChars} \u5B57\uFF0C\u8ACB\u7E2E\u77ED\u5F8C\u518D\u8A66\u3002`,
      retry: "\u91CD\u8A66",
      newChatDone: "\u5DF2\u958B\u59CB\u65B0\u5C0D\u8A71\u3002",
      charCount: (n, s) => `${n} / ${s.maxChars} \u5B57`,
      conversation: "\u5C0D\u8A71\u5167\u5BB9",
      language: "\u8A9E\u8A00",
      partial: "\u90E8\u5206\u89E3\u7B54",
      partialAnnounce: "\u90E8\u5206\u89E3\u7B54\uFF1A",
      feedbackAsk: "\u9019\u500B\u7B54\u6848\u6709\u5E6B\u52A9\u55CE\uFF1F",
      feedbackUp: "\u6709\u5E6B\u52A9",
      feedbackDown: "\u6C92\u6709\u5E6B\u52A9",
      feedbackReason: `\u539F\u56E0\uFF08\u9078\u586B\uFF0C\u6700\u591A ${MAX_REASON_CHARS} \u5B57\uFF09`,
      feedbackSend: "\u9001\u51FA\u610F\u898B",
      feedbackThanks: "\u591A\u8B1D\u4F60\u7684\u610F\u898B\uFF01",
      feedbackError: "\u672A\u80FD\u9001\u51FA\u4F60\u7684\u610F\u898B\uFF0C\u8ACB\u518D\u6309\u300C\u9001\u51FA\u610F\u898B\u300D\u91CD\u8A66\u3002\u4F60\u8F38\u5165\u7684\u5167\u5BB9\u5DF2\u4FDD\u7559\u3002"
    },
    "zh-Hans": {
      launcher: "\u6709\u95EE\u9898\uFF1F\u95EE\u6211",
      title: (s) => s.titles.length === 1 ? `${hansName(s.titles[0])}\u4FBF\u89C8\u95EE\u7B54` : "\u4FBF\u89C8\u95EE\u7B54",
      close: "\u5173\u95ED\u95EE\u7B54\u7A97\u53E3",
      newChat: "\u65B0\u5BF9\u8BDD",
      note: (s) => `\u7B54\u6848\u53EA\u6839\u636E\u9999\u6E2F\u7279\u533A\u653F\u5E9C${hansBooks(s)}\u4FBF\u89C8${s.updated ? `\uFF08\u66F4\u65B0\u65E5\u671F\uFF1A${zhDate(s.updated)}\uFF09` : ""}\u7684\u5185\u5BB9\u63D0\u4F9B\u3002`,
      inputLabel: "\u8F93\u5165\u4F60\u7684\u95EE\u9898",
      placeholder: "\u4F8B\u5982\uFF1A\u9999\u6E2F\u6709\u591A\u5C11\u5BB6\u521D\u521B\u4F01\u4E1A\uFF1F",
      hint: "\u6309 Enter \u53D1\u9001\uFF0CShift + Enter \u6362\u884C",
      send: "\u53D1\u9001",
      you: "\u4F60\u7684\u95EE\u9898\uFF1A",
      answer: "\u7B54\u6848\uFF1A",
      source: (n) => `\u6765\u6E90 ${n}`,
      sources: "\u6765\u6E90\uFF1A",
      sourceOf: (n, title) => `\u6765\u6E90 ${n}\u30FB\u300A${hansName(title)}\u300B\u4FBF\u89C8`,
      sectionLabel: "\u7AE0\u8282\uFF1A",
      highlightedSome: "\u5DF2\u6807\u793A\u7B54\u6848\u6240\u5F15\u7528\u7684\u53E5\u5B50\u3002",
      highlightedAll: "\u6574\u6BB5\u5185\u5BB9\u4E3A\u7B54\u6848\u7684\u4F9D\u636E\u3002",
      backToChat: "\u8FD4\u56DE\u5BF9\u8BDD",
      copy: "\u590D\u5236\u7B54\u6848",
      copied: "\u5DF2\u590D\u5236",
      copiedAnnounce: "\u5DF2\u628A\u7B54\u6848\u590D\u5236\u5230\u526A\u8D34\u677F\u3002",
      copyFailed: "\u672A\u80FD\u590D\u5236\uFF0C\u8BF7\u624B\u52A8\u9009\u53D6\u6587\u5B57\u3002",
      suggestionsTitle: "\u4F60\u53EF\u4EE5\u95EE\uFF1A",
      suggestions: [
        "\u6570\u7801\u6E2F\u6C47\u96C6\u591A\u5C11\u5BB6\u521D\u521B\u4F01\u4E1A\u548C\u79D1\u6280\u516C\u53F8\uFF1F",
        "\u9999\u6E2F\u76EE\u524D\u6709\u591A\u5C11\u5BB6\u521D\u521B\u4F01\u4E1A\uFF1F",
        "\u201C\u4EA7\u5B66\u7814 1+\u8BA1\u5212\u201D\u662F\u4EC0\u4E48\uFF1F",
        "\u201C\u667A\u65B9\u4FBF\u201D\u63D0\u4F9B\u591A\u5C11\u9879\u7F51\u4E0A\u670D\u52A1\uFF1F"
      ],
      declineTitle: "\u672A\u80FD\u56DE\u7B54\u8FD9\u4E2A\u95EE\u9898",
      decline: (s) => `${hansBooks(s)}\u4FBF\u89C8\u6CA1\u6709\u8FD9\u65B9\u9762\u7684\u8D44\u6599\uFF0C\u6240\u4EE5\u672A\u80FD\u56DE\u7B54\u3002\u8BF7\u5C1D\u8BD5\u8BE2\u95EE\u4E0E${s.titles.length === 1 ? `\u9999\u6E2F${hansName(s.titles[0])}` : "\u4FBF\u89C8\u5185\u5BB9"}\u6709\u5173\u7684\u95EE\u9898\u3002`,
      thinking: "\u6B63\u5728\u67E5\u9605\u4FBF\u89C8\u2026",
      answering: "\u6B63\u5728\u56DE\u7B54\u4F60\u7684\u95EE\u9898\uFF0C\u8BF7\u7A0D\u5019\u3002",
      answered: "\u7B54\u6848\uFF1A",
      declinedAnnounce: "\u672A\u80FD\u56DE\u7B54\uFF1A\u4FBF\u89C8\u6CA1\u6709\u8FD9\u65B9\u9762\u7684\u8D44\u6599\u3002",
      errNetwork: "\u672A\u80FD\u8FDE\u63A5\u95EE\u7B54\u670D\u52A1\u3002\u8BF7\u68C0\u67E5\u7F51\u7EDC\u8FDE\u63A5\uFF0C\u7136\u540E\u91CD\u8BD5\u3002\u4F60\u8F93\u5165\u7684\u95EE\u9898\u5DF2\u4FDD\u7559\u3002",
      errTimeout: "\u95EE\u7B54\u670D\u52A1\u54CD\u5E94\u65F6\u95F4\u8FC7\u957F\u3002\u8BF7\u91CD\u8BD5\u3002\u4F60\u8F93\u5165\u7684\u95EE\u9898\u5DF2\u4FDD\u7559\u3002",
      errRate: "\u63D0\u95EE\u6B21\u6570\u592A\u591A\uFF0C\u8BF7\u7A0D\u5019\u7247\u523B\u518D\u91CD\u8BD5\u3002\u4F60\u8F93\u5165\u7684\u95EE\u9898\u5DF2\u4FDD\u7559\u3002",
      errRateSeconds: (n) => `\u63D0\u95EE\u6B21\u6570\u592A\u591A\uFF0C\u8BF7\u5728\u7EA6 ${n} \u79D2\u540E\u91CD\u8BD5\u3002\u4F60\u8F93\u5165\u7684\u95EE\u9898\u5DF2\u4FDD\u7559\u3002`,
      errServer: "\u95EE\u7B54\u670D\u52A1\u6682\u65F6\u672A\u80FD\u4F7F\u7528\uFF0C\u8BF7\u7A0D\u540E\u91CD\u8BD5\u3002\u4F60\u8F93\u5165\u7684\u95EE\u9898\u5DF2\u4FDD\u7559\u3002",
      errBad: "\u672A\u80FD\u5904\u7406\u8FD9\u4E2A\u95EE\u9898\uFF0C\u8BF7\u4FEE\u6539\u540E\u518D\u8BD5\u3002",
      errEmpty: "\u8BF7\u5148\u8F93\u5165\u95EE\u9898\u3002",
      errTooLong: (s) => `\u95EE\u9898\u6700\u591A ${s.maxChars} \u5B57\uFF0C\u8BF7\u7F29\u77ED\u540E\u518D\u8BD5\u3002`,
      retry: "\u91CD\u8BD5",
      newChatDone: "\u5DF2\u5F00\u59CB\u65B0\u5BF9\u8BDD\u3002",
      charCount: (n, s) => `${n} / ${s.maxChars} \u5B57`,
      conversation: "\u5BF9\u8BDD\u5185\u5BB9",
      language: "\u8BED\u8A00",
      partial: "\u90E8\u5206\u89E3\u7B54",
      partialAnnounce: "\u90E8\u5206\u89E3\u7B54\uFF1A",
      feedbackAsk: "\u8FD9\u4E2A\u7B54\u6848\u6709\u5E2E\u52A9\u5417\uFF1F",
      feedbackUp: "\u6709\u5E2E\u52A9",
      feedbackDown: "\u6CA1\u6709\u5E2E\u52A9",
      feedbackReason: `\u539F\u56E0\uFF08\u9009\u586B\uFF0C\u6700\u591A ${MAX_REASON_CHARS} \u5B57\uFF09`,
      feedbackSend: "\u63D0\u4EA4\u610F\u89C1",
      feedbackThanks: "\u8C22\u8C22\u4F60\u7684\u610F\u89C1\uFF01",
      feedbackError: "\u672A\u80FD\u63D0\u4EA4\u4F60\u7684\u610F\u89C1\uFF0C\u8BF7\u518D\u6309\u201C\u63D0\u4EA4\u610F\u89C1\u201D\u91CD\u8BD5\u3002\u4F60\u8F93\u5165\u7684\u5185\u5BB9\u5DF2\u4FDD\u7559\u3002"
    },
    en: {
      launcher: "Ask a question",
      title: (s) => s.titles.length === 1 ? `${EN_TITLES[s.titles[0]]?.short ?? s.titles[0]} Q&A` : "Fact sheet Q&A",
      close: "Close the Q&A panel",
      newChat: "New conversation",
      note: (s) => `Answers come only from the HKSAR Government fact sheet${s.titles.length === 1 ? "" : "s"} ${enBooks(s)}${s.updated ? ` (updated ${enDate(s.updated)})` : ""}.`,
      inputLabel: "Type your question",
      placeholder: "Ask about the fact sheet\u2026",
      hint: "Enter to send, Shift + Enter for a new line",
      send: "Send",
      you: "Your question:",
      answer: "Answer:",
      source: (n) => `Source ${n}`,
      sources: "Sources:",
      sourceOf: (n, title) => `Source ${n} \xB7 \u201C${enName(title)}\u201D fact sheet`,
      sectionLabel: "Section: ",
      highlightedSome: "The sentences the answer relies on are highlighted.",
      highlightedAll: "The whole passage supports the answer.",
      backToChat: "Back to conversation",
      copy: "Copy answer",
      copied: "Copied",
      copiedAnnounce: "The answer has been copied to the clipboard.",
      copyFailed: "Could not copy. Please select the text instead.",
      suggestionsTitle: "You could ask:",
      suggestions: [
        "How many start-ups and technology companies does Cyberport house?",
        "How many start-ups are there in Hong Kong?",
        "How many online services does iAM Smart offer?",
        "How many Wi-Fi.HK hotspots are there?"
      ],
      declineTitle: "This question cannot be answered",
      decline: (s) => `The ${enBooks(s)} fact sheet${s.titles.length === 1 ? " has" : "s have"} no information on this, so it cannot be answered. Please ask about ${s.titles.length === 1 ? `${enName(s.titles[0]).toLowerCase()} in Hong Kong` : "what the fact sheets cover"}.`,
      thinking: "Checking the fact sheet\u2026",
      answering: "Answering your question, please wait.",
      answered: "Answer: ",
      declinedAnnounce: "Cannot answer: the fact sheet has no information on this.",
      errNetwork: "Could not reach the Q&A service. Please check your connection and try again. Your question has been kept.",
      errTimeout: "The Q&A service took too long to reply. Please try again. Your question has been kept.",
      errRate: "Too many questions in a short time. Please wait a moment and try again. Your question has been kept.",
      errRateSeconds: (n) => `Too many questions in a short time. Please try again in about ${n} seconds. Your question has been kept.`,
      errServer: "The Q&A service is temporarily unavailable. Please try again later. Your question has been kept.",
      errBad: "This question could not be processed. Please change it and try again.",
      errEmpty: "Please type a question first.",
      errTooLong: (s) => `Questions can be at most ${s.maxChars} characters. Please shorten it.`,
      retry: "Retry",
      newChatDone: "A new conversation has started.",
      charCount: (n, s) => `${n} / ${s.maxChars} characters`,
      conversation: "Conversation",
      language: "Language",
      partial: "Partial answer",
      partialAnnounce: "Partial answer: ",
      feedbackAsk: "Was this answer helpful?",
      feedbackUp: "Helpful",
      feedbackDown: "Not helpful",
      feedbackReason: `Reason (optional, up to ${MAX_REASON_CHARS} characters)`,
      feedbackSend: "Send feedback",
      feedbackThanks: "Thank you for your feedback.",
      feedbackError: "Your feedback could not be sent. Please press \u201CSend feedback\u201D to try again. What you typed has been kept."
    }
  };
  function normLang(v) {
    const tags = String(v || "").trim().toLowerCase().split(/[-_]/);
    const primary = tags[0] || "";
    if (primary === "en") return "en";
    if (primary !== "zh" && primary !== "yue" && primary !== "cmn") return "";
    const rest = tags.slice(1);
    if (rest.indexOf("hant") !== -1) return "zh-Hant";
    if (rest.indexOf("hans") !== -1) return "zh-Hans";
    if (rest.some((t) => t === "cn" || t === "sg" || t === "my")) return "zh-Hans";
    return "zh-Hant";
  }

  // widget/feedback.ts
  var FEEDBACK_TIMEOUT_MS = 15e3;
  var MAX_ANSWER_ID_CHARS = 200;
  var ICON_THUMB = "M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z";
  function answerIdOf(done) {
    const id = done.answerId;
    return typeof id === "string" && id.length > 0 && id.length <= MAX_ANSWER_ID_CHARS ? id : null;
  }
  function postFeedback(endpoint, body) {
    const controller = typeof AbortController === "function" ? new AbortController() : null;
    const timer = setTimeout(() => controller?.abort(), FEEDBACK_TIMEOUT_MS);
    let request;
    try {
      request = fetch(endpoint + "/api/feedback", {
        method: "POST",
        mode: "cors",
        credentials: "omit",
        cache: "no-store",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
        signal: controller ? controller.signal : void 0
      });
    } catch (e) {
      request = Promise.reject(e);
    }
    return request.then((res) => {
      if (!res.ok && res.status !== 409) throw new Error(`POST /api/feedback: HTTP ${res.status}`);
    }).finally(() => clearTimeout(timer));
  }
  function feedbackBox(o) {
    const t = o.t();
    const askId = o.idPrefix + "-ask", reasonId = o.idPrefix + "-reason";
    let rating = null;
    let sending = false;
    const thumb = (r, key) => {
      const svg = icon(ICON_THUMB);
      if (r === "down") svg.firstElementChild.setAttribute("transform", "rotate(180 12 12)");
      return h("button", { type: "button", class: "fbtn " + r, "aria-pressed": "false", "data-t-label": key, "aria-label": t[key], onclick: () => choose(r) }, svg);
    };
    const up = thumb("up", "feedbackUp");
    const down = thumb("down", "feedbackDown");
    const reason = h("textarea", { id: reasonId, class: "reason", rows: "2", maxlength: String(MAX_REASON_CHARS), autocomplete: "off" });
    const send = h("button", { type: "submit", class: "abtn fsend", "aria-disabled": "false", "data-t": "feedbackSend", text: t.feedbackSend });
    let error = null;
    const form = h("form", { class: "fbform", hidden: true, novalidate: true }, [
      h("label", { for: reasonId, "data-t": "feedbackReason", text: t.feedbackReason }),
      reason,
      h("div", { class: "fbrow" }, send)
    ]);
    const box = h("div", { class: "feedback", part: "feedback", role: "group", "aria-labelledby": askId }, [
      h("div", { class: "fbhead" }, [h("span", { id: askId, "data-t": "feedbackAsk", text: t.feedbackAsk }), up, down]),
      form
    ]);
    function choose(r) {
      if (sending) return;
      rating = r;
      up.setAttribute("aria-pressed", String(r === "up"));
      down.setAttribute("aria-pressed", String(r === "down"));
      form.hidden = false;
      reason.focus();
      if (form.scrollIntoView) form.scrollIntoView({ block: "nearest" });
    }
    function showError() {
      if (error && error.parentNode) error.parentNode.removeChild(error);
      error = h("p", { class: "fberr", role: "alert", "data-t": "feedbackError", text: o.t().feedbackError });
      form.insertBefore(error, form.lastChild);
    }
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      if (!rating || sending) return;
      sending = true;
      send.setAttribute("aria-disabled", "true");
      box.setAttribute("aria-busy", "true");
      const body = { answerId: o.answerId, rating };
      const why = reason.value.trim().slice(0, MAX_REASON_CHARS);
      if (why) body.reason = why;
      postFeedback(o.endpoint(), body).then(
        () => {
          const root = box.getRootNode();
          const hadFocus = !!root.activeElement && box.contains(root.activeElement);
          const thanks = h("p", { class: "fbthanks", tabindex: "-1", "data-t": "feedbackThanks", text: o.t().feedbackThanks });
          box.textContent = "";
          box.removeAttribute("role");
          box.removeAttribute("aria-labelledby");
          box.removeAttribute("aria-busy");
          box.setAttribute("data-state", "sent");
          box.appendChild(thanks);
          if (hadFocus) thanks.focus();
          else o.announce(thanks.textContent || "");
          o.onSent(body);
        },
        () => {
          sending = false;
          send.setAttribute("aria-disabled", "false");
          box.removeAttribute("aria-busy");
          showError();
        }
      );
    });
    return box;
  }

  // widget/meta.ts
  var DEFAULT_META = {
    documents: [{ id: "innovation-and-technology.zh-Hant", title: "\u5275\u65B0\u53CA\u79D1\u6280", updated: "2023-06-30" }],
    corpusUpdated: "2023-06-30",
    limits: { maxMessageChars: 1e3, maxHistoryTurns: 20 }
  };
  var META_TIMEOUT_MS = 15e3;
  var isDate = (v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);
  var isCount = (v, min) => typeof v === "number" && Number.isInteger(v) && v >= min;
  function parseMeta(body) {
    const b = body && typeof body === "object" ? body : {};
    const docs = Array.isArray(b.documents) ? b.documents.flatMap((d) => {
      const o = d && typeof d === "object" ? d : {};
      const title = typeof o.title === "string" ? o.title.trim().slice(0, 200) : "";
      if (!title) return [];
      return [{ id: typeof o.id === "string" ? o.id : "", title, updated: isDate(o.updated) ? o.updated : null }];
    }) : [];
    const limits = b.limits && typeof b.limits === "object" ? b.limits : {};
    return {
      documents: docs.length ? docs : DEFAULT_META.documents,
      corpusUpdated: docs.length ? isDate(b.corpusUpdated) ? b.corpusUpdated : null : DEFAULT_META.corpusUpdated,
      limits: {
        maxMessageChars: isCount(limits.maxMessageChars, 1) ? limits.maxMessageChars : DEFAULT_META.limits.maxMessageChars,
        maxHistoryTurns: isCount(limits.maxHistoryTurns, 0) ? limits.maxHistoryTurns : DEFAULT_META.limits.maxHistoryTurns
      }
    };
  }
  function fetchMeta(endpoint) {
    const controller = typeof AbortController === "function" ? new AbortController() : null;
    const timer = setTimeout(() => controller?.abort(), META_TIMEOUT_MS);
    return fetch(endpoint + "/api/meta", {
      method: "GET",
      mode: "cors",
      credentials: "omit",
      headers: { Accept: "application/json" },
      signal: controller ? controller.signal : void 0
    }).then((res) => {
      if (!res.ok) throw new Error(`GET /api/meta: HTTP ${res.status}`);
      return res.json();
    }).then(parseMeta).finally(() => clearTimeout(timer));
  }
  function sheetOf(meta) {
    return {
      titles: meta.documents.map((d) => d.title).filter((t, i, all) => all.indexOf(t) === i),
      updated: meta.corpusUpdated,
      maxChars: meta.limits.maxMessageChars
    };
  }
  function documentTitle(meta, documentId) {
    const doc = meta.documents.find((d) => d.id === documentId) ?? meta.documents[0] ?? DEFAULT_META.documents[0];
    return doc.title;
  }

  // widget/sse-client.ts
  var ChatError = class {
    constructor(kind, info) {
      this.kind = kind;
      this.status = info && info.status || 0;
      this.code = info && info.code || "";
      this.message = info && info.message || kind;
      this.retryAfter = info && info.retryAfter || 0;
    }
  };
  var SSEParser = class {
    constructor(onEvent) {
      this.onEvent = onEvent;
      this.buf = "";
      this.event = "";
      this.data = [];
    }
    push(chunk) {
      this.buf += chunk;
      let idx;
      while ((idx = this.buf.search(/\r\n|\r|\n/)) !== -1) {
        const line = this.buf.slice(0, idx);
        const nl = this.buf[idx] === "\r" && this.buf[idx + 1] === "\n" ? 2 : 1;
        if (this.buf[idx] === "\r" && idx + 1 >= this.buf.length) break;
        this.buf = this.buf.slice(idx + nl);
        this.line(line);
      }
    }
    end() {
      if (this.buf) {
        this.line(this.buf.replace(/\r$/, ""));
        this.buf = "";
      }
      this.line("");
    }
    line(line) {
      if (line === "") {
        if (this.data.length) this.onEvent(this.event || "message", this.data.join("\n"));
        this.event = "";
        this.data = [];
        return;
      }
      if (line[0] === ":") return;
      const c = line.indexOf(":");
      const field = c === -1 ? line : line.slice(0, c);
      let value = c === -1 ? "" : line.slice(c + 1);
      if (value[0] === " ") value = value.slice(1);
      if (field === "event") this.event = value;
      else if (field === "data") this.data.push(value);
    }
  };
  function readErrorBody(res) {
    return res.text().then(
      (t) => {
        try {
          const j = JSON.parse(t);
          return j && j.error ? j.error : {};
        } catch {
          return {};
        }
      },
      () => ({})
    );
  }
  function streamChat(req) {
    const { controller, handlers } = req;
    let done = null;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (controller) controller.abort();
    }, req.timeoutMs);
    function onEvent(name, data) {
      let payload;
      try {
        payload = JSON.parse(data);
      } catch {
        payload = null;
      }
      if (name === "citations") {
        if (Array.isArray(payload)) handlers.citations(payload);
      } else if (name === "delta") {
        const text = payload && payload.text;
        if (typeof text === "string") handlers.delta(text);
      } else if (name === "done") {
        if (payload && typeof payload === "object") done = payload;
      } else if (name === "error") {
        const err = payload && payload.error || {};
        throw new ChatError(/rate/i.test(err.code || "") ? "rate" : "server", { code: err.code, message: err.message });
      }
    }
    let request;
    try {
      request = fetch(req.url, {
        method: "POST",
        mode: "cors",
        credentials: "omit",
        cache: "no-store",
        headers: { "Content-Type": "application/json", Accept: "text/event-stream, application/json" },
        body: JSON.stringify(req.body),
        signal: controller ? controller.signal : void 0
      });
    } catch (e) {
      request = Promise.reject(e);
    }
    return request.then((res) => {
      if (!res.ok) {
        return readErrorBody(res).then((err) => {
          const kind = res.status === 429 ? "rate" : res.status >= 500 ? "server" : "bad";
          const ra = parseInt(res.headers.get("Retry-After") || "", 10);
          throw new ChatError(kind, { status: res.status, code: err.code, message: err.message, retryAfter: ra > 0 && ra < 3600 ? ra : 0 });
        });
      }
      const ctype = (res.headers.get("Content-Type") || "").toLowerCase();
      if (ctype.indexOf("text/event-stream") === -1 || !res.body || !res.body.getReader) {
        return res.json().then((j) => {
          done = j;
          handlers.citations(j && j.citations || []);
        });
      }
      const reader = res.body.getReader();
      const decoder = new TextDecoder("utf-8");
      const parser = new SSEParser(onEvent);
      const pump = () => reader.read().then((r) => {
        if (r.done) {
          parser.push(decoder.decode());
          parser.end();
          return;
        }
        parser.push(decoder.decode(r.value, { stream: true }));
        if (done) {
          try {
            reader.cancel().catch(() => void 0);
          } catch {
          }
          return;
        }
        return pump();
      });
      return pump();
    }).then(
      () => done,
      (err) => {
        throw err instanceof ChatError || !timedOut ? err : new ChatError("timeout", { message: "timed out" });
      }
    ).finally(() => clearTimeout(timer));
  }

  // widget/text.ts
  function forDisplay(s) {
    return String(s || "").replace(/[\uE000-\uF8FF]/g, "").replace(/^[ \t\u3000]+/, "");
  }
  function textLang(s, chinese = "zh-Hant") {
    const han = (String(s).match(/[\u3400-\u9fff]/g) || []).length;
    const latin = (String(s).match(/[A-Za-z]+/g) || []).length;
    return han > latin ? chinese : "en";
  }

  // widget/styles.css
  var styles_default = ':host{all:initial !important;display:contents !important;}\n*,*::before,*::after{box-sizing:border-box;}\n[hidden]{display:none !important;}\n.root{--fsc-accent:var(--factsheet-chat-accent,#0b4f8a);--fsc-accent-hover:var(--factsheet-chat-accent-hover,var(--factsheet-chat-accent,#083a66));\n  --fsc-on-accent:var(--factsheet-chat-on-accent,#ffffff);--fsc-text:var(--factsheet-chat-text,#1a1a1a);--fsc-muted:var(--factsheet-chat-muted,#4b5563);\n  --fsc-bg:var(--factsheet-chat-background,#ffffff);--fsc-border:var(--factsheet-chat-border,#8a939c);--fsc-focus:var(--factsheet-chat-focus,#ffbf47);\n  --fsc-tc:"Noto Sans TC","Noto Sans CJK TC","PingFang TC","Microsoft JhengHei","Heiti TC";\n  --fsc-sc:"Noto Sans SC","Noto Sans CJK SC","PingFang SC","Microsoft YaHei","Heiti SC";\n  --fsc-latin:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial;\n  font-family:var(--factsheet-chat-font,var(--fsc-tc),var(--fsc-latin),sans-serif);\n  font-size:15px;line-height:1.55;color:var(--fsc-text);font-weight:400;font-style:normal;letter-spacing:normal;\n  text-align:left;text-transform:none;text-decoration:none;white-space:normal;word-break:normal;overflow-wrap:anywhere;}\n.root:lang(zh-Hans),.root :lang(zh-Hans){font-family:var(--factsheet-chat-font,var(--fsc-sc),var(--fsc-tc),var(--fsc-latin),sans-serif);}\n.root :lang(zh-Hant){font-family:var(--factsheet-chat-font,var(--fsc-tc),var(--fsc-latin),sans-serif);}\n.root:lang(en),.root :lang(en){font-family:var(--factsheet-chat-font,var(--fsc-latin),var(--fsc-tc),sans-serif);}\nbutton,textarea{font:inherit;color:inherit;letter-spacing:inherit;text-transform:none;margin:0;}\nbutton{cursor:pointer;}\n:focus{outline:none;}\n:focus-visible{outline:3px solid var(--fsc-focus);outline-offset:0;box-shadow:0 0 0 6px #0b0c0c;}\ntextarea:focus-visible,textarea:focus{outline:3px solid var(--fsc-focus);outline-offset:0;box-shadow:0 0 0 6px #0b0c0c;}\n.sr-only{position:absolute !important;width:1px !important;height:1px !important;padding:0 !important;margin:-1px !important;\n  overflow:hidden !important;clip:rect(0 0 0 0) !important;clip-path:inset(50%) !important;white-space:nowrap !important;border:0 !important;}\n.launcher{position:fixed;z-index:2147483000;bottom:20px;right:20px;display:inline-flex;align-items:center;gap:8px;\n  min-height:48px;min-width:48px;padding:10px 18px;border:2px solid var(--fsc-on-accent);border-radius:999px;background:var(--fsc-accent);color:var(--fsc-on-accent);\n  font-size:16px;font-weight:700;line-height:1.2;box-shadow:0 2px 10px rgba(0,0,0,.35);}\n.launcher:hover{background:var(--fsc-accent-hover);}\n.launcher svg{width:22px;height:22px;flex:none;fill:currentColor;}\n.root.left .launcher{right:auto;left:20px;}\n.panel{position:fixed;z-index:2147483001;right:20px;bottom:84px;width:400px;max-width:calc(100vw - 40px);\n  height:620px;max-height:calc(100vh - 104px);max-height:calc(100dvh - 104px);display:flex;flex-direction:column;\n  background:var(--fsc-bg);color:var(--fsc-text);border:1px solid var(--fsc-border);border-top:4px solid var(--fsc-accent);border-radius:8px;\n  box-shadow:0 8px 28px rgba(0,0,0,.3);overflow:hidden;}\n.root.left .panel{right:auto;left:20px;}\n.panel.animate{animation:fsc-in .18s ease-out;}\n@keyframes fsc-in{from{opacity:0;transform:translateY(12px);}to{opacity:1;transform:none;}}\n@media (max-width:480px),(max-height:520px){\n  .panel,.root.left .panel{top:0;left:0;right:0;bottom:0;width:100%;max-width:100%;height:100%;max-height:none;border-radius:0;border-left:0;border-right:0;border-bottom:0;}\n  .launcher{bottom:12px;right:12px;}\n  .root.left .launcher{left:12px;}\n}\n@media (prefers-reduced-motion:reduce){.panel.animate{animation:none;}.dots span{animation:none !important;opacity:1 !important;}.messages{scroll-behavior:auto !important;}}\n.header{display:flex;flex-wrap:wrap;align-items:center;gap:6px 8px;padding:10px 12px 8px 16px;border-bottom:1px solid #d5d9dd;flex:none;}\n.title{flex:1 1 140px;margin:0;font-size:16px;font-weight:700;line-height:1.3;color:var(--fsc-text);}\n.hctl{display:flex;align-items:center;gap:6px;flex:none;margin-left:auto;}\n.langs{display:inline-flex;}\n.lbtn{min-width:32px;min-height:40px;padding:6px;border:1px solid var(--fsc-border);border-left-width:0;background:var(--fsc-bg);color:var(--fsc-text);font-size:14px;line-height:1.2;}\n.lbtn:first-child{border-left-width:1px;border-radius:6px 0 0 6px;}\n.lbtn:last-child{border-radius:0 6px 6px 0;}\n.lbtn:hover{background:#eef2f6;}\n.lbtn[aria-pressed="true"]{background:var(--fsc-accent);border-color:var(--fsc-accent);color:var(--fsc-on-accent);font-weight:700;}\n.lbtn:focus-visible{position:relative;z-index:1;}\n.hbtn{display:inline-flex;align-items:center;justify-content:center;min-height:40px;min-width:40px;padding:6px 10px;\n  border:1px solid var(--fsc-border);border-radius:6px;background:var(--fsc-bg);color:var(--fsc-text);font-size:14px;line-height:1.2;}\n.hbtn:hover{background:#eef2f6;}\n.hbtn svg{width:18px;height:18px;fill:currentColor;}\n.note{flex:none;margin:0;padding:8px 16px;font-size:13px;line-height:1.45;color:var(--fsc-muted);background:#f5f7f9;border-bottom:1px solid #d5d9dd;}\n.body{position:relative;flex:1;min-height:0;display:flex;flex-direction:column;}\n.messages{flex:1;min-height:0;overflow-y:auto;padding:12px 16px;scroll-behavior:smooth;}\n.msg{margin:0 0 12px;padding:10px 12px;border-radius:8px;max-width:100%;}\n.msg.user{margin-left:32px;background:#e6eef7;border:1px solid #b9cde3;white-space:pre-wrap;}\n.msg.assistant{margin-right:16px;background:#f6f6f4;border:1px solid #d5d9dd;}\n.msg.assistant .text{white-space:pre-wrap;}\n.msg.decline{background:#fff8e6;border:1px solid #c98a00;border-left:6px solid #a35f00;}\n.msg.decline h3{margin:0 0 4px;font-size:15px;font-weight:700;}\n.msg.decline p{margin:0;}\n.msg.partial{border-left:6px solid #a35f00;}\n.partial-label{display:inline-block;margin:0 0 6px;padding:0 8px;border:1px solid #a35f00;border-radius:999px;background:#fff8e6;color:#5c3500;font-size:12.5px;font-weight:700;line-height:1.6;}\n.dots{display:inline-flex;gap:4px;align-items:center;color:var(--fsc-muted);}\n.dots span{width:6px;height:6px;border-radius:50%;background:currentColor;animation:fsc-blink 1.2s infinite ease-in-out;}\n.dots span:nth-child(2){animation-delay:.2s;}.dots span:nth-child(3){animation-delay:.4s;}\n@keyframes fsc-blink{0%,80%,100%{opacity:.25;}40%{opacity:1;}}\n.thinking{display:flex;align-items:center;gap:8px;color:var(--fsc-muted);font-size:14px;}\n.cite{display:inline-block;vertical-align:baseline;position:relative;top:-2px;min-width:24px;min-height:24px;margin:0 2px;padding:0 6px;border:1px solid var(--fsc-accent);\n  border-radius:4px;background:var(--fsc-bg);color:var(--fsc-accent);font-size:13px;font-weight:700;line-height:22px;text-align:center;text-decoration:underline;}\n.cite:hover{background:var(--fsc-accent);color:var(--fsc-on-accent);}\n.srcline{margin:8px 0 0;font-size:13px;color:var(--fsc-muted);}\n.actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:8px;}\n.abtn{min-height:32px;padding:4px 10px;border:1px solid var(--fsc-border);border-radius:6px;background:var(--fsc-bg);color:var(--fsc-text);font-size:13px;line-height:1.3;}\n.abtn:hover{background:#eef2f6;}\n.feedback{margin-top:8px;font-size:13px;line-height:1.4;color:var(--fsc-muted);}\n.fbhead{display:flex;flex-wrap:wrap;align-items:center;gap:6px;}\n.fbtn{display:inline-flex;align-items:center;justify-content:center;min-width:32px;min-height:32px;padding:4px;border:1px solid var(--fsc-border);border-radius:6px;background:var(--fsc-bg);color:var(--fsc-text);}\n.fbtn svg{width:18px;height:18px;fill:currentColor;}\n.fbtn:hover{background:#eef2f6;}\n.fbtn[aria-pressed="true"]{background:var(--fsc-accent);border-color:var(--fsc-accent);color:var(--fsc-on-accent);}\n.fbform{display:flex;flex-direction:column;gap:6px;margin-top:8px;}\n.fbform label{color:var(--fsc-text);}\n.fbform textarea{width:100%;min-height:56px;font-size:14px;}\n.fbrow{display:flex;justify-content:flex-end;}\n.fsend[aria-disabled="true"]{color:#4b5563;background:#e6e8ea;cursor:progress;}\n.fberr{margin:0;padding:6px 8px;border-left:4px solid #b10e1e;background:#fdf0f0;color:#1a1a1a;}\n.fbthanks{margin:0;color:var(--fsc-text);font-weight:700;}\n.suggest{margin:0 0 12px;}\n.suggest h3{margin:4px 0 8px;font-size:14px;font-weight:700;color:var(--fsc-text);}\n.suggest ul{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:6px;}\n.sbtn{width:100%;min-height:40px;padding:8px 12px;text-align:left;border:1px solid var(--fsc-accent);border-radius:6px;background:var(--fsc-bg);color:var(--fsc-accent);font-size:14px;line-height:1.4;}\n.sbtn:hover{background:#e6eef7;}\n.source{position:absolute;inset:0;display:flex;flex-direction:column;background:var(--fsc-bg);overflow:hidden;}\n.source-head{display:flex;align-items:flex-start;gap:8px;padding:12px 16px 8px;border-bottom:1px solid #d5d9dd;flex:none;}\n.source-head div{flex:1;min-width:0;}\n.source-kicker{margin:0;font-size:13px;color:var(--fsc-muted);}\n.source-title{margin:2px 0 0;font-size:17px;font-weight:700;line-height:1.35;}\n.source-body{flex:1;overflow-y:auto;padding:12px 16px;}\n.source-text{margin:0;padding:10px 12px;border-left:4px solid var(--fsc-accent);background:#f6f6f4;white-space:pre-wrap;font-size:15px;}\n.source-text mark{background:#fff0a3;color:#1a1a1a;padding:0 1px;box-shadow:inset 0 -2px 0 #a35f00;}\n.source-hint{margin:8px 0 0;font-size:13px;color:var(--fsc-muted);}\n.composer{flex:none;border-top:1px solid #d5d9dd;padding:10px 12px 12px;background:var(--fsc-bg);}\n.error{display:flex;flex-wrap:wrap;align-items:center;gap:8px;margin:0 0 10px;padding:8px 10px;border:1px solid #b10e1e;border-left:6px solid #b10e1e;border-radius:6px;background:#fdf0f0;color:#1a1a1a;font-size:14px;}\n.error p{flex:1 1 200px;margin:0;}\n.error .abtn{font-weight:700;}\n.row{display:flex;gap:8px;align-items:flex-end;}\ntextarea{flex:1;min-width:0;min-height:44px;max-height:140px;resize:none;padding:10px 12px;border:2px solid #5f6b76;border-radius:6px;background:var(--fsc-bg);color:var(--fsc-text);font-size:15px;line-height:1.45;}\ntextarea::placeholder{color:#5f6670;opacity:1;}\n.send{min-height:44px;min-width:64px;padding:8px 14px;border:2px solid var(--fsc-accent);border-radius:6px;background:var(--fsc-accent);color:var(--fsc-on-accent);font-weight:700;}\n.send:hover{background:var(--fsc-accent-hover);}\n.send[aria-disabled="true"]{background:#e6e8ea;border-color:#8a939c;color:#4b5563;cursor:not-allowed;}\n.hintrow{display:flex;justify-content:space-between;gap:8px;margin-top:4px;font-size:12.5px;color:var(--fsc-muted);}\n.count.over{color:#b10e1e;font-weight:700;}\n@media (forced-colors:active){.launcher,.send,.cite,.sbtn,.abtn,.hbtn,.lbtn,.fbtn{border:2px solid ButtonText;}\n  .lbtn[aria-pressed="true"],.fbtn[aria-pressed="true"]{forced-color-adjust:none;background:Highlight;color:HighlightText;}.source-text mark{forced-color-adjust:none;background:Mark;color:MarkText;}}';

  // widget/element.ts
  var TAG = "factsheet-chat";
  var MAX_HISTORY_CHARS = 4e3;
  var REQUEST_TIMEOUT_MS = 6e4;
  var LANG_KEY = "factsheet-chat:lang";
  function readPickedLang() {
    try {
      const v = window.sessionStorage.getItem(LANG_KEY);
      return isLang(v) ? v : "";
    } catch {
      return "";
    }
  }
  function storePickedLang(lang) {
    try {
      if (lang) window.sessionStorage.setItem(LANG_KEY, lang);
      else window.sessionStorage.removeItem(LANG_KEY);
    } catch {
    }
  }
  function uncoveredOf(done) {
    return Array.isArray(done.uncovered) ? done.uncovered.filter((u) => typeof u === "string" && u.trim() !== "") : [];
  }
  var uid = 0;
  var lastN = (list, n) => n > 0 ? list.slice(-n) : [];
  var Base = typeof HTMLElement === "function" ? HTMLElement : class {
  };
  var _FactsheetChat = class _FactsheetChat extends Base {
    constructor() {
      super(...arguments);
      this._built = false;
      this._id = "";
      this._history = [];
      // completed turns, sent as `history`
      this._busy = false;
      this._controller = null;
      this._failed = null;
      // text of the question whose send failed (for Retry)
      this._sourceOpener = null;
      this._sourceState = null;
      this._isOpen = false;
      this._stick = true;
      this._errorKind = null;
      this._errorRetryAfter = 0;
      this._langObserver = null;
      this._meta = DEFAULT_META;
      this._metaLoad = null;
      /** The language picked with the in-widget switch; wins over the page's until the page changes language. */
      this._picked = "";
    }
    static get observedAttributes() {
      return ["lang", "endpoint", "position"];
    }
    connectedCallback() {
      if (this._built) {
        this._watchPageLang();
        return;
      }
      this._built = true;
      this._id = "fsc" + ++uid;
      this._picked = readPickedLang();
      this._build();
      this._watchPageLang();
      this._applyLang();
      if (this.getAttribute("data-open") === "true" || this.getAttribute("open") !== null) this.open({ focus: false });
    }
    disconnectedCallback() {
      if (this._langObserver) {
        this._langObserver.disconnect();
        this._langObserver = null;
      }
      if (this._controller) this._controller.abort();
    }
    attributeChangedCallback(name) {
      if (!this._built) return;
      if (name === "lang") {
        this._forgetPickedLang();
        this._watchPageLang();
        this._applyLang();
      }
      if (name === "position") this._root.className = "root" + (this.getAttribute("position") === "left" ? " left" : "");
      if (name === "endpoint") {
        this._metaLoad = null;
        this._meta = DEFAULT_META;
        this._applyMeta();
        if (this._isOpen) this._loadMeta();
      }
    }
    _lang() {
      return this._picked || normLang(this.getAttribute("lang")) || normLang(document.documentElement.getAttribute("lang")) || "zh-Hant";
    }
    /** The visitor picked a language in the widget: apply it and remember it for the session. */
    _pickLang(lang) {
      if (this._picked === lang) return;
      this._picked = lang;
      storePickedLang(lang);
      this._applyLang();
      this._emit("lang", { lang });
    }
    _forgetPickedLang() {
      if (!this._picked) return;
      this._picked = "";
      storePickedLang("");
    }
    _t() {
      return STRINGS[this._lang()];
    }
    /** The Chinese script the visitor reads (for tagging their Chinese text). */
    _chinese() {
      return this._lang() === "zh-Hans" ? "zh-Hans" : "zh-Hant";
    }
    _sheet() {
      return sheetOf(this._meta);
    }
    _maxMessage() {
      return this._meta.limits.maxMessageChars;
    }
    _watchPageLang() {
      if (this.getAttribute("lang")) {
        if (this._langObserver) {
          this._langObserver.disconnect();
          this._langObserver = null;
        }
        return;
      }
      if (this._langObserver || typeof MutationObserver !== "function") return;
      this._langObserver = new MutationObserver((records) => {
        const now = normLang(document.documentElement.getAttribute("lang"));
        if (records.some((r) => normLang(r.oldValue) !== now)) this._forgetPickedLang();
        this._applyLang();
      });
      this._langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ["lang"], attributeOldValue: true });
    }
    _endpoint() {
      let ep = this.getAttribute("endpoint");
      if (!ep) {
        const script = _FactsheetChat.script;
        try {
          ep = script && script.src ? new URL(script.src, location.href).origin : location.origin;
        } catch {
          ep = location.origin;
        }
      }
      return String(ep).replace(/\/+$/, "");
    }
    /** Asks the service once for its documents, date and limits; until then (or if it fails) the defaults apply. */
    _loadMeta() {
      if (this._metaLoad) return;
      const load = fetchMeta(this._endpoint()).then(
        (meta) => {
          if (this._metaLoad !== load) return;
          this._meta = meta;
          this._applyMeta();
        },
        () => {
          if (this._metaLoad === load) this._metaLoad = null;
        }
      );
      this._metaLoad = load;
    }
    _build() {
      const id = this._id;
      const shadow = this.attachShadow({ mode: "open" });
      applyStyles(shadow, styles_default);
      this._launcherLabel = h("span", { class: "label" });
      this._launcher = h(
        "button",
        { type: "button", class: "launcher", part: "launcher", "aria-expanded": "false", "aria-controls": id + "-panel", onclick: () => this.toggle() },
        [icon(ICON_CHAT), this._launcherLabel]
      );
      this._title = h("h2", { class: "title", part: "title", id: id + "-title" });
      this._newBtn = h("button", { type: "button", class: "hbtn new", onclick: () => this.reset() });
      this._closeBtn = h("button", { type: "button", class: "hbtn close", onclick: () => this.close() }, icon(ICON_CLOSE));
      this._langBtns = LANGS.map(
        (l) => h("button", { type: "button", class: "lbtn", lang: l, "aria-label": LANG_NAMES[l].name, "aria-pressed": "false", text: LANG_NAMES[l].short, onclick: () => this._pickLang(l) })
      );
      this._langGroup = h("div", { class: "langs", role: "group", part: "lang-switch" }, this._langBtns);
      this._note = h("p", { class: "note", part: "note", id: id + "-note" });
      this._messages = h("div", { class: "messages", part: "messages", role: "region", id: id + "-messages" });
      this._srcKicker = h("p", { class: "source-kicker" });
      this._srcTitle = h("h3", { class: "source-title", id: id + "-srctitle", tabindex: "-1" });
      this._srcBack = h("button", { type: "button", class: "hbtn back", onclick: () => this._closeSource(true) });
      this._srcText = h("blockquote", { class: "source-text" });
      this._srcHint = h("p", { class: "source-hint" });
      this._source = h("section", { class: "source", hidden: true, "aria-labelledby": id + "-srctitle" }, [
        h("div", { class: "source-head" }, [h("div", null, [this._srcKicker, this._srcTitle]), this._srcBack]),
        h("div", { class: "source-body" }, [this._srcText, this._srcHint])
      ]);
      this._errorText = h("p", { id: id + "-errtext" });
      this._retryBtn = h("button", { type: "button", class: "abtn retry", onclick: () => this._retry() });
      this._errorBox = h("div", { class: "error", role: "alert", hidden: true }, [this._errorText, this._retryBtn]);
      this._inputLabel = h("label", { class: "sr-only", for: id + "-input" });
      this._input = h("textarea", {
        id: id + "-input",
        part: "input",
        rows: "1",
        maxlength: String(this._maxMessage()),
        autocomplete: "off",
        spellcheck: "true",
        "aria-describedby": id + "-hint " + id + "-note",
        enterkeyhint: "send"
      });
      this._sendBtn = h("button", { type: "submit", class: "send", part: "send" });
      this._hint = h("span", { id: id + "-hint" });
      this._count = h("span", { class: "count", "aria-hidden": "true" });
      this._form = h("form", { class: "composer", novalidate: true }, [
        this._errorBox,
        this._inputLabel,
        h("div", { class: "row" }, [this._input, this._sendBtn]),
        h("div", { class: "hintrow" }, [this._hint, this._count])
      ]);
      this._live = h("div", { class: "sr-only", "aria-live": "polite", "aria-atomic": "true" });
      this._panel = h(
        "section",
        { class: "panel", part: "panel", id: id + "-panel", role: "dialog", "aria-modal": "false", "aria-labelledby": id + "-title", hidden: true },
        [
          h("div", { class: "header", part: "header" }, [this._title, h("div", { class: "hctl" }, [this._langGroup, this._newBtn, this._closeBtn])]),
          this._note,
          h("div", { class: "body" }, [this._messages, this._source]),
          this._form
        ]
      );
      this._root = h("div", { class: "root" + (this.getAttribute("position") === "left" ? " left" : "") }, [this._launcher, this._panel, this._live]);
      shadow.appendChild(this._root);
      this._form.addEventListener("submit", (ev) => {
        ev.preventDefault();
        this._submit();
      });
      this._input.addEventListener("keydown", (ev) => {
        if (ev.key !== "Enter" || ev.shiftKey || ev.altKey || ev.ctrlKey || ev.metaKey) return;
        if (ev.isComposing || ev.keyCode === 229) return;
        ev.preventDefault();
        this._submit();
      });
      this._input.addEventListener("input", () => {
        this._autosize();
        this._updateCount();
      });
      shadow.addEventListener("keydown", (ev) => {
        const e = ev;
        if (e.key !== "Escape" && e.key !== "Esc") return;
        if (e.isComposing) return;
        if (!this._isOpen) return;
        e.preventDefault();
        e.stopPropagation();
        if (!this._source.hidden) this._closeSource(true);
        else this.close();
      });
      this._renderEmpty();
    }
    _applyLang() {
      const t = this._t(), lang = this._lang();
      this._root.setAttribute("lang", lang);
      this._langGroup.setAttribute("aria-label", t.language);
      this._langBtns.forEach((b, i) => b.setAttribute("aria-pressed", String(LANGS[i] === lang)));
      this._launcherLabel.textContent = t.launcher;
      this._newBtn.textContent = t.newChat;
      this._closeBtn.setAttribute("aria-label", t.close);
      this._messages.setAttribute("aria-label", t.conversation);
      this._srcBack.textContent = t.backToChat;
      this._inputLabel.textContent = t.inputLabel;
      this._input.setAttribute("placeholder", t.placeholder);
      this._sendBtn.textContent = t.send;
      this._hint.textContent = t.hint;
      this._retryBtn.textContent = t.retry;
      this._messages.querySelectorAll(".suggest").forEach((sug) => sug.parentNode.replaceChild(this._suggestions(), sug));
      this._messages.querySelectorAll(".copy").forEach((b) => b.textContent = t.copy);
      this._messages.querySelectorAll(".cite").forEach((b) => b.setAttribute("aria-label", t.source(b.getAttribute("data-marker") || "")));
      this._messages.querySelectorAll("[data-t]").forEach((el) => el.textContent = t[el.getAttribute("data-t")]);
      this._messages.querySelectorAll("[data-t-label]").forEach((el) => el.setAttribute("aria-label", t[el.getAttribute("data-t-label")]));
      this._applyMeta();
    }
    /** Texts that name the fact sheet, its date or the message limit (language or meta changed). */
    _applyMeta() {
      const t = this._t(), sheet = this._sheet();
      this._title.textContent = t.title(sheet);
      this._note.textContent = t.note(sheet);
      this._input.setAttribute("maxlength", String(this._maxMessage()));
      if (this._errorKind) this._errorText.textContent = this._errorMessage(this._errorKind);
      this._messages.querySelectorAll(".msg.decline").forEach((dec) => {
        dec.querySelector(".decline-title").textContent = t.declineTitle;
        dec.querySelector(".decline-text").textContent = t.decline(sheet);
      });
      if (!this._source.hidden && this._sourceState) this._renderSource(this._sourceState.citation, this._sourceState.answer);
      this._updateCount();
    }
    /* ---------------------------------------------------------------- open / close */
    open(opts) {
      const focus = !opts || opts.focus !== false;
      this._loadMeta();
      if (!this._isOpen) {
        this._isOpen = true;
        this._panel.hidden = false;
        this._panel.classList.remove("animate");
        void this._panel.offsetWidth;
        this._panel.classList.add("animate");
        this._launcher.setAttribute("aria-expanded", "true");
        this._emit("open", {});
      }
      if (focus) this._input.focus();
      this._scrollToEnd(true);
    }
    close() {
      if (!this._isOpen) return;
      this._isOpen = false;
      this._panel.hidden = true;
      this._launcher.setAttribute("aria-expanded", "false");
      this._launcher.focus();
      this._emit("close", {});
    }
    toggle() {
      if (this._isOpen) this.close();
      else this.open();
    }
    /** Open the panel and ask `question` (as if typed and sent). */
    ask(question) {
      this.open();
      this._input.value = String(question || "");
      this._autosize();
      this._updateCount();
      this._submit();
    }
    /** Start a new conversation: forget history, clear messages, abort a pending answer. */
    reset() {
      if (this._controller) {
        this._controller.abort();
        this._controller = null;
      }
      this._setBusy(false);
      this._history = [];
      this._failed = null;
      this._hideError();
      this._closeSource(false);
      this._messages.textContent = "";
      this._renderEmpty();
      this._announce(this._t().newChatDone);
      if (this._isOpen) this._input.focus();
    }
    _emit(name, detail) {
      try {
        this.dispatchEvent(new CustomEvent("factsheet-chat:" + name, { detail, bubbles: true, composed: true }));
      } catch {
      }
    }
    /* ---------------------------------------------------------------- rendering */
    _renderEmpty() {
      this._messages.appendChild(this._suggestions());
    }
    _suggestions() {
      const t = this._t(), hid = this._id + "-sug" + ++uid;
      return h("div", { class: "suggest", role: "group", "aria-labelledby": hid }, [
        h("h3", { id: hid, text: t.suggestionsTitle }),
        h(
          "ul",
          null,
          t.suggestions.map(
            (q) => h("li", null, h("button", { type: "button", class: "sbtn", text: q, onclick: () => {
              if (!this._busy) this.ask(q);
            } }))
          )
        )
      ]);
    }
    _autosize() {
      const el = this._input;
      el.style.height = "auto";
      el.style.height = Math.min(el.scrollHeight + 4, 140) + "px";
    }
    _updateCount() {
      const n = this._input.value.length, max = this._maxMessage();
      this._count.textContent = n >= max * 0.8 ? this._t().charCount(n, this._sheet()) : "";
      this._count.classList.toggle("over", n >= max);
    }
    _nearBottom() {
      const m = this._messages;
      return m.scrollHeight - m.scrollTop - m.clientHeight < 80;
    }
    _scrollToEnd(force) {
      const m = this._messages;
      if (force || this._stick) m.scrollTop = m.scrollHeight;
    }
    /** Follow the growing answer, but never scroll its first line (and the question above it) out of view. */
    _scrollToAnswer(userMsg) {
      const m = this._messages;
      const bottom = m.scrollHeight - m.clientHeight;
      const top = userMsg && userMsg.parentNode === m ? userMsg.offsetTop - m.offsetTop - 8 : bottom;
      m.scrollTop = Math.max(0, Math.min(bottom, top));
    }
    _announce(text) {
      const live = this._live;
      live.textContent = "";
      clearTimeout(this._announceTimer);
      this._announceTimer = setTimeout(() => {
        live.textContent = text;
      }, 60);
    }
    /** Render answer text into `container`, turning [n] markers that match a citation into buttons. Returns the markers used. */
    _renderAnswerText(container, text, citations, msgState) {
      const byMarker = /* @__PURE__ */ new Map();
      (citations || []).forEach((c) => {
        if (c && c.marker !== void 0) byMarker.set(Number(c.marker), c);
      });
      container.textContent = "";
      const used = /* @__PURE__ */ new Set();
      let run = "";
      const flush = () => {
        if (run) container.appendChild(document.createTextNode(run));
        run = "";
      };
      for (const part of splitMarkers(forDisplay(text))) {
        const c = "marker" in part ? byMarker.get(part.marker) : void 0;
        if ("text" in part) run += part.text;
        else if (!c) run += marker(part.marker);
        else {
          flush();
          container.appendChild(this._citeButton(c, msgState));
          used.add(part.marker);
        }
      }
      flush();
      return used;
    }
    _citeButton(c, msgState) {
      const t = this._t();
      const btn = h("button", {
        type: "button",
        class: "cite",
        "data-marker": String(c.marker),
        "aria-label": t.source(c.marker),
        title: c.section || null,
        text: String(c.marker)
      });
      btn.addEventListener("click", () => this._openSource(c, msgState.answer, btn));
      return btn;
    }
    /* ---------------------------------------------------------------- cited passage */
    _openSource(citation, answer, opener) {
      this._sourceOpener = opener || null;
      this._sourceState = { citation, answer };
      this._renderSource(citation, answer);
      this._source.hidden = false;
      this._messages.setAttribute("inert", "");
      this._messages.setAttribute("aria-hidden", "true");
      this._source.querySelector(".source-body").scrollTop = 0;
      this._srcTitle.focus();
      const mark = this._srcText.querySelector("mark");
      if (mark && mark.scrollIntoView) {
        try {
          mark.scrollIntoView({ block: "nearest" });
        } catch {
        }
      }
    }
    _renderSource(citation, answer) {
      const t = this._t();
      this._srcKicker.textContent = t.sourceOf(citation.marker, documentTitle(this._meta, citation.document));
      this._srcTitle.textContent = "";
      this._srcTitle.appendChild(h("span", { class: "sr-only", text: t.sectionLabel }));
      this._srcTitle.appendChild(document.createTextNode(citation.section || "\u2014"));
      this._srcText.setAttribute("lang", "zh-Hant");
      const some = renderHighlighted(this._srcText, forDisplay(citation.text), answer || "");
      this._srcHint.textContent = some ? t.highlightedSome : t.highlightedAll;
    }
    _closeSource(restoreFocus) {
      if (this._source.hidden) return;
      this._source.hidden = true;
      this._sourceState = null;
      this._messages.removeAttribute("inert");
      this._messages.removeAttribute("aria-hidden");
      if (restoreFocus) {
        const opener = this._sourceOpener;
        if (opener && opener.isConnected) opener.focus();
        else this._input.focus();
      }
      this._sourceOpener = null;
    }
    /* ---------------------------------------------------------------- errors */
    _errorMessage(kind) {
      const t = this._t();
      if (kind === "rate") return this._errorRetryAfter ? t.errRateSeconds(this._errorRetryAfter) : t.errRate;
      if (kind === "timeout") return t.errTimeout;
      if (kind === "server") return t.errServer;
      if (kind === "bad") return t.errBad;
      if (kind === "empty") return t.errEmpty;
      if (kind === "toolong") return t.errTooLong(this._sheet());
      return t.errNetwork;
    }
    _showError(kind, retryable, retryAfter) {
      this._errorKind = kind;
      this._errorRetryAfter = retryAfter || 0;
      this._errorText.textContent = this._errorMessage(kind);
      this._retryBtn.hidden = !retryable;
      this._errorBox.hidden = false;
      this._errorBox.setAttribute("data-kind", kind);
    }
    _hideError() {
      this._errorKind = null;
      this._errorBox.hidden = true;
      this._errorText.textContent = "";
    }
    _retry() {
      if (this._busy) return;
      if (!this._input.value.trim() && this._failed) this._input.value = this._failed;
      this._input.focus();
      this._submit();
    }
    _setBusy(busy) {
      this._busy = busy;
      this._sendBtn.setAttribute("aria-disabled", busy ? "true" : "false");
      this._messages.setAttribute("aria-busy", busy ? "true" : "false");
    }
    /* ---------------------------------------------------------------- sending */
    _submit() {
      if (this._busy) return;
      const text = this._input.value.replace(/^\s+|\s+$/g, "");
      if (!text) {
        this._showError("empty", false);
        this._input.focus();
        return;
      }
      if (text.length > this._maxMessage()) {
        this._showError("toolong", false);
        this._input.focus();
        return;
      }
      this._hideError();
      this._closeSource(false);
      this._send(text);
    }
    _send(question) {
      const t = this._t();
      this._stick = true;
      this._messages.querySelectorAll(".suggest").forEach(removeNode);
      const userMsg = h("div", { class: "msg user", lang: textLang(question, this._chinese()) }, [h("span", { class: "sr-only", "data-t": "you", text: t.you }), question]);
      const textEl = h("div", { class: "text" });
      const thinking = h("div", { class: "thinking" }, [
        h("span", { class: "dots", "aria-hidden": "true" }, [h("span"), h("span"), h("span")]),
        h("span", { "data-t": "thinking", text: t.thinking })
      ]);
      const botMsg = h("div", { class: "msg assistant", "data-state": "pending" }, [
        h("span", { class: "sr-only", "data-t": "answer", text: t.answer }),
        thinking,
        textEl
      ]);
      this._messages.appendChild(userMsg);
      this._messages.appendChild(botMsg);
      this._scrollToEnd(true);
      const typed = this._input.value;
      this._input.value = "";
      this._autosize();
      this._updateCount();
      this._setBusy(true);
      this._announce(t.answering);
      const state = { answer: "", citations: [], raf: 0 };
      const history = lastN(this._history, this._meta.limits.maxHistoryTurns).map((m) => ({
        role: m.role,
        content: m.content.length > MAX_HISTORY_CHARS ? m.content.slice(0, MAX_HISTORY_CHARS) : m.content
      }));
      const body = { message: question, stream: true };
      if (history.length) body.history = history;
      const controller = typeof AbortController === "function" ? new AbortController() : null;
      this._controller = controller;
      const current = () => this._controller === controller;
      const requestFrame = (cb) => window.requestAnimationFrame ? window.requestAnimationFrame(cb) : setTimeout(cb);
      const cancelFrame = (id) => window.cancelAnimationFrame ? window.cancelAnimationFrame(id) : clearTimeout(id);
      const paint = () => {
        state.raf = 0;
        if (!current()) return;
        const wasNear = this._nearBottom();
        if (thinking.parentNode && state.answer) removeNode(thinking);
        this._renderAnswerText(textEl, state.answer, state.citations, state);
        botMsg.setAttribute("data-state", "streaming");
        if (wasNear) this._scrollToAnswer(userMsg);
      };
      const finish = (done) => {
        if (state.raf) {
          cancelFrame(state.raf);
          state.raf = 0;
        }
        this._controller = null;
        this._setBusy(false);
        const answer = typeof done.answer === "string" ? done.answer : state.answer;
        const citations = Array.isArray(done.citations) ? done.citations : state.citations;
        state.answer = answer;
        state.citations = citations;
        removeNode(thinking);
        textEl.setAttribute("lang", textLang(answer) === "en" ? "en" : done.language === "zh-Hans" ? "zh-Hans" : "zh-Hant");
        botMsg.setAttribute("data-state", "done");
        botMsg.setAttribute("data-answerable", done.answerable === false ? "false" : "true");
        const t2 = this._t();
        if (done.answerable === false) {
          botMsg.classList.add("decline");
          botMsg.textContent = "";
          botMsg.appendChild(h("h3", { class: "decline-title", text: t2.declineTitle }));
          botMsg.appendChild(h("p", { class: "decline-text", text: t2.decline(this._sheet()) }));
          this._addFeedback(botMsg, done);
          this._messages.appendChild(this._suggestions());
          this._announce(t2.declinedAnnounce);
        } else {
          const partial = uncoveredOf(done).length > 0;
          if (partial) {
            botMsg.classList.add("partial");
            botMsg.setAttribute("data-partial", "true");
            botMsg.insertBefore(h("p", { class: "partial-label", part: "partial-label", "data-t": "partial", text: t2.partial }), textEl);
          }
          const used = this._renderAnswerText(textEl, answer, citations, state);
          const extra = citations.filter((c) => c && !used.has(Number(c.marker)));
          if (extra.length) {
            const line = h("p", { class: "srcline" }, [h("span", { "data-t": "sources", text: t2.sources }), " "]);
            extra.forEach((c) => line.appendChild(this._citeButton(c, state)));
            botMsg.appendChild(line);
          }
          botMsg.appendChild(h("div", { class: "actions" }, [this._copyButton(answer, citations)]));
          this._addFeedback(botMsg, done);
          this._announce((partial ? t2.partialAnnounce : t2.answered) + stripMarkers(forDisplay(answer)));
        }
        this._history.push({ role: "user", content: question }, { role: "assistant", content: answer });
        this._history = lastN(this._history, this._meta.limits.maxHistoryTurns);
        this._failed = null;
        this._scrollToAnswer(userMsg);
        this._emit("answer", done);
      };
      const fail = (kind, err) => {
        if (state.raf) {
          cancelFrame(state.raf);
          state.raf = 0;
        }
        this._controller = null;
        this._setBusy(false);
        removeNode(botMsg);
        removeNode(userMsg);
        if (!this._messages.querySelector(".msg")) this._renderEmpty();
        this._failed = question;
        if (!this._input.value) this._input.value = typed;
        this._autosize();
        this._updateCount();
        const e = err && typeof err === "object" ? err : {};
        this._showError(kind, kind !== "bad", e.retryAfter);
        this._emit("error", { kind, status: e.status || 0, code: e.code || "", message: e.message || String(err) });
        const active = this.shadowRoot.activeElement;
        if (this._isOpen && (!active || active === this._sendBtn)) this._input.focus();
      };
      streamChat({
        url: this._endpoint() + "/api/chat",
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
            this._emit("delta", { text });
            if (!state.raf) state.raf = requestFrame(paint);
          }
        }
      }).then(
        (done) => {
          if (!current()) return;
          if (!done) throw new ChatError("network", { message: "stream ended early" });
          finish(done);
        }
      ).catch((err) => {
        if (!current()) return;
        fail(err instanceof ChatError ? err.kind : "network", err);
      });
    }
    /** Thumbs up / down under an answer whose reply carries an answer id (none without one). */
    _addFeedback(msg, done) {
      const answerId = answerIdOf(done);
      if (!answerId) return;
      msg.appendChild(
        feedbackBox({
          answerId,
          idPrefix: this._id + "-fb" + ++uid,
          t: () => this._t(),
          endpoint: () => this._endpoint(),
          announce: (text) => this._announce(text),
          onSent: (body) => this._emit("feedback", { answerId: body.answerId, rating: body.rating })
        })
      );
    }
    _copyButton(answer, citations) {
      const btn = h("button", { type: "button", class: "abtn copy", text: this._t().copy });
      btn.addEventListener("click", () => {
        const t = this._t();
        const lines = [answer];
        if (citations && citations.length) {
          lines.push("");
          citations.forEach((c) => lines.push(marker(c.marker) + " " + (c.section || "")));
        }
        lines.push("", t.note(this._sheet()));
        copyText(lines.join("\n")).then(
          () => {
            btn.textContent = t.copied;
            this._announce(t.copiedAnnounce);
            setTimeout(() => {
              btn.textContent = this._t().copy;
            }, 2e3);
          },
          () => this._announce(t.copyFailed)
        );
      });
      return btn;
    }
  };
  /** The <script> that loaded the widget: its origin is the default endpoint. */
  _FactsheetChat.script = null;
  /** Pure helpers, exposed for the in-browser tests (no effect on the page). */
  _FactsheetChat._helpers = { splitSentences, sentencesInAnswer, SSEParser };
  var FactsheetChat = _FactsheetChat;

  // widget/index.ts
  function findOwnScript() {
    const scripts = document.getElementsByTagName("script");
    for (let i = scripts.length - 1; i >= 0; i--) {
      if (/\/widget\.js(?:[?#].*)?$/.test(scripts[i].src || "")) return scripts[i];
    }
    return null;
  }
  function main() {
    if (typeof window === "undefined" || !window.customElements) return;
    const script = document.currentScript || findOwnScript();
    FactsheetChat.script = script;
    if (!customElements.get(TAG)) customElements.define(TAG, FactsheetChat);
    const mount = () => {
      if (document.querySelector(TAG)) return;
      const el = document.createElement(TAG);
      if (script) {
        const ep = script.getAttribute("data-endpoint");
        const lang = script.getAttribute("data-lang");
        const pos = script.getAttribute("data-position");
        if (ep) el.setAttribute("endpoint", ep);
        else if (script.src) {
          try {
            el.setAttribute("endpoint", new URL(script.src, location.href).origin);
          } catch {
          }
        }
        if (lang) el.setAttribute("lang", normLang(lang) || lang);
        if (pos) el.setAttribute("position", pos);
        if (script.getAttribute("data-open") === "true") el.setAttribute("data-open", "true");
      }
      document.body.appendChild(el);
    };
    if (document.body) mount();
    else document.addEventListener("DOMContentLoaded", mount);
  }
  main();
})();
