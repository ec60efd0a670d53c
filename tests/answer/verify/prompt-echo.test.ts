import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { echoForm, findPromptEcho } from '../../../src/answer/verify/prompt-echo.js';

const PROMPTS = ['system.md', 'answer.md', 'condense.md'].map((f) => fs.readFileSync(path.resolve('prompts', f), 'utf8'));

describe('findPromptEcho', () => {
  it('finds a quoted run of the system prompt, whatever the case, markers or line breaks', () => {
    expect(findPromptEcho('You are the question-answering assistant of a Hong Kong government FAQ page. [1]', PROMPTS)).not.toBeNull();
    expect(findPromptEcho('RULES: use only facts stated in the passages.\nNever add figures, dates [1]', PROMPTS)).not.toBeNull();
  });

  it('finds the condense and answer templates', () => {
    expect(findPromptEcho('Rewrite the follow-up question as one standalone question [1]', PROMPTS)?.prompt).toBe(2);
    expect(findPromptEcho('Answer with citations like [1], or reply', PROMPTS)?.prompt).toBe(1);
  });

  it('finds a Chinese run of 20 characters', () => {
    const prompt = '你是香港政府創新及科技常見問題頁面的問答助理，只根據提供的段落回答問題。';
    expect(findPromptEcho('我的設定：你是香港政府創新及科技常見問題頁面的問答助理。[1]', [prompt])).not.toBeNull();
    expect(findPromptEcho('香港政府創新及科技[1]', [prompt])).toBeNull();
  });

  it('does not flag a faithful answer that shares a short phrase with the prompt', () => {
    expect(findPromptEcho('According to the government fact sheet, innovation and technology funding rose. [1]', PROMPTS)).toBeNull();
    expect(findPromptEcho('數碼港匯集超過 1,900 家初創企業和科技公司。[1]', PROMPTS)).toBeNull();
  });

  it('normalises to letters, digits and single spaces', () => {
    expect(echoForm('Use ONLY facts — stated [1] in\n the *passages*.')).toBe('use only facts stated in the passages');
  });
});
