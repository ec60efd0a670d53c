#!/usr/bin/env python3
"""Checks a question set (JSON Lines) against the fact sheet. Usage: python3 check.py FILE.jsonl"""
import json, re, sys, collections
import os
HERE = os.path.dirname(os.path.abspath(__file__))
# Beside the checker (where a helper sees it), else the repository's corpus.
SHEET = next(p for p in (os.path.join(HERE, 'factsheet.txt'), os.path.join(HERE, '../../corpus/innovation-and-technology.zh-Hant.txt')) if os.path.exists(p))
sheet = re.sub(r'\s+', '', open(SHEET, encoding='utf-8').read())
KINDS_SINGLE = {'paraphrase', 'description', 'english_vocab', 'multi_part', 'absent_fact', 'adjacent', 'comparison', 'wrong_premise', 'direct', 'definition', 'list'}
KINDS_CONV = {'same_subject_new_fact', 'absent_new_fact', 'pronoun', 'new_subject_same_fact', 'topic_change', 'correction'}
LANGS = {'zh-Hant', 'zh-Hans', 'yue', 'en'}
EXPECTS = {'answer', 'partial', 'decline', 'correct_premise'}
errors, ids = [], set()
kinds, langs, expects = collections.Counter(), collections.Counter(), collections.Counter()
n = 0
path = sys.argv[1]
for i, line in enumerate(open(path, encoding='utf-8'), 1):
    if not line.strip():
        continue
    where = f'line {i}'
    try:
        d = json.loads(line)
    except Exception as e:
        errors.append(f'{where}: not JSON ({e})'); continue
    n += 1
    for key in ('id', 'lang', 'kind', 'question', 'history', 'gold', 'facts', 'answerable', 'expect'):
        if key not in d:
            errors.append(f'{where}: missing "{key}"')
    if d.get('id') in ids:
        errors.append(f'{where}: duplicate id {d.get("id")}')
    ids.add(d.get('id'))
    if d.get('lang') not in LANGS: errors.append(f'{where}: lang must be one of {sorted(LANGS)}')
    if d.get('kind') not in KINDS_SINGLE | KINDS_CONV: errors.append(f'{where}: unknown kind {d.get("kind")}')
    if d.get('expect') not in EXPECTS: errors.append(f'{where}: expect must be one of {sorted(EXPECTS)}')
    if not isinstance(d.get('question'), str) or not d.get('question', '').strip(): errors.append(f'{where}: empty question')
    h = d.get('history', [])
    if not isinstance(h, list): errors.append(f'{where}: history must be a list')
    else:
        for j, turn in enumerate(h):
            if not isinstance(turn, dict) or turn.get('role') not in ('user', 'assistant') or not isinstance(turn.get('content'), str):
                errors.append(f'{where}: history[{j}] must be {{"role": "user"|"assistant", "content": "..."}}')
            elif turn['role'] != ('user' if j % 2 == 0 else 'assistant'):
                errors.append(f'{where}: history must alternate user, assistant, starting with user')
        if len(h) % 2: errors.append(f'{where}: history must end with an assistant turn')
    if d.get('kind') in KINDS_CONV:
        if not h: errors.append(f'{where}: a conversation kind needs a history')
        if 'conversation' not in d: errors.append(f'{where}: a follow-up needs "conversation"')
    ans, exp = d.get('answerable'), d.get('expect')
    gold, facts = d.get('gold', []), d.get('facts', [])
    if ans is True and exp not in ('answer', 'partial'): errors.append(f'{where}: answerable true needs expect answer or partial')
    if ans is False and exp not in ('decline', 'correct_premise'): errors.append(f'{where}: answerable false needs expect decline or correct_premise')
    if ans is True and (not gold or not facts): errors.append(f'{where}: an answerable question needs gold and facts')
    if exp == 'decline' and (gold or facts): errors.append(f'{where}: an unanswerable question has empty gold and facts')
    if exp == 'partial' and not d.get('uncovered'): errors.append(f'{where}: partial needs "uncovered"')
    for g in gold if isinstance(gold, list) else []:
        if not isinstance(g, str) or re.sub(r'\s+', '', g) not in sheet or len(re.sub(r'\s+', '', g)) < 6:
            errors.append(f'{where}: gold {g!r} is not a substring (of 6+ characters) of the fact sheet with whitespace removed')
    if not isinstance(facts, list) or any(not isinstance(f, list) or not f or any(not isinstance(x, str) for x in f) for f in facts):
        errors.append(f'{where}: facts must be a list of non-empty lists of strings')
    kinds[d.get('kind')] += 1; langs[d.get('lang')] += 1; expects[d.get('expect')] += 1
print(f'{path}: {n} questions, {len(errors)} problems')
for e in errors[:40]: print('  ' + e)
print('kinds:', dict(kinds)); print('langs:', dict(langs)); print('expect:', dict(expects))
sys.exit(1 if errors else 0)
