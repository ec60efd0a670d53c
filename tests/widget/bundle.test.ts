/**
 * public/widget.js is committed (npm start and the browser tests serve it as is), so it must be the
 * build of widget/ (and of src/contract/markers.ts, which it bundles). Fix a failure with: npm run build:widget
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildWidget, WIDGET_OUT } from '../../scripts/build-widget.js';

describe('widget bundle', () => {
  it('public/widget.js is up to date with widget/ (run npm run build:widget)', async () => {
    const built = await buildWidget();
    const committed = fs.readFileSync(WIDGET_OUT, 'utf8');
    // A boolean, not a 60 KB diff: the message says what to do.
    expect(committed === built, 'public/widget.js is out of date with widget/: run npm run build:widget').toBe(true);
  });

  it('is one classic script with the usage header, ASCII after it', async () => {
    const js = fs.readFileSync(WIDGET_OUT, 'utf8');
    expect(js.startsWith('/*!\n * factsheet-chat')).toBe(true);
    const body = js.slice(js.indexOf('*/') + 2);
    expect(body).not.toMatch(/^\s*(import|export)\s/m);
    expect(body).not.toMatch(/[^\x00-\x7f]/);
  });
});
