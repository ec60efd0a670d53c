// Demo FAQ page: language links (繁體中文 / 简体中文 / English) and the "open the Q&A tool" button.
// No inline scripts on the page, so a strict Content-Security-Policy (script-src 'self') works.
// The widget follows <html lang>, so switching the page's language switches the widget's too.
(function () {
  'use strict';

  var LANGS = ['zh-Hant', 'zh-Hans', 'en'];
  var TITLES = {
    'zh-Hant': '創新及科技：常見問題（示範）',
    'zh-Hans': '创新及科技：常见问题（示范）',
    en: 'Innovation and Technology: FAQ (demonstration)'
  };
  var NAV_LABELS = { 'zh-Hant': '語言', 'zh-Hans': '语言', en: 'Language' };

  /** Any tag → one of LANGS: en* → en; zh-Hans, zh-CN, zh-SG → zh-Hans; anything else → zh-Hant. */
  function norm(tag) {
    var s = String(tag || '').toLowerCase();
    if (s.indexOf('en') === 0) return 'en';
    if (/^zh[-_](hans|cn|sg|my)\b/.test(s)) return 'zh-Hans';
    return 'zh-Hant';
  }

  function wanted() {
    var q = /[?&]lang=([^&#]+)/.exec(location.search);
    if (q) {
      var value = q[1];
      // A malformed escape (?lang=%) must not stop the page: fall back to the raw text.
      try { value = decodeURIComponent(value); } catch (e) { /* keep it undecoded */ }
      return norm(value);
    }
    try {
      var saved = localStorage.getItem('factsheet-demo-lang');
      if (LANGS.indexOf(saved) !== -1) return saved;
    } catch (e) { /* storage may be blocked */ }
    return 'zh-Hant';
  }

  function apply(lang) {
    document.documentElement.setAttribute('lang', lang);
    document.title = TITLES[lang];
    var nav = document.getElementById('lang-switch');
    if (nav) {
      nav.setAttribute('aria-label', NAV_LABELS[lang]);
      var links = nav.getElementsByTagName('a');
      for (var i = 0; i < links.length; i++) {
        if (links[i].getAttribute('data-lang') === lang) links[i].setAttribute('aria-current', 'true');
        else links[i].removeAttribute('aria-current');
      }
    }
    try { localStorage.setItem('factsheet-demo-lang', lang); } catch (e) { /* ignore */ }
  }

  apply(wanted());

  document.addEventListener('DOMContentLoaded', function () {
    apply(norm(document.documentElement.getAttribute('lang')));

    var nav = document.getElementById('lang-switch');
    if (nav) {
      nav.addEventListener('click', function (ev) {
        var link = ev.target && ev.target.closest ? ev.target.closest('a[data-lang]') : null;
        if (!link) return;
        ev.preventDefault();
        var next = link.getAttribute('data-lang');
        apply(next);
        if (history.replaceState) history.replaceState(null, '', '?lang=' + next + location.hash);
        link.focus();
      });
    }

    var open = document.getElementById('open-assistant');
    if (open) {
      open.addEventListener('click', function () {
        var el = document.querySelector('factsheet-chat');
        if (el && typeof el.open === 'function') el.open();
      });
    }
  });
})();
