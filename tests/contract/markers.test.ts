import { describe, expect, it } from 'vitest';
import { distinctMarkers, escapeSourceBrackets, markersIn, renumberMarkers, splitMarkers, stripMarkers } from '../../src/contract/markers.js';

describe('citation markers', () => {
  const text = '甲 [2]，乙 [1]；丙 [2]。';
  it('finds markers in order, with and without repeats', () => {
    expect(markersIn(text)).toEqual([2, 1, 2]);
    expect(distinctMarkers(text)).toEqual([2, 1]);
  });
  it('renumbers and strips them', () => {
    expect(renumberMarkers(text, (n) => (n === 2 ? 1 : 2))).toBe('甲 [1]，乙 [2]；丙 [1]。');
    expect(stripMarkers(text)).toBe('甲，乙；丙。');
  });
  it('splits text into runs and markers for renderers', () => {
    expect(splitMarkers('a [1] b[12]')).toEqual([{ text: 'a ' }, { marker: 1 }, { text: ' b' }, { marker: 12 }]);
  });
  it('escapes bracketed numbers of source text so they never read as markers', () => {
    const quoted = escapeSourceBrackets('預算為 5 億元[9]，見附註[1]。');
    expect(quoted).toBe('預算為 5 億元［9］，見附註［1］。');
    expect(markersIn(`${quoted} [1]`)).toEqual([1]);
  });
});
