// Domain (ingest): reference integrity for patient links. Files of one batch arrive in any order (S3
// events are not ordered), so a clinical record whose patient is not known yet is stored, not rejected,
// and counted as a warning in the report; a patient that never arrives shows up there.
import type { Table } from '../../ports/table';
import { servingKeys } from '../serving/records';

export class PatientLinks {
  /** Pseudonymous patient ids known to exist (seen in this file or found in the table). */
  private readonly known = new Set<string>();
  private readonly missing = new Set<string>();

  constructor(
    private readonly serving: Table,
    private readonly hospital: string,
    private readonly capacity = 100_000,
  ) {}

  /** A Patient stored by this file. */
  stored(patientId: string): void {
    this.remember(this.known, patientId);
    this.missing.delete(patientId);
  }

  /** Whether the patient is known (cached per file; one table read per distinct patient). */
  async exists(patientId: string): Promise<boolean> {
    if (this.known.has(patientId)) return true;
    if (this.missing.has(patientId)) return false;
    const key = servingKeys.patient(this.hospital, patientId);
    const found = (await this.serving.get(key.pk, key.sk)) !== undefined;
    this.remember(found ? this.known : this.missing, patientId);
    return found;
  }

  private remember(set: Set<string>, id: string): void {
    if (set.size >= this.capacity) set.clear();
    set.add(id);
  }
}
