// Primary adapter: EventBridge (`NoteCurated`, S3 `Object Created` under literature/) -> the kg-update
// use cases. Thin: parse the event, read the document, run the injected extractor, record the result,
// log counts (never text) and emit metrics. Re-deliveries are safe: the use cases replace per note
// (hospital, patient and document: two patients' notes may share a document id).
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { BucketRole, GraphStore, KeyRing, ObjectStore } from '../../shared/ports';
import { readCuratedNote } from '../../shared/domain/ingest/note-curation';
import type { Observability } from '../../shared/adapters/observability';
import { NotFoundError, ValidationError } from '../../shared/domain/errors';
import type { ExtractClinical } from '../../shared/domain/kg/extraction';
import {
  recordLiterature,
  recordNoteFacts,
  retractNoteFacts,
  type KgUpdateResult,
} from '../../shared/domain/kg/update';
import { curatedNote, parseLiterature, type NoteDocument } from './documents';
import { kgUpdateEventSchema, type NoteCuratedEvent, type ObjectCreatedEvent } from './events';

/** What the kg-update function needs: a subset of shared/adapters/composition.ts Dependencies. */
export interface KgUpdateFunctionDeps {
  graph: GraphStore;
  objects: ObjectStore;
  config: { buckets: Record<BucketRole, string> };
  /** Clinical NLP (shared/domain/nlp in production; a stub in tests). */
  extract: ExtractClinical;
  /** Names the extractor and its version in provenance. */
  extractorName: string;
  /** Decrypts curated notes (ingest stores them envelope-encrypted under `notes/`). */
  keys?: KeyRing;
}

/**
 * Curated notes written by ingest: base64 envelopes under `notes/{hospital}/{patient}/`
 * (keyLayout.note, the patient's pseudonymous id).
 */
const encryptedNotePrefix = 'notes/';

/** Where the encrypted notes of one patient lie: the only ones an event for that patient may read. */
function patientNotePrefix(hospital: string, patient: string): string {
  return `${encryptedNotePrefix}${hospital}/${patient}/`;
}

/** Plain curated notes (FHIR DocumentReference NDJSON) of a hospital: `curated/{hospital}/`. */
const plainNotePrefix = 'curated/';

/** The curated-bucket prefixes a hospital's notes may lie under; nothing deeper is assumed. */
function noteKeyPrefixes(hospital: string): string[] {
  return [`${encryptedNotePrefix}${hospital}/`, `${plainNotePrefix}${hospital}/`];
}

export const literaturePrefix = 'literature/';

export function makeKgUpdateHandler(
  deps: KgUpdateFunctionDeps,
  { logger, metrics }: Observability,
) {
  return middy(
    async (event: unknown, _context: Context): Promise<KgUpdateResult | { ignored: string }> => {
      const parsed = kgUpdateEventSchema.safeParse(event);
      if (!parsed.success)
        throw new ValidationError(
          'not a NoteCurated or S3 Object Created event',
          parsed.error.issues[0]?.path.join('.'),
        );
      const result =
        parsed.data['detail-type'] === 'NoteCurated'
          ? await onNoteCurated(deps, parsed.data)
          : await onLiterature(deps, parsed.data);
      if ('ignored' in result) {
        logger.info('event skipped', { reason: result.ignored });
        return result;
      }
      logger.info(result.retracted ? 'note withdrawn from the graph' : 'graph updated', {
        graph: result.graph,
        facts: result.facts,
        quads: result.quads,
        skipped: result.skipped,
      });
      metrics.addMetric('GraphFactsWritten', MetricUnit.Count, result.facts);
      metrics.addMetric('MentionsSkipped', MetricUnit.Count, result.skipped);
      return result;
    },
  )
    .use(injectLambdaContext(logger))
    .use(logMetrics(metrics));
}

async function onNoteCurated(deps: KgUpdateFunctionDeps, event: NoteCuratedEvent) {
  const { hospital, patient, document, key, noteYear } = event.detail;
  // One hospital's event never reads another's note: the key must lie under the hospital's own
  // prefix (the error names the field, never the key, which may carry a patient's pseudonym).
  if (!noteKeyPrefixes(hospital).some((prefix) => key.startsWith(prefix)))
    throw new ValidationError(
      "the note key is not under notes/{hospital}/ or curated/{hospital}/ of the event's hospital",
      'detail.key',
    );
  // Nor one patient's event another patient's note: an encrypted note must lie under the event's
  // own patient. The older layout notes/{hospital}/{document}.txt.enc names no patient (and may hold
  // another patient's note of the same document id), so it is refused too: ingest the note again.
  // A curated object's key names no patient: curatedNote checks the DocumentReference's subject.
  const encrypted = key.startsWith(`${encryptedNotePrefix}${hospital}/`);
  if (encrypted && !key.startsWith(patientNotePrefix(hospital, patient)))
    throw new ValidationError(
      "the note key is not under notes/{hospital}/{patient}/ of the event's patient (detail.patient)",
      'detail.key',
    );
  const body = await deps.objects.getText('curated', key);
  if (body === undefined) throw new NotFoundError('the curated note named by the event is missing');
  let note: NoteDocument;
  if (encrypted) {
    if (!deps.keys) throw new ValidationError('encrypted notes need the key ring', 'key');
    const text = await readCuratedNote(deps.keys, hospital, Buffer.from(body, 'base64'));
    // Ingest stores a note entered in error as empty text (note-curation.ts): it is withdrawn.
    note = text === '' ? { text, withdrawn: true } : { text };
  } else note = curatedNote(body, document, patient);
  // Withdrawn: remove what the note wrote, insert nothing (a re-delivery finds nothing to remove).
  if (note.withdrawn) return retractNoteFacts(deps, { hospital, patient, document });
  // The event's year (ingest read it before encrypting the text), else the DocumentReference's.
  const year = noteYear ?? note.year;
  const extraction = await deps.extract(note.text, year === undefined ? {} : { noteYear: year });
  return recordNoteFacts(deps, {
    hospital,
    patient,
    document,
    extractor: deps.extractorName,
    at: new Date(event.time),
    entities: extraction.entities,
    relations: extraction.relations,
    textLength: note.text.length,
  });
}

async function onLiterature(deps: KgUpdateFunctionDeps, event: ObjectCreatedEvent) {
  const { bucket, object } = event.detail;
  const role = (Object.entries(deps.config.buckets) as [BucketRole, string][]).find(
    ([, name]) => name === bucket.name,
  )?.[0];
  let key: string;
  try {
    key = decodeURIComponent(object.key.replace(/\+/g, ' '));
  } catch (error) {
    // A bare "%" ("literature/100%.txt"): S3 URL-encodes keys in events, so this is not one of ours.
    if (error instanceof URIError)
      throw new ValidationError('the object key is not URL-encoded', 'detail.object.key', {
        cause: error,
      });
    throw error;
  }
  if (!role || !key.startsWith(literaturePrefix)) return { ignored: 'not a literature upload' };
  const body = await deps.objects.getText(role, key);
  if (body === undefined)
    throw new NotFoundError('the literature object named by the event is missing');
  const article = parseLiterature(body, key);
  const text = article.abstract ? `${article.title}\n\n${article.abstract}` : article.title;
  const extraction = await deps.extract(text);
  return recordLiterature(deps, {
    document: article.document,
    title: article.title,
    extractor: deps.extractorName,
    at: new Date(event.time),
    entities: extraction.entities,
    relations: extraction.relations,
    textLength: text.length,
  });
}
