/**
 * Makes an LLM answer safe to show as text: HTML tags go (their text stays; script/style and
 * similar elements go whole), javascript:/data:/vbscript: URLs go, and markdown links, images,
 * autolinks and bare URLs go too — keeping the link text — unless they point (http/https) to a
 * host in `allowedLinkHosts` (or a subdomain of one). Citation markers survive, also when a model
 * wraps one in a link ("[1](https://…)").
 */

export interface SanitizeResult {
  text: string;
  /** What was removed, for logs and tests: 'html', 'script', 'url', 'link'. */
  removed: string[];
}

const DROP_ELEMENTS = ['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template', 'svg', 'math', 'textarea', 'select'];
const DANGEROUS_SCHEME = /\b(?:javascript|vbscript|livescript)\s*:[^\s)\]>"'」]*|\bdata\s*:\s*[a-z]+\/[a-z0-9.+-]+[;,][^\s)\]>"'」]*/gi;

function hostAllowed(url: string, allowed: string[]): boolean {
  let u: URL;
  try {
    u = new URL(url.startsWith('www.') ? `https://${url}` : url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
  const host = u.hostname.toLowerCase().replace(/\.$/, '');
  return allowed.some((h) => {
    const a = h.toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');
    return a.length > 0 && (host === a || host.endsWith(`.${a}`));
  });
}

function looksLikeUrl(url: string): boolean {
  return !/\p{Script=Han}/u.test(url) && (url === '' || /[:/.#?]/.test(url));
}

/** Removes unsafe markup and links from `answer`; see the module comment for what stays. */
export function sanitizeAnswer(answer: string, allowedLinkHosts: string[]): SanitizeResult {
  const removed = new Set<string>();
  let s = answer;

  // HTML comments and elements whose content is code, not text.
  s = s.replace(/<!--[\s\S]*?(?:-->|$)/g, () => (removed.add('html'), ''));
  for (const el of DROP_ELEMENTS) {
    s = s.replace(new RegExp(`<${el}\\b[^>]*>[\\s\\S]*?(?:<\\/${el}\\s*>|$)`, 'gi'), () => (removed.add('script'), ''));
    s = s.replace(new RegExp(`<\\/?${el}\\b[^>]*>?`, 'gi'), () => (removed.add('script'), ''));
  }

  // Markdown images and links: keep the text (a marker stays a marker), keep allowed links whole.
  s = s.replace(/(!?)\[([^\][\n]*)\]\(\s*<?([^()\s>]*(?:\([^()\s]*\)[^()\s>]*)*)>?(?:\s+["'][^"']*["'])?\s*\)/g, (whole, bang: string, text: string, url: string) => {
    if (!looksLikeUrl(url)) return whole; // 「[1](見附件)」 is a marker and a remark, not a link
    if (!bang && hostAllowed(url, allowedLinkHosts)) return whole;
    removed.add('link');
    if (bang) return ''; // an image's alt text is no part of the answer
    if (/^\d{1,3}$/.test(text.trim())) return `[${text.trim()}]`;
    return text;
  });
  // Reference-style link definitions: "[x]: https://…".
  s = s.replace(/^[ \t]*\[[^\]\n]+\]:[ \t]*(\S+).*$/gm, (whole, url: string) => {
    if (hostAllowed(url, allowedLinkHosts)) return whole;
    removed.add('link');
    return '';
  });
  // Autolinks <https://…> before tags, so they are judged as links.
  s = s.replace(/<((?:https?|ftp|mailto|javascript|data|vbscript):[^<>\s]*)>/gi, (_whole, url: string) => {
    if (hostAllowed(url, allowedLinkHosts)) return url;
    removed.add('link');
    return '';
  });

  // Any remaining tag (keep its text); an unterminated tag at the end too.
  s = s.replace(/<\/?[A-Za-z][^<>]*>/g, () => (removed.add('html'), ''));
  s = s.replace(/<\/?[A-Za-z][^<>]*$/g, () => (removed.add('html'), ''));

  // Script and data URLs anywhere.
  s = s.replace(DANGEROUS_SCHEME, () => (removed.add('url'), ''));

  // Bare URLs not to an allowed host.
  s = s.replace(/\b(?:(?:https?|ftp):\/\/|www\.)[^\s<>"'「」()（）[\]。，、；：！？]+/gi, (url) => {
    const trimmed = url.replace(/[.,;:!?。，；：！？]+$/, '');
    const tail = url.slice(trimmed.length);
    if (hostAllowed(trimmed, allowedLinkHosts)) return url;
    removed.add('url');
    return tail;
  });

  if (removed.size > 0) {
    s = s
      .replace(/\(\s*\)|（\s*）/g, '')
      .replace(/[ \t]{2,}/g, ' ')
      .replace(/[ \t]+([，。、；：！？,.;:!?])/g, '$1')
      .replace(/[ \t]+$/gm, '')
      .trim();
  }
  return { text: s, removed: [...removed] };
}
