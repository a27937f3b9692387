// Domain (nlp): the year a note was written, from a FHIR date, dateTime or instant (DocumentReference
// .date, an attachment's creation, or a date a caller gives). The assertion classifier reads a year
// before it as a past event ("NSTEMI in 2019"). No dependencies: ingest and the CLI import it alone.

const fhirDate = /^(\d{4})(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01])(?:T\S+)?)?)?$/;

/** The year of a FHIR date/dateTime/instant ("2026", "2026-03", "2026-03-14T09:30:00Z"), else undefined. */
export function yearOfFhirDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = fhirDate.exec(value);
  return m ? Number(m[1]) : undefined;
}
