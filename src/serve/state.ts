import type { AnswerService } from '../answer/answer-service.js';
import type { LoadedIndex } from '../index/load-index.js';
import type { Limits } from './schemas.js';

/** What the routes need; `ready` is null until the index has loaded. */
export interface ServiceState {
  ready: { index: LoadedIndex; answers: AnswerService } | null;
  loadError: string | null;
  limits: Limits;
}
