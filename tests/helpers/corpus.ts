import fs from 'node:fs';
import path from 'node:path';

/** A Markdown document without metadata: its heading is its title. */
export const GOOD_MD = '# 測試園區簡介\n\n維港測試園共有 321 間實驗室，全部位於九龍。\n';

/** A corpus folder holding one good file and one of each kind of bad file. */
export function writeMixedCorpus(dir: string): void {
  fs.writeFileSync(path.join(dir, 'aa-notes.md'), GOOD_MD);
  // Invalid UTF-8 (a lone 0xFF) on line 3.
  fs.writeFileSync(path.join(dir, 'bad.txt'), Buffer.concat([Buffer.from('第一行。\n第二行。\n第三'), Buffer.from([0xff]), Buffer.from('行。\n')]));
  fs.writeFileSync(path.join(dir, 'nul.txt'), Buffer.from('# 標題\n\n有\u0000空字元的一行。\n'));
  fs.symlinkSync(path.join(dir, 'does-not-exist'), path.join(dir, 'broken.txt'));
  fs.writeFileSync(path.join(dir, 'zz-short.txt'), '這是一段沒有標題的文字，也沒有說明檔。\n');
  fs.writeFileSync(path.join(dir, 'meta-bad.md'), '# 有標題\n\n內容。\n');
  fs.writeFileSync(path.join(dir, 'meta-bad.meta.json'), '{"title": ');
}


/** A document whose text carries bracketed footnote numbers, as scanned reports do. */
export const FOOTNOTES_MD = '# 附註測試\n\n維港測試園的年度預算為 5 億元[9]，由測試基金全數資助[1]。\n';
