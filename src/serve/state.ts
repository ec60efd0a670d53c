import type { Services } from '../compose.js';
import type { LoadProgress } from '../index/load-index.js';
import type { Limits } from '../contract/chat.js';
import type { ServiceInfo } from '../contract/openapi.js';
import type { DeliveryContext } from './deliver.js';

/** What the routes need; `ready` is null until the index has loaded. */
export interface ServiceState {
  ready: Services | null;
  loadError: string | null;
  /** What loading is doing (checking, building, verifying, reading), until ready. */
  loading?: LoadProgress | null;
  limits: Limits;
  info: ServiceInfo;
  /** Public address, answer records and metrics: what the people around the service get (deliver.ts). */
  delivery: DeliveryContext;
  /**
   * Shutdown, in two steps before the grace period ends: `stopping` aborts LLM work so in-flight
   * requests finish with the extractive answer; `closing` ends any stream still open with an error event.
   */
  stopping: AbortSignal;
  closing: AbortSignal;
}
