import spec from '@bosv2/contract/openapi.json';
import { describe, expect, it } from 'vitest';
import { mirrored, operationIndex, resolvePath } from './operations.js';

const index = operationIndex(spec as never);

describe('operationIndex', () => {
  it('reads every operation of the contract with its tag, path parameters and body schema', () => {
    expect(index.get('createActivity')).toMatchObject({
      method: 'POST',
      path: '/activities',
      tag: 'activities',
      pathParams: [],
    });
    expect(index.get('submitActivity')).toMatchObject({
      pathParams: ['activityId'],
      tag: 'activities',
    });
    expect(index.get('createDailyReport')?.bodySchema).toBe('DailyReportCreate');
  });

  it('mirrors report writes but not logins or uploads', () => {
    const op = (id: string) =>
      index.get(id) ??
      (() => {
        throw new Error(id);
      })();
    expect(mirrored(op('createActivity'))).toBe(true);
    expect(mirrored(op('submitActivity'))).toBe(true);
    expect(mirrored(op('officerLogin'))).toBe(false);
    expect(mirrored(op('uploadAttachment'))).toBe(false);
    expect(mirrored(op('replaceDailyReport'))).toBe(false);
  });

  it('addresses a submit to the report created earlier, and gives up when there is none', () => {
    const submit = index.get('submitActivity');
    if (!submit) throw new Error('no submitActivity');
    expect(resolvePath(submit, new Map([['activities', 'a-1']]))).toEqual({ activityId: 'a-1' });
    expect(resolvePath(submit, new Map([['dailyReports', 'd-1']]))).toBeNull();
  });
});
