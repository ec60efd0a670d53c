// Demo FAQ page: language toggle (繁體中文 / English) and the "open the Q&A tool" button.
// No inline scripts on the page, so a strict Content-Security-Policy (script-src 'self') works.
(function () {
  'use strict';

  var TITLES = {
    'zh-Hant': '創新及科技：常見問題（示範）',
    en: 'Innovation and Technology: FAQ (demonstration)'
  };

  function wanted() {
    var q = /[?&]lang=([^&#]+)/.exec(location.search);
    if (q) {
      var value = q[1];
      // A malformed escape (?lang=%) must not stop the page: fall back to the raw text.
      try { value = decodeURIComponent(value); } catch (e) { /* keep it undecoded */ }
      return value.toLowerCase().indexOf('en') === 0 ? 'en' : 'zh-Hant';
    }
    try {
      var saved = localStorage.getItem('factsheet-demo-lang');
      if (saved === 'en' || saved === 'zh-Hant') return saved;
    } catch (e) { /* storage may be blocked */ }
    return 'zh-Hant';
  }

  function apply(lang) {
    document.documentElement.setAttribute('lang', lang);
    document.title = TITLES[lang];
    var t = document.getElementById('lang-toggle');
    if (t) {
      var other = lang === 'en' ? 'zh-Hant' : 'en';
      t.textContent = other === 'en' ? 'English' : '繁體中文';
      t.setAttribute('lang', other);
      t.setAttribute('hreflang', other);
      t.setAttribute('href', '?lang=' + other);
    }
    try { localStorage.setItem('factsheet-demo-lang', lang); } catch (e) { /* ignore */ }
  }

  apply(wanted());

  document.addEventListener('DOMContentLoaded', function () {
    apply(document.documentElement.getAttribute('lang') === 'en' ? 'en' : 'zh-Hant');

    var toggle = document.getElementById('lang-toggle');
    if (toggle) {
      toggle.addEventListener('click', function (ev) {
        ev.preventDefault();
        var next = document.documentElement.getAttribute('lang') === 'en' ? 'zh-Hant' : 'en';
        apply(next);
        if (history.replaceState) history.replaceState(null, '', '?lang=' + next + location.hash);
        toggle.focus();
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
