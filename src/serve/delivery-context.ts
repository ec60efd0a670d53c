/**
 * Opens what delivery needs from the configuration: the answer records database (with its retention
 * schedule) and the metrics. A database that cannot be opened does not stop the service: answers go
 * on, feedback answers 503 feedback_unavailable, and the log says why.
 */
import type { Logger } from 'pino';
import { type Env, resolvePath } from '../config/env.js';
import { AnswerRecords } from '../records/answer-records.js';
import type { DeliveryContext } from './deliver.js';
import { ServiceMetrics } from './metrics.js';

/** How often expired rows are deleted (also once at start). */
const PURGE_EVERY_MS = 6 * 3_600_000;

function openRecords(env: Env, logger: Logger): { records: AnswerRecords | null; error: string | null } {
  if (!env.RECORD_ANSWERS) return { records: null, error: 'RECORD_ANSWERS=false' };
  const dataDir = resolvePath(env.DATA_DIR);
  try {
    const records = AnswerRecords.open(dataDir, {
      storeQuestions: env.STORE_QUESTIONS,
      questionRetentionDays: env.QUESTION_RETENTION_DAYS,
      dataRetentionDays: env.DATA_RETENTION_DAYS,
    });
    logger.info({ dataDir, storeQuestions: env.STORE_QUESTIONS }, `answer records in ${dataDir}${env.STORE_QUESTIONS ? ' (question log on, redacted)' : ''}`);
    return { records, error: null };
  } catch (err) {
    logger.error({ err, dataDir }, `answer records and feedback are off: cannot open the database in ${dataDir}`);
    return { records: null, error: err instanceof Error ? err.message : String(err) };
  }
}

export function openDelivery(env: Env, logger: Logger): { context: DeliveryContext; close(): void } {
  const metrics = env.METRICS_ENABLED ? new ServiceMetrics() : null;
  const { records, error: recordsError } = openRecords(env, logger);

  const purge = () => {
    if (!records) return;
    try {
      const removed = records.purge();
      if (removed.answers + removed.questions + removed.reasons > 0) logger.info({ removed }, 'deleted records past their retention');
    } catch (err) {
      metrics?.recordFailed('purge');
      logger.error({ err }, 'could not delete expired records');
    }
  };
  purge();
  const timer = setInterval(purge, PURGE_EVERY_MS);
  timer.unref();

  return {
    context: { publicBaseUrl: env.PUBLIC_BASE_URL ?? null, records, recordsError, metrics },
    close() {
      clearInterval(timer);
      metrics?.close();
      records?.close();
    },
  };
}
