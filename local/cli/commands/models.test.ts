// Unit tests (CLI models): after a promote, list or rollback the command says whether the running
// API serves the model, and what would make it if it does not.
import { describe, expect, it } from 'vitest';
import type { Promotion } from '../../../training/model-lifecycle';
import { apiServingText, promotionLine } from './models';

describe('Function: apiServingText', () => {
  it('names the ?model= the API serves the endpoint under', () => {
    expect(
      apiServingText('readmission', { names: ['readmission'], all: ['cvd-risk', 'readmission'] }),
    ).toBe('the API serves it as GET /patients/{id}/predictions?model=readmission');
  });

  it('warns, with the start command that would serve it, when the API does not', () => {
    expect(
      apiServingText('readmission', { names: [], all: ['cvd-risk', 'risk=cvd-risk-v2'] }),
    ).toBe(
      'warning: the running API does not serve model readmission (it serves cvd-risk, risk=cvd-risk-v2): GET /patients/{id}/predictions?model=readmission is refused until the stack is restarted with caregraph start --models cvd-risk,risk=cvd-risk-v2,readmission',
    );
  });

  it('adds nothing when the API could not be asked', () => {
    expect(apiServingText('readmission', undefined)).toBeUndefined();
  });
});

describe('Function: promotionLine', () => {
  const promotion = {
    version: { name: 'readmission', version: '1.1.0' },
    previous: '1.0.0',
    unchanged: false,
  } as Promotion;

  it('ends a promote with what the running API serves, or the restart it needs', () => {
    expect(
      promotionLine(promotion, 'deployed', {
        names: ['readmission'],
        all: ['cvd-risk', 'readmission'],
      }),
    ).toBe(
      'deployed model readmission version 1.1.0 (was 1.0.0): the endpoint readmission serves it from its next request\n' +
        'the API serves it as GET /patients/{id}/predictions?model=readmission',
    );
    expect(promotionLine(promotion, 'deployed', { names: [], all: ['cvd-risk'] })).toMatch(
      /serves it from its next request\nwarning: the running API does not serve model readmission .*caregraph start --models cvd-risk,readmission$/,
    );
  });

  it('prints each warning of the promotion before what the API serves', () => {
    expect(
      promotionLine(
        { ...promotion, warnings: ['model readmission version 1.1.0 records no feature spec'] },
        'deployed',
        { names: ['readmission'], all: ['readmission'] },
      ),
    ).toBe(
      'deployed model readmission version 1.1.0 (was 1.0.0): the endpoint readmission serves it from its next request\n' +
        'warning: model readmission version 1.1.0 records no feature spec\n' +
        'the API serves it as GET /patients/{id}/predictions?model=readmission',
    );
  });
});
