import type { AidaMessage } from '../../../shared/aida/message';
import { isJobMessage, jobKeyOf } from '../domain/job-state';
import type { IdvRepo } from '../store/idv-repo';
import type { SourceHandler } from './source';

/**
 * Wraps the AIDA handler so each job's AdditionalMetadata is kept: a configured key of it may carry the applicant's
 * identity-verification processId. The jobs table keeps no metadata, and the AIDA handler is not this feature's.
 */
export function keepingJobMetadata(aida: SourceHandler, idv: IdvRepo): SourceHandler {
  return {
    source: aida.source,
    projectionTables: [...aida.projectionTables, 'job_metadata'],
    parse: (delivery) => aida.parse(delivery),
    endBatch: () => aida.endBatch?.(),
    discardBatch: () => aida.discardBatch?.(),
    project(event, changes) {
      aida.project(event, changes);
      const message = event.message as AidaMessage;
      const metadata = message.additionalMetadata;
      if (!metadata || Object.keys(metadata).length === 0 || !isJobMessage(message)) return;
      const key = jobKeyOf(message);
      if (key !== undefined) idv.saveJobMetadata(event.subject, key, metadata);
    },
  };
}
