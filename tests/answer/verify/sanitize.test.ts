import { describe, expect, it } from 'vitest';
import { sanitizeAnswer } from '../../../src/answer/verify/sanitize.js';

const clean = (t: string, hosts: string[] = ['www.gov.hk']) => sanitizeAnswer(t, hosts).text;

describe('sanitizeAnswer', () => {
  it('leaves a plain answer unchanged and reports nothing removed', () => {
    const t = '數碼港匯集超過 1,900 家初創企業和科技公司。[1] 比例是 1 < 2。';
    expect(sanitizeAnswer(t, [])).toEqual({ text: t, removed: [] });
  });

  it('drops script-like elements whole and keeps the text of other tags', () => {
    expect(clean('數碼港。[1]<script>alert(1)</script>')).toBe('數碼港。[1]');
    expect(clean('<b>數碼港</b>匯集 <i>1,900</i> 家。[1]')).toBe('數碼港匯集 1,900 家。[1]');
    expect(clean('x <img src=x onerror=alert(1)> y [1]')).toBe('x y [1]');
    expect(clean('a [1] <iframe src="https://evil.example/"></iframe>')).toBe('a [1]');
    expect(clean('a [1] <!-- hidden -->')).toBe('a [1]');
  });

  it('removes javascript: and data: URLs', () => {
    expect(clean('<a href="javascript:alert(1)">數碼港</a>[1]')).toBe('數碼港[1]');
    expect(clean('詳見[這裏](javascript:alert(1))。[1]')).toBe('詳見這裏。[1]');
    expect(clean('data:text/html;base64,PHNjcmlwdD4= here [1]')).toBe('here [1]');
    expect(clean('Open data: more [1]')).toBe('Open data: more [1]');
  });

  it('keeps the text of markdown links to other hosts, and links to allowed hosts whole', () => {
    expect(clean('詳見[官網](https://evil.example.com/x)。[1]')).toBe('詳見官網。[1]');
    expect(clean('詳見[官網](https://www.gov.hk/tc/about)。[1]')).toBe('詳見[官網](https://www.gov.hk/tc/about)。[1]');
    expect(clean('見[官網](https://sub.www.gov.hk/x)[1]')).toContain('https://sub.www.gov.hk/x');
    expect(clean('見[官網](http://www.gov.hk.evil.com/x)[1]')).toBe('見官網[1]');
    expect(clean('![img](https://evil.com/x.png)數碼港[1]')).toBe('數碼港[1]');
  });

  it('keeps a marker that a model wrapped in a link', () => {
    expect(clean('數碼港。[1](https://evil.com)')).toBe('數碼港。[1]');
    expect(clean('公司。[1](見附件)')).toBe('公司。[1](見附件)');
  });

  it('removes bare URLs and autolinks except to allowed hosts', () => {
    expect(clean('詳見 https://evil.com/a?b=1 。[1]')).toBe('詳見。[1]');
    expect(clean('見 https://evil.com/x。[1] 及 https://www.gov.hk/y，[2]')).toBe('見。[1] 及 https://www.gov.hk/y，[2]');
    expect(clean('see <https://evil.com> ok [1]')).toBe('see ok [1]');
    expect(clean('visit www.evil.com now [1]')).toBe('visit now [1]');
    expect(clean('visit www.evil.com now [1]', [])).toBe('visit now [1]');
  });
});
