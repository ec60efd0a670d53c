import { detectLanguage } from './src/text/language.js';
import { normalizeForMatch } from './src/text/normalize.js';
for (const q of ['香港有多少个Wi-Fi热点？','香港有多少個Wi-Fi熱點？','What is InnoHK?','科技園嘅科技企業投資基金投咗幾多間公司？','InnoHK的第一個創新平台是甚麼？','数码港','今晚食咩好？', '2 萬１千 47,000 1,193 萬 2（政府）：1（企業）'])
  console.log(detectLanguage(q), normalizeForMatch(q));
