/** Answer verification lives in ./verify/ (one module per check); this path stays for importers. */
export { type LlmVerdict, type Verdict, type VerifyCheck, type VerifyOptions, verifyAnswer, verifyLlmAnswer } from './verify/index.js';
