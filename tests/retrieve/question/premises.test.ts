import { describe, expect, it } from 'vitest';
import { absoluteYears, questionYears } from '../../../src/retrieve/question/premises.js';

describe('relative years', () => {
  it('counts from the one year the context names', () => {
    expect(absoluteYears('what was its rank the year before?', 'Where did Hong Kong rank in the 2022 index?')).toBe('what was its rank in 2021?');
    expect(absoluteYears('前一年呢？', '香港在 2022 年排第幾？')).toBe('2021年呢？');
    expect(absoluteYears('翌年有幾多間？', '2018 年有幾多間初創？')).toBe('2019年有幾多間？');
    expect(absoluteYears('同年還有哪所外國院校在港設立研究中心？', '麻省理工學院於 2016 年在香港開設首個海外創新中心。')).toBe('2016年還有哪所外國院校在港設立研究中心？');
  });

  it('leaves the question alone when the context names no year or several', () => {
    expect(absoluteYears('the year before?', 'How many start-ups are there?')).toBe('the year before?');
    expect(absoluteYears('前一年呢？', '由 2019 年至 2021 年注資多少？')).toBe('前一年呢？');
  });

  it('reads years, not sums that start like one', () => {
    expect(questionYears('2022年有2000萬元')).toEqual(['2022']);
  });
});
