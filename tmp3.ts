import { analyzeQuery, tokensForIndex } from './src/text/analyze.js';
for (const q of ['How many virtual banking licences has Hong Kong granted?','香港有多少个Wi-Fi热点？','科技園嘅科技企業投資基金投咗幾多間公司？','香港的樓價在2023年升了多少？','Write me a Python script to scrape a website.','你覺得香港政府的創科政策是否成功？','今晚食咩好？','What is InnoHK?'])
{ const a = analyzeQuery(q); console.log(q, '\n  T', a.tokens.join(' '), '\n  C', a.concepts.map(c=>c.alternatives.join('|')).join(' ; ')); }
console.log(tokensForIndex('「科技券」計劃獲業界的廣泛支持，出台至今已批出超過 2 萬１千宗申請').join(' '));
