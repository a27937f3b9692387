// Port: per-hospital keys (KMS + Secrets Manager in AWS, the local key ring file here).
export interface KeyRing {
  /**
   * HMAC-SHA256 of `message` under the hospital's pseudonymisation key, hex-encoded.
   * The same hospital and message always give the same pseudonym; different hospitals never share keys.
   */
  pseudonym(hospital: string, message: string): Promise<string>;
  /** Envelope-encrypt small secrets (AES-256-GCM data key under the master key). */
  encrypt(hospital: string, plaintext: Uint8Array): Promise<Uint8Array>;
  decrypt(hospital: string, envelope: Uint8Array): Promise<Uint8Array>;
}
