import { describe, expect, it } from 'vitest';
import { actions, authorize, roles, type Principal } from './policy';
import { ForbiddenError, NotFoundError } from '../errors';

const principal = (role: Principal['role'], patient?: string): Principal => ({
  subject: 's',
  hospital: 'east',
  role,
  ...(patient ? { patient } : {}),
});

describe('Function: authorize', () => {
  it('gives every action to at least one role and every role at least one action', () => {
    const granted = (role: Principal['role'], action: (typeof actions)[number]) => {
      try {
        authorize(principal(role, 'p1'), action, { patient: 'p1' });
        return true;
      } catch {
        return false;
      }
    };
    for (const action of actions)
      expect(
        roles.some((r) => granted(r, action)),
        action,
      ).toBe(true);
    for (const role of roles)
      expect(
        actions.some((a) => granted(role, a)),
        role,
      ).toBe(true);
  });

  it('lets a patient read their own record only, answering not-found for any other', () => {
    expect(authorize(principal('patient', 'p1'), 'patient:read', { patient: 'p1' })).toBe('PATRQT');
    expect(() => authorize(principal('patient', 'p1'), 'patient:read', { patient: 'p2' })).toThrow(
      NotFoundError,
    );
    expect(() => authorize(principal('patient'), 'patient:read', { patient: 'p2' })).toThrow(
      NotFoundError,
    );
  });

  it('keeps data scientists, uploaders and admins away from identified clinical records', () => {
    for (const role of ['data-scientist', 'hospital-uploader', 'admin'] as const) {
      expect(() => authorize(principal(role), 'patient:read-clinical', { patient: 'p1' })).toThrow(
        ForbiddenError,
      );
      expect(() => authorize(principal(role), 'patients:list')).toThrow(ForbiddenError);
    }
  });

  it('records the HL7 purpose of use that matches the role', () => {
    expect(authorize(principal('clinician'), 'patient:read', { patient: 'p1' })).toBe('TREAT');
    expect(authorize(principal('data-scientist'), 'research:read')).toBe('HRESCH');
    expect(authorize(principal('admin'), 'audit:read')).toBe('HOPERAT');
  });

  it('lets only uploaders create uploads and only admins read the audit trail', () => {
    for (const role of roles) {
      const upload = () => authorize(principal(role), 'upload:create');
      const audit = () => authorize(principal(role), 'audit:read');
      if (role === 'hospital-uploader') expect(upload).not.toThrow();
      else expect(upload).toThrow(ForbiddenError);
      if (role === 'admin') expect(audit).not.toThrow();
      else expect(audit).toThrow(ForbiddenError);
    }
  });
});
