import type { Services } from '../compose.js';
import type { LoadProgress } from '../index/load-index.js';
import type { Limits } from '../contract/chat.js';
import type { ServiceInfo } from '../contract/openapi.js';

/** What the routes need; `ready` is null until the index has loaded. */
export interface ServiceState {
  ready: Services | null;
  loadError: string | null;
  /** What loading is doing (checking, building, verifying, reading), until ready. */
  loading?: LoadProgress | null;
  limits: Limits;
  info: ServiceInfo;
}
